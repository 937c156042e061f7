package org.lmworkbench.backend.optim;

import org.lmworkbench.core.spec.OptimizerSpec;
import org.lmworkbench.core.spec.ScheduleSpec;

/**
 * Learning rate per step: constant, linear warm-up then constant, or warm-up then cosine decay to
 * {@code min_lr} at the last step. A pure function of the step, so resuming needs no schedule state.
 */
public final class LrSchedule {

    private final ScheduleSpec spec;
    private final double peak;
    private final long totalSteps;

    /** The schedule of {@code optimizer} over {@code totalSteps} steps. */
    public LrSchedule(OptimizerSpec optimizer, long totalSteps) {
        this.spec = optimizer.schedule();
        this.peak = optimizer.lr();
        this.totalSteps = totalSteps;
    }

    /** The rate of update number {@code step} (0-based). */
    public double at(long step) {
        long warmup = spec.warmupSteps();
        if (spec.kind() != ScheduleSpec.Kind.CONSTANT && step < warmup) {
            return peak * (step + 1) / warmup;
        }
        if (spec.kind() == ScheduleSpec.Kind.COSINE) {
            double span = Math.max(1, totalSteps - warmup - 1);
            double progress = Math.min(1.0, (step - warmup) / span);
            return spec.minLr() + 0.5 * (peak - spec.minLr()) * (1 + Math.cos(Math.PI * progress));
        }
        return peak;
    }
}
