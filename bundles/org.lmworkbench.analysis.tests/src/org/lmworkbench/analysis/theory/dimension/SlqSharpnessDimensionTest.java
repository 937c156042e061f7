package org.lmworkbench.analysis.theory.dimension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.lmworkbench.analysis.spectral.DenseSymmetricOperator;
import org.lmworkbench.analysis.spectral.ProgressSink;
import org.lmworkbench.analysis.spectral.SpectralQuadrature;
import org.lmworkbench.analysis.spectral.StochasticLanczosQuadrature;

/**
 * The sharpness dimension from stochastic Lanczos quadrature against the exact value from dense
 * eigendecompositions of the same matrices. The "minibatch Hessians" are Wishart matrices
 * {@code X^T X / b} of {@code b = 100} Gaussian rows in {@code d = 150} dimensions with four strong
 * directions: rank 100 (50 zero eigenvalues that count toward the dimension), four eigenvalues above
 * {@code 2/eta = 20} and a bulk near 3, so the dimension is about 92 and depends on the whole
 * spectrum.
 */
class SlqSharpnessDimensionTest {

    private static final int D = 150;
    private static final int B = 100;
    private static final double ETA = 0.1;

    @Test
    void freshMinibatchPerRunAgreesWithTheExactValueWithinItsError() {
        Well19937c rng = new Well19937c(7);
        List<double[]> spectra = new ArrayList<>();
        List<SpectralQuadrature> quadratures = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            double[][] h = minibatchHessian(rng);
            spectra.add(new EigenDecomposition(new Array2DRowRealMatrix(h)).getRealEigenvalues());
            quadratures.add(StochasticLanczosQuadrature.defaults().withRuns(1).withSeed(1000 + r)
                    .estimate(DenseSymmetricOperator.wrap(h), ProgressSink.NONE));
        }
        SharpnessDimensionEstimate exact = SharpnessDimension.ofMinibatchSpectra(spectra, ETA);
        SharpnessDimensionEstimate slq = SharpnessDimension.ofQuadrature(quadratures, ETA);
        String what = "exact " + exact + ", SLQ " + slq;
        assertEquals(20, slq.samples());
        assertEquals(D, slq.dimension());
        assertTrue(exact.value() > 80 && exact.value() < 110, what);
        assertTrue(slq.standardError() > 0 && slq.standardError() < 0.05 * exact.value(), what);
        assertEquals(exact.value(), slq.value(), 3 * slq.standardError(), what);
    }

    @Test
    void manyRunsOnOneHessianAgreeWithItsExactValueWithinTheError() {
        double[][] h = minibatchHessian(new Well19937c(8));
        double exact = SharpnessDimension.ofMinibatchSpectra(
                List.of(new EigenDecomposition(new Array2DRowRealMatrix(h)).getRealEigenvalues()), ETA).value();
        SpectralQuadrature q = StochasticLanczosQuadrature.defaults().withRuns(30).withSeed(5)
                .estimate(DenseSymmetricOperator.wrap(h), ProgressSink.NONE);
        SharpnessDimensionEstimate slq = SharpnessDimension.ofQuadrature(List.of(q), ETA);
        String what = "exact " + exact + ", SLQ " + slq;
        assertTrue(slq.standardError() > 0 && slq.standardError() < 0.05 * exact, what);
        assertEquals(exact, slq.value(), 3 * slq.standardError(), what);
        assertTrue(slq.estimator().contains("30 runs"), slq.estimator());
    }

    /** {@code X^T X / b} with Gaussian rows whose first four coordinates have variances 60, 45, 35, 25, the rest 3. */
    private static double[][] minibatchHessian(Well19937c rng) {
        double[] scale = new double[D];
        java.util.Arrays.fill(scale, Math.sqrt(3));
        scale[0] = Math.sqrt(60);
        scale[1] = Math.sqrt(45);
        scale[2] = Math.sqrt(35);
        scale[3] = Math.sqrt(25);
        double[][] x = new double[B][D];
        for (double[] row : x) {
            for (int j = 0; j < D; j++) {
                row[j] = scale[j] * rng.nextGaussian();
            }
        }
        double[][] h = new double[D][D];
        for (int i = 0; i < D; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (double[] row : x) {
                    s += row[i] * row[j];
                }
                h[i][j] = h[j][i] = s / B;
            }
        }
        return h;
    }
}
