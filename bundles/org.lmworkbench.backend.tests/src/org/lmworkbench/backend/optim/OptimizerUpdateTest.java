package org.lmworkbench.backend.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.ParameterInfo;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * The optimizers' updates against the algorithms as torch.optim documents them, written out here in
 * plain double arithmetic: SGD with weight decay, heavy-ball and Nesterov momentum, Adam with its L2
 * term and AdamW with decoupled decay, over several steps, with per-tensor learning-rate
 * multipliers (muP) and a tensor exempt from decay. The gradients are handed in, so the test sees
 * only the update rule.
 */
class OptimizerUpdateTest {

    private static final int STEPS = 4;
    private static final double[] MULTIPLIERS = {2.0, 1.0, 0.5};
    private static final boolean[] DECAY = {true, false, true};
    private static final int[] SIZES = {6, 3, 4};

    /** One tensor's state in the reference: parameter, gradient per step, first and second moments. */
    private static final class Ref {
        final double[] p;
        final double[] m;
        final double[] v;

        Ref(double[] p) {
            this.p = p.clone();
            this.m = new double[p.length];
            this.v = new double[p.length];
        }
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    /** Runs {@code optimizer} and the reference side by side; {@code reference} applies one step to one tensor. */
    private interface Rule {
        void apply(Ref ref, double[] grad, double lr, boolean decay, int t);
    }

    private static void check(String what, java.util.function.Function<ParameterSet, Optimizer> create, Rule rule) {
        Engines.pytorch(1);
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom r = new SplittableRandom(what.hashCode());
            ParameterSet params = new ParameterSet();
            List<Ref> refs = new ArrayList<>();
            for (int k = 0; k < SIZES.length; k++) {
                double[] init = random(r, SIZES[k]);
                refs.add(new Ref(init));
                params.add(new ParameterInfo("p" + k, "layer" + k, ParameterInfo.Role.HIDDEN_WEIGHT, MULTIPLIERS[k],
                        DECAY[k]), m.create(init, new Shape(SIZES[k])));
            }
            Optimizer optimizer = create.apply(params);
            double lr = 0.05;
            for (int t = 1; t <= STEPS; t++) {
                List<NDArray> grads = new ArrayList<>();
                for (int k = 0; k < SIZES.length; k++) {
                    double[] g = random(r, SIZES[k]);
                    NDArray ga = m.create(g, new Shape(SIZES[k]));
                    grads.add(ga);
                    rule.apply(refs.get(k), g, lr * MULTIPLIERS[k], DECAY[k], t);
                }
                List<double[]> before = new ArrayList<>();
                grads.forEach(g -> before.add(g.toDoubleArray()));
                optimizer.step(params, grads, lr);
                for (int k = 0; k < SIZES.length; k++) {
                    assertArrayEquals(before.get(k), grads.get(k).toDoubleArray(), 0, what + ": gradient left alone");
                    double[] actual = params.get("p" + k).toDoubleArray();
                    for (int i = 0; i < actual.length; i++) {
                        double expected = refs.get(k).p[i];
                        assertEquals(expected, actual[i], 1e-13 * (1 + Math.abs(expected)),
                                what + ": step " + t + ", tensor " + k + ", element " + i);
                    }
                }
                lr *= 0.9;
            }
            assertEquals(STEPS, optimizer.updates(), what + ": update count");
        }
    }

    @Test
    void plainSgdSubtractsRateTimesGradient() {
        check("sgd", p -> new GradientDescent(p, 0, false, 0), (ref, g, lr, decay, t) -> {
            for (int i = 0; i < g.length; i++) {
                ref.p[i] -= lr * g[i];
            }
        });
    }

    @Test
    void heavyBallWithWeightDecayFollowsTorchSgd() {
        double mu = 0.9;
        double wd = 0.01;
        check("momentum", p -> new GradientDescent(p, mu, false, wd), (ref, g, lr, decay, t) -> {
            for (int i = 0; i < g.length; i++) {
                double d = g[i] + (decay ? wd * ref.p[i] : 0);
                // torch.optim.SGD: the buffer is d itself at the first step, mu b + d afterwards.
                ref.m[i] = t == 1 ? d : mu * ref.m[i] + d;
                ref.p[i] -= lr * ref.m[i];
            }
        });
    }

    @Test
    void nesterovFollowsTorchSgd() {
        double mu = 0.8;
        double wd = 0.02;
        check("nesterov", p -> new GradientDescent(p, mu, true, wd), (ref, g, lr, decay, t) -> {
            for (int i = 0; i < g.length; i++) {
                double d = g[i] + (decay ? wd * ref.p[i] : 0);
                ref.m[i] = t == 1 ? d : mu * ref.m[i] + d;
                ref.p[i] -= lr * (d + mu * ref.m[i]);
            }
        });
    }

    @Test
    void adamWithL2TermFollowsTorchAdam() {
        double b1 = 0.9;
        double b2 = 0.99;
        double eps = 1e-3;
        double wd = 0.05;
        check("adam", p -> new Adam(p, b1, b2, eps, wd, false), (ref, g, lr, decay, t) -> {
            for (int i = 0; i < g.length; i++) {
                double d = g[i] + (decay ? wd * ref.p[i] : 0);
                ref.m[i] = b1 * ref.m[i] + (1 - b1) * d;
                ref.v[i] = b2 * ref.v[i] + (1 - b2) * d * d;
                double mHat = ref.m[i] / (1 - Math.pow(b1, t));
                double vHat = ref.v[i] / (1 - Math.pow(b2, t));
                ref.p[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        });
    }

    @Test
    void adamWDecaysTheWeightsApartFromTheGradient() {
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-2;
        double wd = 0.1;
        check("adamw", p -> new Adam(p, b1, b2, eps, wd, true), (ref, g, lr, decay, t) -> {
            for (int i = 0; i < g.length; i++) {
                if (decay) {
                    ref.p[i] -= lr * wd * ref.p[i];
                }
                ref.m[i] = b1 * ref.m[i] + (1 - b1) * g[i];
                ref.v[i] = b2 * ref.v[i] + (1 - b2) * g[i] * g[i];
                double mHat = ref.m[i] / (1 - Math.pow(b1, t));
                double vHat = ref.v[i] / (1 - Math.pow(b2, t));
                ref.p[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        });
    }

    @Test
    void aMissingGradientIsRefused() {
        Engines.pytorch(1);
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterSet params = new ParameterSet();
            params.add(new ParameterInfo("w", "l", ParameterInfo.Role.HIDDEN_WEIGHT, 1, true), m.zeros(new Shape(2)));
            params.add(new ParameterInfo("b", "l", ParameterInfo.Role.HIDDEN_VECTOR, 1, false), m.zeros(new Shape(2)));
            Optimizer sgd = new GradientDescent(params, 0, false, 0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sgd.step(params, List.of(m.ones(new Shape(2))), 0.1));
            assertEquals("expected 2 gradients, got 1", e.getMessage());
        }
    }
}
