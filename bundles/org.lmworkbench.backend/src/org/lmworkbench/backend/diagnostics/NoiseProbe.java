package org.lmworkbench.backend.diagnostics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.Optional;
import org.lmworkbench.analysis.theory.noise.GradientNoiseScale;
import org.lmworkbench.analysis.theory.noise.NoiseScaleEstimate;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.train.ProbeContext;
import org.lmworkbench.backend.train.TrainingProbe;
import org.lmworkbench.core.run.NoiseLine;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ProbeSpec;

/**
 * The simple gradient noise scale {@code B_simple = tr(Sigma) / |G|^2} during training
 * ({@code probes.noise}) from the per-example gradients of the first {@code examples} training
 * examples, one {@link NoiseLine} per measurement in {@code probes/noise.jsonl}: McCandlish et al.'s
 * prediction of the critical batch size. One backward pass per example on a copy of the parameters.
 */
public final class NoiseProbe implements TrainingProbe {

    /** Per-example gradients are held in memory; above this many numbers the probe refuses. */
    static final long MAX_VALUES = 50_000_000L;

    private final ProbeSpec.Noise spec;

    private NoiseProbe(ProbeSpec.Noise spec) {
        this.spec = spec;
    }

    /** The probe of a run whose spec asks for it ({@code probes.noise.every > 0}). */
    public static Optional<TrainingProbe> forRun(ExperimentSpec spec) {
        ProbeSpec.Noise n = spec.probes().noise();
        return n.every() > 0 ? Optional.of(new NoiseProbe(n)) : Optional.empty();
    }

    @Override
    public String name() {
        return "noise";
    }

    @Override
    public boolean due(long step) {
        return step % spec.every() == 0;
    }

    @Override
    public void run(ProbeContext context) throws Exception {
        Batch batch = context.trainingSubset(spec.examples());
        ParameterSet params = context.parameters().copy(context.manager());
        long size = params.elementCount();
        if (size * batch.size() > MAX_VALUES) {
            throw new IllegalArgumentException("$.probes.noise.examples: " + batch.size() + " per-example gradients of "
                    + size + " parameters exceed " + MAX_VALUES + " numbers; take fewer examples");
        }
        params.requireGradients();
        double[][] gradients = new double[batch.size()][];
        for (int i = 0; i < gradients.length; i++) {
            NDArray x = batch.x().get(i + ":" + (i + 1));
            NDArray y = batch.y().get(i + ":" + (i + 1));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(context.loss().compute(context.model().forward(params, x, true), y));
            }
            double[] row = new double[(int) size];
            int at = 0;
            for (NDArray p : params.arrays()) {
                double[] g = p.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
                System.arraycopy(g, 0, row, at, g.length);
                at += g.length;
            }
            gradients[i] = row;
        }
        NoiseScaleEstimate e = GradientNoiseScale.fromPerExample(gradients);
        context.jsonl(NoiseLine.FILE).append(new NoiseLine(context.step(), batch.size(), e.gradientNormSquared(),
                e.traceCovariance(), e.simpleNoiseScale()).values());
    }
}
