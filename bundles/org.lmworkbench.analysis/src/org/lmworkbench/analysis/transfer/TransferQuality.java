package org.lmworkbench.analysis.transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a learning rate tuned at the smallest width transfers, quantified per width (the
 * "fast transfer" view of muP): the suboptimality of the transferred learning rate, i.e. the loss at
 * the smallest width's optimal learning rate minus the loss at the width's own optimum, next to the
 * finite-width gap, i.e. the loss at the width's own optimum minus the widest model's, and power-law
 * fits of both against width. Transfer is fast when the suboptimality decays faster than the gap
 * (a more negative exponent).
 *
 * <p>Two ways to read losses off the {@link LrSweepTable}:
 * <ul>
 *   <li>{@link Mode#GRID}: table cells only. The transferred learning rate is the smallest width's
 *       grid optimum and the own optimum the width's grid minimum ({@link LrOptimum#gridLoss()}); the
 *       suboptimality is 0 whenever the optimum stays on the same grid point.</li>
 *   <li>{@link Mode#QUADRATIC}: the transferred {@code log2 lr} is the smallest width's refined
 *       optimum ({@link LrOptimum#bestLog2Lr()}); a width's loss there is the parabola through the
 *       three grid points nearest to it (centred on the nearest, moved inwards at the edges of the
 *       grid); the own optimum is the refined one ({@link LrOptimum#refinedLoss()}) where it exists,
 *       else the grid one. At a grid point the parabola returns the cell itself. Where a width's
 *       own optimum cannot be refined (at the edge of the grid) the local parabola may dip below its
 *       grid minimum, and the suboptimality is then reported as the small negative number it is.</li>
 * </ul>
 * A diverged cell has loss {@code +inf}: transferring onto it gives an infinite suboptimality (and
 * a parabola through it is not drawn: NaN with a note). Fits use the widths with a finite, positive
 * value; the smallest width's suboptimality (it transfers to itself) and the widest width's gap are 0
 * by definition.
 *
 * @param mode           how losses were read
 * @param transferLog2Lr the transferred {@code log2 lr} (NaN if the smallest width has no optimum)
 * @param rows           one row per width, ascending
 * @param suboptimality  the power law of the suboptimality against width
 * @param gap            the power law of the finite-width gap against width
 */
public record TransferQuality(Mode mode, double transferLog2Lr, List<Row> rows, PowerLawFit suboptimality,
        PowerLawFit gap) {

    /** How losses are read off the table. */
    public enum Mode {
        /** Cells of the table only. */
        GRID,
        /** Refined optima and a local parabola at the transferred learning rate. */
        QUADRATIC
    }

    /**
     * One width.
     *
     * @param width           the width
     * @param ownLoss         the loss at the width's own optimum (NaN if every lr diverged)
     * @param transferredLoss the loss at the transferred learning rate ({@code +inf} on a diverged
     *                        cell, NaN where it cannot be read)
     * @param suboptimality   {@code transferredLoss - ownLoss}
     * @param gap             {@code ownLoss} minus the widest width's {@code ownLoss}
     * @param note            why a value is missing, or ""
     */
    public record Row(double width, double ownLoss, double transferredLoss, double suboptimality, double gap,
            String note) {
    }

    /** Freezes the rows. */
    public TransferQuality {
        rows = List.copyOf(rows);
    }

    /**
     * The transfer quality of a table.
     *
     * @throws IllegalArgumentException for an empty table
     */
    public static TransferQuality of(LrSweepTable table, Mode mode) {
        if (table.isEmpty()) {
            throw new IllegalArgumentException("the sweep has no runs");
        }
        double[] widths = table.widths();
        double[] x = table.log2Lrs();
        List<LrOptimum> optima = new ArrayList<>();
        for (int w = 0; w < widths.length; w++) {
            optima.add(LrOptimum.of(table, w));
        }
        LrOptimum reference = optima.get(0);
        double transfer = Double.NaN;
        if (reference.gridIndex() >= 0) {
            transfer = mode == Mode.GRID ? x[reference.gridIndex()] : reference.bestLog2Lr();
        }
        double[] own = new double[widths.length];
        for (int w = 0; w < widths.length; w++) {
            LrOptimum o = optima.get(w);
            own[w] = mode == Mode.QUADRATIC && o.isRefined() ? o.refinedLoss() : o.gridLoss();
        }
        double widest = own[widths.length - 1];
        List<Row> rows = new ArrayList<>();
        double[] sub = new double[widths.length];
        double[] gap = new double[widths.length];
        for (int w = 0; w < widths.length; w++) {
            String note = "";
            double transferred;
            if (Double.isNaN(transfer)) {
                transferred = Double.NaN;
                note = "the smallest width has no optimum to transfer";
            } else if (w == 0) {
                // the smallest width transfers to itself; no rounding may make this nonzero
                transferred = own[0];
            } else if (mode == Mode.GRID) {
                transferred = table.means(w)[reference.gridIndex()];
                if (Double.isNaN(transferred)) {
                    note = "no run at the transferred learning rate";
                }
            } else {
                transferred = parabolaAt(x, table.means(w), transfer);
                if (Double.isNaN(transferred)) {
                    note = "a learning rate next to the transferred one diverged or has no run";
                }
            }
            if (transferred == Double.POSITIVE_INFINITY) {
                note = "diverged at the transferred learning rate";
            }
            if (Double.isNaN(own[w])) {
                note = optima.get(w).note();
            }
            sub[w] = transferred - own[w];
            gap[w] = own[w] - widest;
            rows.add(new Row(widths[w], own[w], transferred, sub[w], gap[w], note));
        }
        return new TransferQuality(mode, transfer, rows, PowerLawFit.of(widths, sub), PowerLawFit.of(widths, gap));
    }

    /**
     * The parabola through the three grid points nearest to {@code x0}, evaluated at {@code x0};
     * {@code +inf} if the nearest point diverged, NaN if a point is missing or a neighbour diverged.
     */
    static double parabolaAt(double[] x, double[] y, double x0) {
        int nearest = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i] - x0) < Math.abs(x[nearest] - x0)) {
                nearest = i;
            }
        }
        if (x0 == x[nearest]) {
            return y[nearest];
        }
        if (x.length < 3) {
            return Double.NaN;
        }
        if (y[nearest] == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        int c = Math.max(1, Math.min(x.length - 2, nearest));
        double y0 = y[c - 1];
        double y1 = y[c];
        double y2 = y[c + 1];
        if (!Double.isFinite(y0) || !Double.isFinite(y1) || !Double.isFinite(y2)) {
            return Double.NaN;
        }
        // Newton form: y0 + d1 (t - x0') + a (t - x0')(t - x1')
        double d1 = (y1 - y0) / (x[c] - x[c - 1]);
        double d2 = (y2 - y1) / (x[c + 1] - x[c]);
        double a = (d2 - d1) / (x[c + 1] - x[c - 1]);
        return y0 + d1 * (x0 - x[c - 1]) + a * (x0 - x[c - 1]) * (x0 - x[c]);
    }
}
