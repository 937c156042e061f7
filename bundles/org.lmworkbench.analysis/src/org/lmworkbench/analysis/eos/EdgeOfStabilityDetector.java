package org.lmworkbench.analysis.eos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Finds progressive sharpening and the edge-of-stability plateau in a sharpness record (Cohen et
 * al. 2021): under full-batch GD the top Hessian eigenvalue rises until it reaches the stability
 * threshold 2/lr and then hovers there.
 *
 * <p><b>End of progressive sharpening</b> is the first sample whose sharpness reaches
 * {@code fraction} (default 0.95) of the threshold recorded with it; the threshold is taken per
 * sample, so a learning-rate schedule that moves it is followed. This definition needs no model of
 * the curve and is what the plateau is measured from. Independently, a two-segment fit
 * ({@link RampPlateauFit}: a ramp, then a flat plateau) over all samples gives a breakpoint and a
 * fitted plateau level; both are reported, so a reader can see whether the two agree.
 *
 * <p><b>Plateau</b>: all samples from that step to the last: mean, sample standard deviation,
 * the mean ratio sharpness / threshold and the count. <b>Sharpening rate</b>: least-squares slopes
 * of lambda and of ln lambda against the step over the samples up to and including the end of
 * sharpening. A run that <b>never reaches</b> the fraction has no end step and no plateau; its
 * rate is fitted over all samples and {@code maxRatio} says how close it came. Samples without a
 * threshold (Adam before its first step) cannot end sharpening but are otherwise used.
 */
public final class EdgeOfStabilityDetector {

    /** Default fraction of the threshold that counts as reaching it. */
    public static final double DEFAULT_FRACTION = 0.95;

    private final double fraction;

    /** A detector with {@link #DEFAULT_FRACTION}. */
    public EdgeOfStabilityDetector() {
        this(DEFAULT_FRACTION);
    }

    /** @param fraction fraction of the threshold that counts as reached, in (0, 2] */
    public EdgeOfStabilityDetector(double fraction) {
        if (!(fraction > 0 && fraction <= 2)) {
            throw new IllegalArgumentException("threshold fraction must be in (0, 2], got " + fraction);
        }
        this.fraction = fraction;
    }

    /** The fraction of the threshold that counts as reaching it. */
    public double fraction() {
        return fraction;
    }

    /**
     * @param samples sharpness samples in any order (sorted by step here)
     * @return what was found; an empty result for no samples
     */
    public EdgeOfStabilityResult detect(List<SharpnessSample> samples) {
        List<SharpnessSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingLong(SharpnessSample::step));
        int n = sorted.size();
        if (n == 0) {
            return new EdgeOfStabilityResult(fraction, 0, false, -1, null, null, null, Double.NaN, -1, Double.NaN);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int maxIndex = 0;
        double maxRatio = Double.NaN;
        int end = -1;
        for (int i = 0; i < n; i++) {
            SharpnessSample s = sorted.get(i);
            x[i] = s.step();
            y[i] = s.lambdaMax();
            if (y[i] > y[maxIndex]) {
                maxIndex = i;
            }
            double ratio = s.ratio();
            if (!Double.isNaN(ratio)) {
                maxRatio = Double.isNaN(maxRatio) ? ratio : Math.max(maxRatio, ratio);
                if (end < 0 && ratio >= fraction) {
                    end = i;
                }
            }
        }
        boolean reached = end >= 0;
        EdgeOfStabilityResult.Plateau plateau = reached ? plateau(sorted, end) : null;
        EdgeOfStabilityResult.SharpeningRate rate = rate(x, y, reached ? end + 1 : n);
        return new EdgeOfStabilityResult(fraction, n, reached, reached ? sorted.get(end).step() : -1, plateau, rate,
                RampPlateauFit.fit(x, y), y[maxIndex], sorted.get(maxIndex).step(), maxRatio);
    }

    private static EdgeOfStabilityResult.Plateau plateau(List<SharpnessSample> sorted, int from) {
        SummaryStatistics lambda = new SummaryStatistics();
        SummaryStatistics ratio = new SummaryStatistics();
        SummaryStatistics threshold = new SummaryStatistics();
        for (int i = from; i < sorted.size(); i++) {
            SharpnessSample s = sorted.get(i);
            lambda.addValue(s.lambdaMax());
            if (!Double.isNaN(s.ratio())) {
                ratio.addValue(s.ratio());
                threshold.addValue(s.threshold());
            }
        }
        int count = (int) lambda.getN();
        return new EdgeOfStabilityResult.Plateau(sorted.get(from).step(), sorted.get(sorted.size() - 1).step(), count,
                lambda.getMean(), count > 1 ? lambda.getStandardDeviation() : Double.NaN, ratio.getMean(),
                threshold.getMean());
    }

    private static EdgeOfStabilityResult.SharpeningRate rate(double[] x, double[] y, int to) {
        LineFit linear = LineFit.of(x, y, 0, to);
        double[] logY = new double[to];
        boolean positive = true;
        for (int i = 0; i < to; i++) {
            positive &= y[i] > 0;
            logY[i] = Math.log(y[i]);
        }
        double logSlope = positive ? LineFit.of(x, logY, 0, to).slope() : Double.NaN;
        return new EdgeOfStabilityResult.SharpeningRate((long) x[0], (long) x[to - 1], to, linear.slope(), logSlope);
    }
}
