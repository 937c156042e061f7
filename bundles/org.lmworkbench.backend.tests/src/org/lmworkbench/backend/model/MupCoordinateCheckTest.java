package org.lmworkbench.backend.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.optim.Adam;
import org.lmworkbench.backend.train.Scalars;
import org.lmworkbench.backend.train.StepRunner;
import org.lmworkbench.core.spec.ModelSpec;

/**
 * The coordinate check of microsoft/mup: train each width 3 Adam steps on one fixed batch and look at
 * the mean |activation| of every hidden layer. Under muP it must stay flat across widths 64..1024
 * (within a factor 1.5); under SP the layers after the first must grow (by more than 2x), because
 * an Adam step of a fan-in-n weight moves its output by about lr * n.
 */
class MupCoordinateCheckTest {

    private static final int[] WIDTHS = {64, 128, 256, 512, 1024};
    private static final int INPUTS = 32;
    private static final int BATCH = 64;
    private static final int DEPTH = 3;
    private static final double LR = 0.02;
    private static final long[] SEEDS = {0, 1};

    /** Mean |activation| per layer after 3 steps, averaged over seeds, by width. */
    private Map<Integer, double[]> coordinates(ModelSpec.Parameterization kind) {
        Engine engine = Engines.pytorch(1);
        Map<Integer, double[]> result = new LinkedHashMap<>();
        for (int width : WIDTHS) {
            double[] mean = new double[DEPTH];
            for (long seed : SEEDS) {
                try (NDManager root = NDManager.newBaseManager()) {
                    Parameterization scaling = new Parameterization(kind, 1.0, width, 64, true);
                    Mlp model = new Mlp(INPUTS, 1, width, DEPTH, ModelSpec.Activation.LINEAR, true, 1.0, scaling);
                    ParameterSet params = model.init(root, seed, DataType.FLOAT32);
                    params.requireGradients();
                    Adam adam = new Adam(params, 0.9, 0.999, 1e-8, 0, false);
                    StepRunner runner = new StepRunner(engine, model, Loss.MSE, params, adam);
                    Batch batch = fixedBatch(root);
                    NDList persistent = new NDList(params.arrays());
                    persistent.add(batch.x());
                    persistent.add(batch.y());
                    for (int step = 0; step < 3; step++) {
                        try (NDManager s = root.newSubManager()) {
                            s.tempAttachAll(persistent);
                            runner.forwardBackward(batch);
                            runner.update(LR);
                        }
                    }
                    List<String> layers = model.layerNames();
                    double[] m = new double[DEPTH];
                    model.forward(params, batch.x(), false,
                            (layer, a) -> m[layers.indexOf(layer)] = Scalars.value(a.abs().mean()));
                    for (int l = 0; l < DEPTH; l++) {
                        mean[l] += m[l] / SEEDS.length;
                    }
                }
            }
            result.put(width, mean);
        }
        return result;
    }

    private static Batch fixedBatch(NDManager manager) {
        SplittableRandom random = new SplittableRandom(42);
        float[] x = new float[BATCH * INPUTS];
        float[] y = new float[BATCH];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) random.nextGaussian();
        }
        NDArray xs = manager.create(x, new Shape(BATCH, INPUTS));
        NDArray ys = manager.create(y, new Shape(BATCH, 1));
        return new Batch(xs, ys, null);
    }

    private static String table(Map<Integer, double[]> c) {
        StringBuilder s = new StringBuilder();
        c.forEach((w, m) -> s.append(w).append(": ").append(java.util.Arrays.toString(m)).append('\n'));
        return s.toString();
    }

    @Test
    void mupActivationsStayFlatAcrossWidths() {
        Map<Integer, double[]> c = coordinates(ModelSpec.Parameterization.MUP);
        for (int l = 0; l < DEPTH; l++) {
            double min = Double.MAX_VALUE;
            double max = 0;
            for (double[] m : c.values()) {
                min = Math.min(min, m[l]);
                max = Math.max(max, m[l]);
            }
            assertTrue(max / min < 1.5, "muP layer hidden" + (l + 1) + " varies by " + max / min + "x:\n" + table(c));
        }
    }

    @Test
    void standardParameterizationActivationsGrowWithWidth() {
        Map<Integer, double[]> c = coordinates(ModelSpec.Parameterization.SP);
        for (int l = 1; l < DEPTH; l++) {
            double growth = c.get(1024)[l] / c.get(64)[l];
            assertTrue(growth > 2, "SP layer hidden" + (l + 1) + " grows only " + growth + "x:\n" + table(c));
        }
    }
}
