package org.lmworkbench.analysis.theory.noise;

/**
 * Accumulates the two-batch-size estimator of {@link GradientNoiseScale} over training steps: each
 * step contributes the squared norms of a small-batch and a big-batch gradient mean (in data-parallel
 * training, one worker's gradient and the all-reduced one), and the estimates are the means of the
 * per-step unbiased estimates, with their standard errors over steps. Not thread-safe.
 */
public final class TwoBatchNoiseScale {

    private final double small;
    private final double big;
    private final Running norm = new Running();
    private final Running trace = new Running();

    /**
     * An accumulator for the given batch sizes.
     *
     * @throws IllegalArgumentException unless {@code 1 <= smallBatch < bigBatch}
     */
    public TwoBatchNoiseScale(int smallBatch, int bigBatch) {
        if (smallBatch < 1 || bigBatch <= smallBatch) {
            throw new IllegalArgumentException("need 1 <= small batch < big batch, got " + smallBatch + " and "
                    + bigBatch);
        }
        this.small = smallBatch;
        this.big = bigBatch;
    }

    /**
     * Adds one step's measurements.
     *
     * @param smallNormSquared {@code |G_small|^2}, the squared norm of the small-batch mean gradient
     * @param bigNormSquared   {@code |G_big|^2}, the squared norm of the big-batch mean gradient
     */
    public void add(double smallNormSquared, double bigNormSquared) {
        if (!(smallNormSquared >= 0) || !(bigNormSquared >= 0) || !Double.isFinite(smallNormSquared)
                || !Double.isFinite(bigNormSquared)) {
            throw new IllegalArgumentException("squared gradient norms must be finite and >= 0, got "
                    + smallNormSquared + " and " + bigNormSquared);
        }
        norm.add((big * bigNormSquared - small * smallNormSquared) / (big - small));
        trace.add((smallNormSquared - bigNormSquared) / (1 / small - 1 / big));
    }

    /** The number of steps added. */
    public long count() {
        return norm.count;
    }

    /**
     * The mean estimates so far.
     *
     * @throws IllegalStateException before the first step
     */
    public NoiseScaleEstimate estimate() {
        if (norm.count == 0) {
            throw new IllegalStateException("no measurement added yet");
        }
        return new NoiseScaleEstimate(norm.mean, norm.standardError(), trace.mean, trace.standardError(), norm.count);
    }

    /** Welford's running mean and sum of squared deviations. */
    private static final class Running {
        long count;
        double mean;
        double squares;

        void add(double x) {
            count++;
            double delta = x - mean;
            mean += delta / count;
            squares += delta * (x - mean);
        }

        double standardError() {
            return count < 2 ? Double.NaN : Math.sqrt(squares / (count - 1) / count);
        }
    }
}
