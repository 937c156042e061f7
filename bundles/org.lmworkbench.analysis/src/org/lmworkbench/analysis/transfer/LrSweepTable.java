package org.lmworkbench.analysis.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The loss against learning rate for every width: the runs of a sweep grouped by (width, lr), with
 * the mean and standard deviation over seeds in each cell. A cell in which any seed diverged has a
 * mean of {@code +inf}: the loss to expect at that learning rate is unbounded, and dropping the
 * diverged seed would make an unstable learning rate look good.
 */
public final class LrSweepTable {

    /**
     * One (width, lr) cell.
     *
     * @param mean     mean loss over seeds; {@code +inf} if any seed diverged
     * @param sd       sample standard deviation over the finished seeds (n - 1 in the denominator);
     *                 0 for a single seed, NaN if a seed diverged
     * @param runs     number of runs in the cell
     * @param diverged number of them that diverged
     * @param runIds   the runs, in the order given
     */
    public record Cell(double mean, double sd, int runs, int diverged, List<String> runIds) {

        /** Freezes the ids. */
        public Cell {
            runIds = List.copyOf(runIds);
        }

        /** True if any seed diverged. */
        public boolean isDiverged() {
            return diverged > 0;
        }
    }

    private final double[] widths;
    private final double[] lrs;
    private final Cell[][] cells;

    private LrSweepTable(double[] widths, double[] lrs, Cell[][] cells) {
        this.widths = widths;
        this.lrs = lrs;
        this.cells = cells;
    }

    /** Groups runs by width and learning rate (exact values, as written in the specs). */
    public static LrSweepTable of(List<TransferRun> runs) {
        double[] widths = runs.stream().mapToDouble(TransferRun::width).distinct().sorted().toArray();
        double[] lrs = runs.stream().mapToDouble(TransferRun::lr).distinct().sorted().toArray();
        Cell[][] cells = new Cell[widths.length][lrs.length];
        for (int w = 0; w < widths.length; w++) {
            for (int l = 0; l < lrs.length; l++) {
                List<TransferRun> group = new ArrayList<>();
                for (TransferRun run : runs) {
                    if (run.width() == widths[w] && run.lr() == lrs[l]) {
                        group.add(run);
                    }
                }
                cells[w][l] = group.isEmpty() ? null : cell(group);
            }
        }
        return new LrSweepTable(widths, lrs, cells);
    }

    private static Cell cell(List<TransferRun> group) {
        int diverged = (int) group.stream().filter(TransferRun::diverged).count();
        List<String> ids = group.stream().map(TransferRun::runId).toList();
        if (diverged > 0) {
            return new Cell(Double.POSITIVE_INFINITY, Double.NaN, group.size(), diverged, ids);
        }
        double mean = group.stream().mapToDouble(TransferRun::loss).average().orElseThrow();
        double squares = group.stream().mapToDouble(r -> (r.loss() - mean) * (r.loss() - mean)).sum();
        double sd = group.size() > 1 ? Math.sqrt(squares / (group.size() - 1)) : 0;
        return new Cell(mean, sd, group.size(), 0, ids);
    }

    /** The widths, ascending. */
    public double[] widths() {
        return widths.clone();
    }

    /** The learning rates, ascending. */
    public double[] lrs() {
        return lrs.clone();
    }

    /** log2 of the learning rates, ascending. */
    public double[] log2Lrs() {
        double[] x = new double[lrs.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.log(lrs[i]) / Math.log(2);
        }
        return x;
    }

    /** The cell of width index {@code w} and lr index {@code l}, or null if no run has both values. */
    public Cell cell(int w, int l) {
        return cells[w][l];
    }

    /** Mean losses of width index {@code w} over all lrs; NaN where there is no run, +inf where diverged. */
    public double[] means(int w) {
        double[] y = new double[lrs.length];
        for (int l = 0; l < y.length; l++) {
            y[l] = cells[w][l] == null ? Double.NaN : cells[w][l].mean();
        }
        return y;
    }

    /** Standard deviations of width index {@code w} over all lrs; NaN where there is none. */
    public double[] sds(int w) {
        double[] y = new double[lrs.length];
        for (int l = 0; l < y.length; l++) {
            y[l] = cells[w][l] == null ? Double.NaN : cells[w][l].sd();
        }
        return y;
    }

    /** The distinct seed counts of the cells, e.g. {3} when every cell has three seeds. */
    public TreeSet<Integer> seedCounts() {
        TreeSet<Integer> counts = new TreeSet<>();
        for (Cell[] row : cells) {
            for (Cell c : row) {
                if (c != null) {
                    counts.add(c.runs());
                }
            }
        }
        return counts;
    }

    /** True if there is no run at all. */
    public boolean isEmpty() {
        return widths.length == 0;
    }
}
