package org.lmworkbench.analysis.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the commons-math tridiagonal QL used for Ritz values against the dense decomposition
 * and against the defining equation, on the kinds of {@code T} Lanczos produces.
 */
class SymmetricTridiagonalEigenTest {

    @ParameterizedTest
    @ValueSource(strings = {"random", "split", "cluster", "wilkinson"})
    void agreesWithDenseDecompositionAndSatisfiesEigenEquation(String kind) {
        int m = 61;
        double[] alpha = new double[m];
        double[] beta = new double[m];
        Well19937c rng = new Well19937c(kind.hashCode());
        for (int i = 0; i < m; i++) {
            switch (kind) {
                case "random" -> {
                    alpha[i] = rng.nextGaussian();
                    beta[i] = Math.abs(rng.nextGaussian());
                }
                case "split" -> { // zero couplings, as left by Lanczos restarts
                    alpha[i] = rng.nextGaussian();
                    beta[i] = i % 5 == 4 ? 0.0 : Math.abs(rng.nextGaussian());
                }
                case "cluster" -> { // converged Ritz values: tiny couplings, near-equal diagonal
                    alpha[i] = 3.0 + 1e-9 * rng.nextGaussian();
                    beta[i] = 1e-12 * Math.abs(rng.nextGaussian());
                }
                default -> { // Wilkinson W_61^+: pairs of eigenvalues agreeing to many digits
                    alpha[i] = Math.abs(i - m / 2);
                    beta[i] = 1.0;
                }
            }
        }
        SymmetricTridiagonalEigen eig = new SymmetricTridiagonalEigen(alpha, beta, m);
        double[][] dense = new double[m][m];
        for (int i = 0; i < m; i++) {
            dense[i][i] = alpha[i];
            if (i + 1 < m) {
                dense[i][i + 1] = beta[i];
                dense[i + 1][i] = beta[i];
            }
        }
        double[] exact = TestMatrices.eigenvaluesDescending(dense);
        double[] got = new double[m];
        for (int i = 0; i < m; i++) {
            got[i] = eig.value(i);
            double[] s = eig.vector(i);
            assertEquals(1.0, TestMatrices.norm(s), 1e-12);
            assertEquals(0.0, TestMatrices.residual(dense, s, got[i]), 1e-12 * (1 + Math.abs(got[i])),
                    kind + " vector " + i);
        }
        assertArrayEquals(exact, got, 1e-12 * (1 + Math.abs(exact[0])));
        for (int i = 1; i < m; i++) {
            assertEquals(true, got[i - 1] >= got[i], "decreasing order");
        }
    }
}
