package org.lmworkbench.analysis.theory.deeplinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The balancedness conservation law on a three-layer linear network (4 -> 6 -> 5 -> 3) trained by
 * gradient descent in float64 from a random, unbalanced initialization, on a random input covariance
 * and target map.
 */
class BalancednessTest {

    private final Well19937c rng = new Well19937c(17);
    private final RealMatrix x = DeepLinearNet.gaussian(4, 4, 1, rng);
    private final RealMatrix sxx = x.multiply(x.transpose()).scalarMultiply(0.25).add(DeepLinearNet.identity(4)
            .scalarMultiply(0.5));
    private final RealMatrix syx = DeepLinearNet.gaussian(3, 4, 1, rng).multiply(sxx);
    private final List<RealMatrix> init = List.of(DeepLinearNet.gaussian(6, 4, 0.5, rng),
            DeepLinearNet.gaussian(5, 6, 0.5, rng), DeepLinearNet.gaussian(3, 5, 0.5, rng));

    @Test
    void oneStepChangesTheBalancednessByExactlyEtaSquaredTerms() {
        DeepLinearNet net = new DeepLinearNet(sxx, syx, init);
        Balancedness before = Balancedness.of(net.weightArrays());
        List<RealMatrix> g = net.gradients();
        double[] change = new double[2];
        for (int k = 0; k < 2; k++) {
            double eta = 0.01 / (1 << k);
            DeepLinearNet stepped = new DeepLinearNet(sxx, syx, init);
            stepped.step(eta);
            Balancedness after = Balancedness.of(stepped.weightArrays());
            change[k] = after.distanceTo(before);
            // eta^2 (G_l G_l^T - G_(l+1)^T G_(l+1)), the predicted change
            double squares = 0;
            for (int l = 0; l < 2; l++) {
                RealMatrix predicted = g.get(l).multiply(g.get(l).transpose())
                        .subtract(g.get(l + 1).transpose().multiply(g.get(l + 1))).scalarMultiply(eta * eta);
                RealMatrix actual = new Array2DRowRealMatrix(after.matrices().get(l))
                        .subtract(new Array2DRowRealMatrix(before.matrices().get(l)));
                squares += Math.pow(actual.subtract(predicted).getFrobeniusNorm(), 2);
            }
            assertTrue(Math.sqrt(squares) < 1e-9 * change[k], "the first-order terms cancel at eta " + eta);
        }
        // rounding of D ~ 10 at 1e-16 against a change ~ 1e-2: the ratio is 4 to ~1e-12
        assertEquals(4, change[0] / change[1], 1e-8, "halving the step quarters the change: " + change[0] + ", "
                + change[1]);
    }

    @Test
    void driftOverAFixedTrainingTimeShrinksLinearlyWithTheStep() {
        double[] drift = new double[3];
        for (int k = 0; k < 3; k++) {
            double eta = 0.02 / (1 << k);
            int steps = 400 * (1 << k);
            drift[k] = train(eta, steps)[0];
        }
        // per-step change eta^2 over time/eta steps: drift ~ eta; the ratio approaches 2 as O(eta)
        // differences between the trajectories vanish
        double coarse = drift[0] / drift[1];
        double fine = drift[1] / drift[2];
        String what = "drifts " + java.util.Arrays.toString(drift);
        assertEquals(2, coarse, 0.25, what);
        assertEquals(2, fine, 0.15, what);
        assertTrue(Math.abs(fine - 2) < Math.abs(coarse - 2), "converges to linear: " + what);
    }

    @Test
    void aLargeStepDriftsMeasurably() {
        double d0 = Balancedness.of(new DeepLinearNet(sxx, syx, init).weightArrays()).norm();
        double[] small = train(0.005, 800);
        // 0.07 is about the largest step that still converges here (0.1 ends in an oscillation)
        double[] large = train(0.07, 800);
        String what = "|D0| " + d0 + ", drift at 0.005: " + small[0] + ", at 0.07: " + large[0];
        assertTrue(small[0] < 0.005 * d0, what);
        assertTrue(large[0] > 0.04 * d0, what);
        assertTrue(large[0] > 10 * small[0], what);
        assertTrue(large[1] < 1e-6 * Math.abs(small[2]) + 1e-6, "the large-step run still converged: " + large[1]);
    }

    @Test
    void shapesMustChain() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Balancedness.of(List.of(new double[2][3], new double[4][3])));
        assertTrue(e.getMessage().contains("layer 2 takes 3 inputs but layer 1 has 2 outputs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Balancedness.of(List.<double[][]>of(new double[2][3])));
    }

    /** {drift from init, final loss minus the optimum's loss, the optimum's loss} after training. */
    private double[] train(double eta, int steps) {
        DeepLinearNet net = new DeepLinearNet(sxx, syx, init);
        Balancedness start = Balancedness.of(net.weightArrays());
        for (int k = 0; k < steps; k++) {
            net.step(eta);
        }
        // the minimum of (1/2) tr(P Sxx P^T) - tr(Syx^T P) over all P is -(1/2) tr(Syx Sxx^-1 Syx^T)
        RealMatrix inverse = new LUDecomposition(sxx).getSolver().getInverse();
        double optimum = -0.5 * syx.multiply(inverse).multiply(syx.transpose()).getTrace();
        return new double[] {Balancedness.of(net.weightArrays()).distanceTo(start), net.loss() - optimum, optimum};
    }
}
