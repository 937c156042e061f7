package org.lmworkbench.analysis.theory.zo;

import java.util.SplittableRandom;

/**
 * The two-point zeroth-order gradient estimate on the diagonal quadratic
 * {@code f(x) = sum_i lambda_i x_i^2 / 2}: {@code g = (1/n) sum_k [f(x + mu u_k) - f(x - mu u_k)] / (2 mu)
 * u_k} with Gaussian {@code u_k}. A reference for the tests only; the product's estimator runs in the
 * training backend.
 */
final class TwoPointEstimator {

    private final double[] lambda;
    private final double mu;
    private final int directions;
    private final double[] u;
    private final double[] probe;

    TwoPointEstimator(double[] lambda, double mu, int directions) {
        this.lambda = lambda;
        this.mu = mu;
        this.directions = directions;
        this.u = new double[lambda.length];
        this.probe = new double[lambda.length];
    }

    double loss(double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += 0.5 * lambda[i] * x[i] * x[i];
        }
        return f;
    }

    /** Writes the estimate at {@code x} into {@code g}. */
    void estimate(double[] x, SplittableRandom rng, double[] g) {
        java.util.Arrays.fill(g, 0);
        for (int k = 0; k < directions; k++) {
            for (int i = 0; i < u.length; i++) {
                u[i] = rng.nextGaussian();
                probe[i] = x[i] + mu * u[i];
            }
            double plus = loss(probe);
            for (int i = 0; i < u.length; i++) {
                probe[i] = x[i] - mu * u[i];
            }
            double slope = (plus - loss(probe)) / (2 * mu);
            for (int i = 0; i < u.length; i++) {
                g[i] += slope * u[i] / directions;
            }
        }
    }
}
