package org.lmworkbench.analysis.theory.zo;

import java.util.List;
import org.lmworkbench.core.run.SharpnessLine;

/**
 * How much of a zeroth-order run's training after progressive sharpening lies in its mean-square
 * stability band ({@link ZoEdgeBand}). Sharpening ends at the first sample whose trace reaches
 * {@link #SHARPENED} of the band's upper end {@code threshold} (2/eta for ZO-GD); from there on each
 * sample counts as inside when {@code Tr <= threshold <= Tr + margin lambda_max}.
 *
 * @param samples        samples with a band
 * @param startStep      step of the first post-sharpening sample, -1 if the trace never got there
 * @param postSharpening samples from {@code startStep} on
 * @param inside         of those, the ones in the band
 * @param below          of those, the ones with the trace at or below the threshold
 * @param meanTrace      mean trace over them (NaN when there are none)
 * @param threshold      the band's upper end at the last sample
 */
public record BandOccupancy(int samples, long startStep, int postSharpening, int inside, int below, double meanTrace,
        double threshold) {

    /** The fraction of the threshold the trace must reach for sharpening to count as over. */
    public static final double SHARPENED = 0.9;

    /** The occupancy of the lines that carry a band (others are skipped), in step order. */
    public static BandOccupancy of(List<SharpnessLine> lines) {
        int samples = 0;
        long start = -1;
        int post = 0;
        int inside = 0;
        int below = 0;
        double sum = 0;
        double threshold = Double.NaN;
        for (SharpnessLine line : lines) {
            SharpnessLine.ZoBand band = line.zo();
            if (band == null || !Double.isFinite(band.trace())) {
                continue;
            }
            samples++;
            threshold = band.zoThreshold();
            if (start < 0 && band.trace() >= SHARPENED * band.zoThreshold()) {
                start = line.step();
            }
            if (start >= 0) {
                post++;
                inside += band.inside() ? 1 : 0;
                below += band.trace() <= band.zoThreshold() ? 1 : 0;
                sum += band.trace();
            }
        }
        return new BandOccupancy(samples, start, post, inside, below, post == 0 ? Double.NaN : sum / post, threshold);
    }

    /** Inside over post-sharpening samples, NaN when there are none. */
    public double fraction() {
        return postSharpening == 0 ? Double.NaN : (double) inside / postSharpening;
    }
}
