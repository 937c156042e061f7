package org.lmworkbench.backend.hessian;

import org.lmworkbench.analysis.spectral.HutchPlusPlusTraceEstimator;
import org.lmworkbench.analysis.spectral.HutchinsonTraceEstimator;
import org.lmworkbench.analysis.spectral.LinearOperator;
import org.lmworkbench.analysis.spectral.ProgressSink;
import org.lmworkbench.analysis.spectral.TraceEstimate;
import org.lmworkbench.core.run.TraceLine;
import org.lmworkbench.core.spec.ProbeSpec;

/**
 * Hessian trace estimates during training ({@code probes.trace} in a spec), one line per
 * measurement in {@code probes/trace.jsonl}.
 *
 * <p>Hutch++ (Meyer et al. 2021) with a budget of {@code samples} products is used from three
 * samples on: Hessian spectra have a few large outliers, which Hutch++ takes exactly and plain
 * Hutchinson only samples, so its error is far smaller for the same cost. Below three samples
 * plain Hutchinson with Rademacher probes is used. Both estimators seed from the step so that
 * repeated runs give identical files.
 *
 * <p>This class is run by {@link SharpnessProbe}, the one probe of Hessian measurements, so that
 * both share one gradient graph when they fall on the same step.
 */
public final class TraceProbe {

    private final ProbeSpec.Trace spec;
    private final long seed;

    /**
     * @param spec trace settings of the run
     * @param seed run seed, combined with the step for the probe vectors
     */
    public TraceProbe(ProbeSpec.Trace spec, long seed) {
        this.spec = spec;
        this.seed = seed;
    }

    /**
     * @param step completed optimizer steps
     * @return whether a trace estimate is due
     */
    public boolean due(long step) {
        return spec.every() > 0 && step % spec.every() == 0;
    }

    /**
     * Estimates the trace.
     *
     * @param op      the Hessian operator
     * @param samples number of products to spend
     * @param seed    seed of the probe vectors
     * @return the estimate with its standard error and product count
     */
    public static TraceEstimate estimate(LinearOperator op, int samples, long seed) {
        if (samples >= 3) {
            return HutchPlusPlusTraceEstimator.defaults().withBudget(samples).withSeed(seed)
                    .estimate(op, ProgressSink.NONE);
        }
        return HutchinsonTraceEstimator.defaults().withProbes(samples).withSeed(seed)
                .estimate(op, ProgressSink.NONE);
    }

    /**
     * Measures and builds the line for {@code trace.jsonl}.
     *
     * @param op       the Hessian operator
     * @param step     completed optimizer steps
     * @param examples number of examples the Hessian is taken over
     * @return the line
     */
    public TraceLine measure(HessianOperator op, long step, int examples) {
        long before = op.hvpCount();
        long start = System.nanoTime();
        TraceEstimate t = estimate(op, spec.samples(), seed * 1_000_003L + step);
        return new TraceLine(step, t.trace(), t.standardError(), t.method(), t.probes(), op.hvpCount() - before,
                examples, ModelHessian.MODE, (System.nanoTime() - start) * 1e-9);
    }
}
