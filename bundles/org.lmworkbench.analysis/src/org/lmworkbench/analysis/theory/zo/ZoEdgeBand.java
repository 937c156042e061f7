package org.lmworkbench.analysis.theory.zo;

/**
 * Whether one sharpness sample of a zeroth-order run lies in the band that marks training at the
 * edge of mean-square stability (Song et al. 2026): the paper's {@code Tr H <= 2/eta <= Tr H + 2
 * lambda_max} for ZO-GD, in the general form
 * <pre>  Tr <= threshold <= Tr + margin lambda_max,</pre>
 * with {@code threshold = 2 (1 - beta) / (c h)} and {@code margin = D / c} in the notation of {@link
 * ZoSettings}: {@code 2/eta} and 2 for ZO-GD; {@code 2n/eta} and {@code n + 1} for {@code n} Gaussian
 * directions; {@code 2(1-beta)/eta} and {@code 2/(1+beta)} for ZO-GDM; {@code 2/eta} and
 * {@code 2/(1+beta1)} for ZO-Adam on {@code P^-1 H}. Inside the band exactly when {@code eta} lies in
 * the {@link ZoCriticalStep#bounds bounds} of the critical step computed from the same sample.
 *
 * @param threshold the left-hand constant ({@code 2/eta} for ZO-GD)
 * @param margin    the multiple of {@code lambda_max} that spans the band (2 for ZO-GD)
 * @param trace     the measured trace (of {@code P^-1 H} for Adam)
 * @param lambdaMax the measured largest eigenvalue
 * @param eta       the learning rate of the run
 * @param bounds    the critical-step bounds from this sample's {@code lambda_max} and trace
 */
public record ZoEdgeBand(double threshold, double margin, double trace, double lambdaMax, double eta,
        StepBounds bounds) {

    /**
     * The band of one sample.
     *
     * @throws IllegalArgumentException if {@code eta} is not positive or a measurement is not finite
     */
    public static ZoEdgeBand of(ZoSettings settings, double lambdaMax, double trace, double eta) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + eta);
        }
        StepBounds bounds = ZoCriticalStep.bounds(lambdaMax, trace, settings);
        double c = settings.crossNoise();
        double threshold = 2 * (1 - settings.beta()) / (c * settings.effectiveStep(eta));
        return new ZoEdgeBand(threshold, settings.curvatureCoefficient() / c, trace, lambdaMax, eta, bounds);
    }

    /** The smallest trace inside the band, {@code threshold - margin lambda_max}. */
    public double traceLow() {
        return threshold - margin * lambdaMax;
    }

    /** The largest trace inside the band, {@code threshold}. */
    public double traceHigh() {
        return threshold;
    }

    /** True if {@code Tr <= threshold <= Tr + margin lambda_max}. */
    public boolean inside() {
        return trace <= threshold && threshold <= trace + margin * lambdaMax;
    }
}
