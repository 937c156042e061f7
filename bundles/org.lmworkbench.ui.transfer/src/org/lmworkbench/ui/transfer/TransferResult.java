package org.lmworkbench.ui.transfer;

import java.util.Arrays;
import java.util.List;
import org.lmworkbench.analysis.transfer.CoordinateCheck;
import org.lmworkbench.analysis.transfer.LrOptimum;
import org.lmworkbench.analysis.transfer.LrSweepTable;
import org.lmworkbench.analysis.transfer.SweepRunCollector;
import org.lmworkbench.analysis.transfer.TransferRun;
import org.lmworkbench.analysis.transfer.TransferSummary;

/**
 * Everything one load of the runs produced, handed from the load Job to the pages in one piece so
 * the two pages never show different reads of the disk.
 *
 * @param runs    the runs found, or null if loading failed
 * @param table   loss against lr per width
 * @param summary optimum per width and its drift
 * @param checkLr the learning rate whose runs the coordinate check used (NaN if none)
 * @param check   the coordinate check, or null if there are no runs
 * @param error   why loading failed, or null
 */
record TransferResult(SweepRunCollector.Result runs, LrSweepTable table, TransferSummary summary, double checkLr,
        CoordinateCheck check, String error) {

    /** A failed load. */
    static TransferResult failed(String error) {
        return new TransferResult(null, null, null, Double.NaN, null, error);
    }

    /**
     * The learning rate to run the coordinate check on when the user has not chosen one: the grid
     * optimum shared by most widths (a learning rate that trains every width), else the smallest.
     */
    static double defaultCheckLr(LrSweepTable table, TransferSummary summary) {
        double[] lrs = table.lrs();
        if (lrs.length == 0) {
            return Double.NaN;
        }
        int[] votes = new int[lrs.length];
        for (LrOptimum o : summary.optima()) {
            if (o.gridIndex() >= 0) {
                votes[o.gridIndex()]++;
            }
        }
        int best = 0;
        for (int i = 1; i < votes.length; i++) {
            if (votes[i] > votes[best]) {
                best = i;
            }
        }
        return lrs[best];
    }

    /** The runs at learning rate {@code lr}. */
    static List<TransferRun> runsAt(List<TransferRun> runs, double lr) {
        return runs.stream().filter(r -> r.lr() == lr).toList();
    }

    /** True if {@code lr} is one of the table's learning rates. */
    static boolean onGrid(LrSweepTable table, double lr) {
        return Arrays.stream(table.lrs()).anyMatch(v -> v == lr);
    }
}
