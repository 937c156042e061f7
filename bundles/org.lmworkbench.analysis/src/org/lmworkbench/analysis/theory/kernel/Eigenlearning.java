package org.lmworkbench.analysis.theory.kernel;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The eigenlearning prediction of kernel ridge regression (Simon, Dickens, Karkada, DeWeese 2021,
 * "The eigenlearning framework"; equivalent to Bordelon, Canatar, Pehlevan 2020).
 *
 * <p>A kernel with eigenvalues {@code lambda_i} (w.r.t. the data distribution), a target
 * {@code f = sum_i v_i phi_i}, ridge {@code delta}, label noise of variance {@code eps^2} and
 * {@code n} samples. The effective regularization {@code kappa > 0} solves
 * <pre>  sum_i lambda_i / (lambda_i + kappa) + delta / kappa = n;</pre>
 * the learnabilities are {@code L_i = lambda_i / (lambda_i + kappa)}, the overfitting coefficient
 * {@code E0 = n / (n - sum_i L_i^2)}, the test MSE {@code E0 (sum_i (1 - L_i)^2 v_i^2 + eps^2)} (against
 * noisy targets) and the train MSE {@code (delta / (n kappa))^2} times the test MSE.
 *
 * <p>The left side decreases from {@code +inf} (ridge > 0) or the number {@code N+} of positive
 * eigenvalues (ridge 0) to 0 as {@code kappa} grows, so the root is unique; it is found by Brent's
 * method in {@code ln kappa} between a point where the left side exceeds {@code n} and
 * {@code (sum lambda + delta)/n}, where it is at most {@code n}. The ridgeless limit
 * {@code delta -> 0} is {@code delta = 0} and needs {@code n < N+}.
 */
public final class Eigenlearning {

    private static final int MAX_EVALUATIONS = 2000;

    private final double[] lambda;
    private final double[] v2;
    private final double ridge;
    private final double noise;
    private final double lambdaSum;
    private final int positive;

    private Eigenlearning(double[] lambda, double[] v2, double ridge, double noise) {
        this.lambda = lambda;
        this.v2 = v2;
        this.ridge = ridge;
        this.noise = noise;
        double sum = 0;
        int count = 0;
        for (double l : lambda) {
            sum += l;
            count += l > 0 ? 1 : 0;
        }
        this.lambdaSum = sum;
        this.positive = count;
    }

    /**
     * A kernel, target, ridge and noise level.
     *
     * @param eigenvalues        the kernel eigenvalues {@code lambda_i >= 0}
     * @param targetCoefficients the target's coefficients {@code v_i} in the same eigenbasis
     * @param ridge              {@code delta >= 0}
     * @param noiseVariance      {@code eps^2 >= 0}
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static Eigenlearning of(double[] eigenvalues, double[] targetCoefficients, double ridge,
            double noiseVariance) {
        if (eigenvalues.length == 0 || eigenvalues.length != targetCoefficients.length) {
            throw new IllegalArgumentException("need as many target coefficients as eigenvalues (at least one), got "
                    + targetCoefficients.length + " and " + eigenvalues.length);
        }
        double[] v2 = new double[targetCoefficients.length];
        boolean anyPositive = false;
        for (int i = 0; i < eigenvalues.length; i++) {
            if (!(eigenvalues[i] >= 0) || !Double.isFinite(eigenvalues[i])) {
                throw new IllegalArgumentException("eigenvalue " + i + " must be finite and >= 0, got "
                        + eigenvalues[i]);
            }
            if (!Double.isFinite(targetCoefficients[i])) {
                throw new IllegalArgumentException("target coefficient " + i + " is not finite: "
                        + targetCoefficients[i]);
            }
            anyPositive |= eigenvalues[i] > 0;
            v2[i] = targetCoefficients[i] * targetCoefficients[i];
        }
        if (!anyPositive) {
            throw new IllegalArgumentException("the kernel has no positive eigenvalue");
        }
        if (!(ridge >= 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be finite and >= 0, got " + ridge);
        }
        if (!(noiseVariance >= 0) || !Double.isFinite(noiseVariance)) {
            throw new IllegalArgumentException("noise variance must be finite and >= 0, got " + noiseVariance);
        }
        return new Eigenlearning(eigenvalues.clone(), v2, ridge, noiseVariance);
    }

    /**
     * The effective regularization {@code kappa} at {@code n} samples.
     *
     * @throws IllegalArgumentException if {@code n} is not positive, or the ridge is 0 and {@code n} is
     *                                  not below the number of positive eigenvalues
     */
    public double kappa(double n) {
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("number of samples must be positive, got " + n);
        }
        if (ridge == 0 && n >= positive) {
            throw new IllegalArgumentException("without a ridge, n = " + n + " must be below the number of positive"
                    + " eigenvalues (" + positive + ")");
        }
        double hi = Math.log((lambdaSum + ridge) / n);
        double lo = hi;
        do {
            lo -= 2;
            if (lo < -745) {
                throw new IllegalArgumentException("no effective regularization for n = " + n
                        + ": the kernel cannot fit that many samples");
            }
        } while (!(excess(lo, n) > 0));
        double root = new BrentSolver(1e-15, 1e-14).solve(MAX_EVALUATIONS, u -> excess(u, n), lo, hi);
        return Math.exp(root);
    }

    /** {@code sum lambda/(lambda + kappa) + delta/kappa - n} at {@code kappa = e^u}. */
    private double excess(double u, double n) {
        double kappa = Math.exp(u);
        double sum = ridge / kappa;
        for (double l : lambda) {
            sum += l / (l + kappa);
        }
        return sum - n;
    }

    /** The prediction at {@code n} samples. */
    public LearningCurvePoint predict(double n) {
        double kappa = kappa(n);
        double sumL = 0;
        double sumL2 = 0;
        double bias = 0;
        for (int i = 0; i < lambda.length; i++) {
            double l = lambda[i] / (lambda[i] + kappa);
            sumL += l;
            sumL2 += l * l;
            bias += (1 - l) * (1 - l) * v2[i];
        }
        double e0 = n / (n - sumL2);
        double test = e0 * (bias + noise);
        double shrink = ridge / (n * kappa);
        return new LearningCurvePoint(n, kappa, sumL, e0, test, shrink * shrink * test, noise);
    }

    /** The predictions at each training-set size, in the order given. */
    public LearningCurvePoint[] learningCurve(double... sizes) {
        LearningCurvePoint[] curve = new LearningCurvePoint[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            curve[k] = predict(sizes[k]);
        }
        return curve;
    }

    /** The learnabilities {@code L_i = lambda_i / (lambda_i + kappa)} at {@code n} samples. */
    public double[] learnabilities(double n) {
        double kappa = kappa(n);
        double[] l = new double[lambda.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = lambda[i] / (lambda[i] + kappa);
        }
        return l;
    }
}
