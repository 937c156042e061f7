package org.lmworkbench.analysis.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether the optimal learning rate transfers across width: how far the per-width optimum moves.
 * Under muP it stays put (drift near 0 per doubling of width); under SP with Adam it falls about as
 * 1/width (drift near -1).
 *
 * @param optima   the optimum of every width, widths ascending
 * @param spread   max - min of the best log2 optimal lr over the widths that have one (octaves)
 * @param sd       standard deviation of those log2 optima (n - 1), 0 for a single width
 * @param drift    least-squares slope of log2(optimal lr) against log2(width): octaves of lr per
 *                 doubling of width; NaN with fewer than two widths
 * @param gridStep median spacing of the log2 lr grid (NaN with fewer than two lrs), to judge the
 *                 spread against
 */
public record TransferSummary(List<LrOptimum> optima, double spread, double sd, double drift, double gridStep) {

    /** Freezes the list. */
    public TransferSummary {
        optima = List.copyOf(optima);
    }

    /** The optimum of every width of {@code table} and their spread. */
    public static TransferSummary of(LrSweepTable table) {
        List<LrOptimum> optima = new ArrayList<>();
        for (int w = 0; w < table.widths().length; w++) {
            optima.add(LrOptimum.of(table, w));
        }
        List<double[]> points = new ArrayList<>();
        for (LrOptimum o : optima) {
            if (o.gridIndex() >= 0) {
                points.add(new double[] {Math.log(o.width()) / Math.log(2), o.bestLog2Lr()});
            }
        }
        double spread = Double.NaN;
        double sd = Double.NaN;
        if (!points.isEmpty()) {
            double min = points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
            double max = points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
            spread = max - min;
            double mean = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
            double squares = points.stream().mapToDouble(p -> (p[1] - mean) * (p[1] - mean)).sum();
            sd = points.size() > 1 ? Math.sqrt(squares / (points.size() - 1)) : 0;
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        return new TransferSummary(optima, spread, sd, LogLogSlope.linearSlope(x, y), medianStep(table.log2Lrs()));
    }

    private static double medianStep(double[] grid) {
        if (grid.length < 2) {
            return Double.NaN;
        }
        double[] steps = new double[grid.length - 1];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = grid[i + 1] - grid[i];
        }
        Arrays.sort(steps);
        int m = steps.length / 2;
        return steps.length % 2 == 1 ? steps[m] : (steps[m - 1] + steps[m]) / 2;
    }
}
