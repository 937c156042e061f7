package org.lmworkbench.analysis.eos;

/**
 * What {@link EdgeOfStabilityDetector} found in a sharpness record.
 *
 * @param fraction             the fraction of the threshold that defines "reached"
 * @param samples              samples examined
 * @param reached              whether the sharpness reached {@code fraction * threshold} at all
 * @param endOfSharpeningStep  the first step where it did (the end of progressive sharpening);
 *                             -1 when never reached
 * @param plateau              the edge-of-stability plateau from that step on; null when never reached
 * @param sharpening           the sharpening rate up to that step (over all samples when never reached);
 *                             null without samples
 * @param breakpoint           the two-segment (ramp + plateau) fit over all samples, an independent
 *                             estimate of where sharpening ends; null with fewer than
 *                             {@link RampPlateauFit#MIN_POINTS} samples
 * @param maxLambda            the largest sharpness seen, NaN without samples
 * @param maxLambdaStep        its step, -1 without samples
 * @param maxRatio             the largest sharpness / threshold seen, NaN without any threshold
 */
public record EdgeOfStabilityResult(double fraction, int samples, boolean reached, long endOfSharpeningStep,
        Plateau plateau, SharpeningRate sharpening, RampPlateauFit breakpoint, double maxLambda, long maxLambdaStep,
        double maxRatio) {

    /**
     * The sharpness from the end of progressive sharpening to the last sample.
     *
     * @param fromStep      first step (the end of progressive sharpening)
     * @param toStep        last step
     * @param samples       samples on the plateau
     * @param mean          mean sharpness
     * @param sd            sample standard deviation (n - 1), NaN for one sample
     * @param ratio         mean of sharpness / threshold over the plateau samples (equal to
     *                      mean / threshold when the threshold is constant, and still meaningful
     *                      when a schedule moves it)
     * @param meanThreshold mean threshold over the plateau
     */
    public record Plateau(long fromStep, long toStep, int samples, double mean, double sd, double ratio,
            double meanThreshold) {

        /** The standard error of the mean, {@code sd / sqrt(samples)}. */
        public double standardError() {
            return sd / Math.sqrt(samples);
        }
    }

    /**
     * Least-squares slopes of the sharpness against the step during progressive sharpening.
     *
     * @param fromStep first step fitted
     * @param toStep   last step fitted
     * @param samples  samples fitted
     * @param slope    d lambda / d step
     * @param logSlope d ln(lambda) / d step (the exponential rate), NaN if a sharpness is not positive
     */
    public record SharpeningRate(long fromStep, long toStep, int samples, double slope, double logSlope) {

        /** Steps for the sharpness to double at the exponential rate, NaN unless it grows. */
        public double doublingSteps() {
            return logSlope > 0 ? Math.log(2.0) / logSlope : Double.NaN;
        }
    }

    /** True when there was nothing to analyse. */
    public boolean isEmpty() {
        return samples == 0;
    }
}
