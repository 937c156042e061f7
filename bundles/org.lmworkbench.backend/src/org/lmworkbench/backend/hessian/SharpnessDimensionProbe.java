package org.lmworkbench.backend.hessian;

import java.util.Optional;
import org.lmworkbench.backend.train.ProbeContext;
import org.lmworkbench.backend.train.TrainingProbe;
import org.lmworkbench.core.run.SharpnessDimensionLine;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ProbeSpec;

/**
 * The sharpness dimension during training ({@code probes.sharpness_dimension}), one
 * {@link SharpnessDimensionLine} per measurement in {@code probes/sharpness_dimension.jsonl}. The
 * map's step is {@code probes.sharpness_dimension.eta}, or the learning rate in effect when it is
 * not given. Minibatches are drawn from the whole training set with a generator seeded by the run
 * seed and the step, so reruns write identical lines.
 */
public final class SharpnessDimensionProbe implements TrainingProbe {

    private final ProbeSpec.SharpnessDimension settings;
    private final SharpnessDimensionMeter meter;

    /** The probe of a run whose spec measures the sharpness dimension. */
    public static Optional<TrainingProbe> forRun(ExperimentSpec spec) {
        ProbeSpec.SharpnessDimension s = spec.probes().sharpnessDimension();
        return s.every() > 0 ? Optional.of(new SharpnessDimensionProbe(s, spec.seed())) : Optional.empty();
    }

    private SharpnessDimensionProbe(ProbeSpec.SharpnessDimension settings, long seed) {
        this.settings = settings;
        this.meter = new SharpnessDimensionMeter(settings, seed);
    }

    @Override
    public String name() {
        return "sharpness_dimension";
    }

    @Override
    public boolean due(long step) {
        return settings.every() > 0 && step % settings.every() == 0;
    }

    @Override
    public void run(ProbeContext ctx) throws Exception {
        double eta = Double.isNaN(settings.eta()) ? ctx.learningRate() : settings.eta();
        SharpnessDimensionLine line = meter.measure(ctx.model(), ctx.parameters(), ctx.loss(),
                ctx.trainingSubset(Integer.MAX_VALUE), eta, ctx.step(), ctx.manager());
        ctx.jsonl(SharpnessDimensionLine.FILE).append(line.values());
    }
}
