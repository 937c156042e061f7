package org.lmworkbench.backend.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Mlp;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.model.Parameterization;
import org.lmworkbench.backend.optim.GradientDescent;
import org.lmworkbench.core.spec.ModelSpec;

/**
 * The step's gradient against the closed form of a linear model with squared error
 * ({@code dW = X^T r / n}, {@code db = sum r / n} with {@code r = X W + b - Y}), over several steps:
 * each pass yields only its own gradient (nothing accumulates from the step before, nothing has to
 * be zeroed), and the update lands in the parameters the next pass reads.
 */
class StepRunnerTest {

    private static final int N = 7;
    private static final int IN = 3;
    private static final int OUT = 2;

    @Test
    void eachPassGivesTheClosedFormGradientAtTheCurrentParameters() {
        Engine engine = Engines.pytorch(1);
        Parameterization sp = new Parameterization(ModelSpec.Parameterization.SP, 1.0, 1, 1, false);
        Mlp linear = new Mlp(IN, OUT, 1, 0, ModelSpec.Activation.LINEAR, true, 1.0, sp);
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = new double[N][IN];
        double[][] y = new double[N][OUT];
        double[] xFlat = new double[N * IN];
        double[] yFlat = new double[N * OUT];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < IN; j++) {
                x[i][j] = r.nextGaussian();
                xFlat[i * IN + j] = x[i][j];
            }
            for (int k = 0; k < OUT; k++) {
                y[i][k] = r.nextGaussian();
                yFlat[i * OUT + k] = y[i][k];
            }
        }
        try (NDManager root = NDManager.newBaseManager()) {
            ParameterSet params = linear.init(root, 3, DataType.FLOAT64);
            params.get("output.bias").set(new double[] {0.25, -0.5});
            Batch batch = new Batch(root.create(xFlat, new Shape(N, IN)), root.create(yFlat, new Shape(N, OUT)), null);
            StepRunner runner = new StepRunner(engine, linear, Loss.MSE, params,
                    new GradientDescent(params, 0, false, 0));
            NDList persistent = new NDList(params.arrays());
            persistent.add(batch.x());
            persistent.add(batch.y());
            double lr = 0.1;
            for (int step = 0; step < 3; step++) {
                double[] w = params.get("output.weight").toDoubleArray();
                double[] b = params.get("output.bias").toDoubleArray();
                double[] dw = new double[IN * OUT];
                double[] db = new double[OUT];
                for (int i = 0; i < N; i++) {
                    for (int k = 0; k < OUT; k++) {
                        double residual = b[k] - y[i][k];
                        for (int j = 0; j < IN; j++) {
                            residual += x[i][j] * w[j * OUT + k];
                        }
                        db[k] += residual / N;
                        for (int j = 0; j < IN; j++) {
                            dw[j * OUT + k] += x[i][j] * residual / N;
                        }
                    }
                }
                try (NDManager s = root.newSubManager()) {
                    s.tempAttachAll(persistent);
                    // Twice: a second pass must not add to the first one's gradient.
                    for (int pass = 0; pass < 2; pass++) {
                        runner.forwardBackward(batch);
                        assertClose(dw, runner.gradients().get(0).toDoubleArray(), "dW, step " + step);
                        assertClose(db, runner.gradients().get(1).toDoubleArray(), "db, step " + step);
                    }
                    runner.update(lr);
                    double[] w1 = params.get("output.weight").toDoubleArray();
                    for (int e = 0; e < w1.length; e++) {
                        assertEquals(w[e] - lr * dw[e], w1[e], 1e-15, "W after step " + step);
                    }
                }
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-13 * (1 + Math.abs(expected[i])), what + "[" + i + "]");
        }
    }
}
