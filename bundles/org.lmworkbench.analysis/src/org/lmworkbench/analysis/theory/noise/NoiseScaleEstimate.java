package org.lmworkbench.analysis.theory.noise;

/**
 * An estimate of the simple gradient noise scale {@code B_simple = tr(Sigma) / |G|^2}.
 *
 * @param gradientNormSquared      unbiased estimate of {@code |G|^2}, the squared norm of the true
 *                                 mean gradient (can be negative when the noise dominates)
 * @param gradientNormSquaredError its standard error (NaN when it cannot be estimated)
 * @param traceCovariance          unbiased estimate of {@code tr(Sigma)}, the trace of the
 *                                 per-example gradient covariance
 * @param traceCovarianceError     its standard error (NaN when it cannot be estimated)
 * @param samples                  the examples (per-example form) or measurement pairs (two batch
 *                                 sizes) behind the estimate
 */
public record NoiseScaleEstimate(double gradientNormSquared, double gradientNormSquaredError,
        double traceCovariance, double traceCovarianceError, long samples) {

    /**
     * {@code B_simple = tr(Sigma) / |G|^2}, the ratio of the two estimates (the paper averages each
     * before dividing); {@code +inf} when the squared norm estimate is not positive.
     */
    public double simpleNoiseScale() {
        return gradientNormSquared > 0 ? traceCovariance / gradientNormSquared : Double.POSITIVE_INFINITY;
    }
}
