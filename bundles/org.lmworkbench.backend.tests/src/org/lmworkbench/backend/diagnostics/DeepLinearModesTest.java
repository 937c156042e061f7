package org.lmworkbench.backend.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmworkbench.analysis.theory.deeplinear.SaxeModes;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Mlp;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.model.Parameterization;
import org.lmworkbench.backend.optim.GradientDescent;
import org.lmworkbench.backend.train.StepRunner;
import org.lmworkbench.core.spec.ModelSpec;

/**
 * A two-layer linear network trained by the backend's gradient descent in float64 learns the modes
 * of its data's input-output correlation on Saxe et al.'s sigmoids: strengths 3, 2, 1 from a balanced
 * start at 1e-3 with learning rate 0.01 are predicted to reach half strength at steps 133, 190 and
 * 345 (REFERENCES), and the measured projections cross there within a few per cent.
 */
class DeepLinearModesTest {

    private static final double[] STRENGTHS = {3, 2, 1};
    private static final double U0 = 1e-3;
    private static final double LR = 0.01;

    @Test
    void measuredHalfTimesMatchThePredictedOnes() {
        Engine engine = Engines.pytorch(1);
        try (NDManager manager = engine.newBaseManager()) {
            // Whitened inputs: rows sqrt(3) e_i, so (1/n) sum x x^T = I, and y = rotation * diag(s) * x.
            double[][] rotation = {{0.6, 0.8, 0}, {-0.8, 0.6, 0}, {0, 0, 1}};
            double[] x = new double[9];
            double[] y = new double[9];
            for (int i = 0; i < 3; i++) {
                x[i * 3 + i] = Math.sqrt(3);
                for (int o = 0; o < 3; o++) {
                    y[i * 3 + o] = rotation[o][i] * STRENGTHS[i] * Math.sqrt(3);
                }
            }
            Batch data = new Batch(manager.create(x, new Shape(3, 3)), manager.create(y, new Shape(3, 3)), null);
            Mlp model = new Mlp(3, 3, 3, 1, ModelSpec.Activation.LINEAR, false, 1.0,
                    new Parameterization(ModelSpec.Parameterization.SP, 1.0, 3, 3, false));
            ParameterSet init = model.init(manager, 1, DataType.FLOAT64);
            // Balanced and aligned with the modes: W1 = sqrt(u0) I, W2 = sqrt(u0) R (stored transposed).
            double[] w2 = new double[9];
            for (int a = 0; a < 3; a++) {
                for (int o = 0; o < 3; o++) {
                    w2[a * 3 + o] = Math.sqrt(U0) * rotation[o][a];
                }
            }
            ParameterSet params = init.withArrays(List.of(manager.eye(3).toType(DataType.FLOAT64, false).mul(Math.sqrt(U0)),
                    manager.create(w2, new Shape(3, 3))));
            params.requireGradients();
            ModeProjections modes = ModeProjections.of(data, 3);
            assertArrayEquals(STRENGTHS, modes.strengths(), 1e-12);
            assertEquals(0, modes.inputWhiteness(), 1e-12);
            StepRunner runner = new StepRunner(engine, model, Loss.MSE, params, new GradientDescent(params, 0, false, 0));
            List<double[]> trajectory = new ArrayList<>();
            for (int step = 0; step <= 450; step++) {
                try (NDManager scratch = manager.newSubManager()) {
                    scratch.tempAttachAll(params.arrays());
                    double[] u = modes.project(ModeProjections.endToEndMap(model, params, new long[] {3}, scratch));
                    trajectory.add(u);
                    if (step == 0) {
                        assertArrayEquals(new double[] {U0, U0, U0}, u, 1e-12);
                    }
                    runner.forwardBackward(data);
                    runner.update(LR);
                }
            }
            SaxeModes theory = SaxeModes.of(STRENGTHS, U0, LR);
            double[] steps = new double[trajectory.size()];
            for (int t = 0; t < steps.length; t++) {
                steps[t] = t;
            }
            double[] expected = {133, 190, 345};
            for (int k = 0; k < 3; k++) {
                double[] values = new double[steps.length];
                for (int t = 0; t < steps.length; t++) {
                    values[t] = trajectory.get(t)[k];
                }
                double predicted = theory.halfTime(k);
                double measured = SaxeModes.crossingTime(steps, values, STRENGTHS[k] / 2);
                assertEquals(expected[k], predicted, 1.0, "predicted half-time of mode " + k);
                assertEquals(predicted, measured, 0.03 * predicted, "measured half-time of mode " + k);
            }
        }
    }
}
