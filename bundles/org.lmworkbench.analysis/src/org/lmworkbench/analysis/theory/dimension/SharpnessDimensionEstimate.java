package org.lmworkbench.analysis.theory.dimension;

/**
 * A sharpness dimension with its uncertainty.
 *
 * @param value         the Kaplan-Yorke dimension of the mean exponent profile over all samples
 * @param standardError the jackknife standard error over samples (minibatches, or SLQ runs each on a
 *                      fresh minibatch); NaN with a single sample
 * @param jStar         the largest {@code j} with {@code l_1 + ... + l_j >= 0} (0 if {@code l_1 < 0})
 * @param dimension     the parameter count {@code d}
 * @param samples       the number of profiles averaged
 * @param estimator     how the profiles were obtained, for the record of a result
 */
public record SharpnessDimensionEstimate(double value, double standardError, int jStar, int dimension,
        int samples, String estimator) {
}
