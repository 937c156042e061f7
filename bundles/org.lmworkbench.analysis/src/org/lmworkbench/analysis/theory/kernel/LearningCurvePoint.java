package org.lmworkbench.analysis.theory.kernel;

/**
 * The eigenlearning prediction at one training-set size.
 *
 * @param n                the number of training samples
 * @param kappa            the effective regularization {@code kappa}
 * @param learnabilitySum  {@code sum_i L_i = n - delta/kappa}
 * @param overfitting      the overfitting coefficient {@code E0 = n / (n - sum_i L_i^2)}
 * @param testMse          predicted test mean squared error against noisy targets,
 *                         {@code E0 (sum_i (1 - L_i)^2 v_i^2 + eps^2)}
 * @param trainMse         predicted training mean squared error, {@code (delta / (n kappa))^2 testMse}
 * @param noiseVariance    the label-noise variance {@code eps^2} (the test error against the clean
 *                         target is {@code testMse - eps^2})
 */
public record LearningCurvePoint(double n, double kappa, double learnabilitySum, double overfitting,
        double testMse, double trainMse, double noiseVariance) {
}
