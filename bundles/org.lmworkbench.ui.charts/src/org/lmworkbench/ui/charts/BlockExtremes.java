package org.lmworkbench.ui.charts;

import java.util.Arrays;

/**
 * Where the smallest, largest and smallest positive finite values of each block of 64 consecutive
 * values lie, kept up to date as a series grows (O(appended values + 64) per append). With it the
 * extremes of a pixel column's index range are found by looking at two partial blocks and one
 * summary per whole block, so decimating a million points costs a fraction of a full scan.
 */
final class BlockExtremes {

    static final int SHIFT = 6;
    static final int SIZE = 1 << SHIFT;

    private int[] argMin = new int[16];
    private int[] argMax = new int[16];
    private int[] argMinPositive = new int[16];
    private int covered;

    /** Brings the summaries up to date with the first {@code n} values of {@code y}. */
    void update(double[] y, int n) {
        if (n <= covered) {
            return;
        }
        int firstBlock = covered >> SHIFT;
        int lastBlock = (n - 1) >> SHIFT;
        if (lastBlock >= argMin.length) {
            int capacity = Math.max(lastBlock + 1, argMin.length * 2);
            argMin = Arrays.copyOf(argMin, capacity);
            argMax = Arrays.copyOf(argMax, capacity);
            argMinPositive = Arrays.copyOf(argMinPositive, capacity);
        }
        for (int b = firstBlock; b <= lastBlock; b++) {
            int lo = -1, hi = -1, pos = -1;
            int end = Math.min(n, (b + 1) << SHIFT);
            for (int i = b << SHIFT; i < end; i++) {
                double v = y[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (lo < 0 || v < y[lo]) {
                    lo = i;
                }
                if (hi < 0 || v > y[hi]) {
                    hi = i;
                }
                if (v > 0 && (pos < 0 || v < y[pos])) {
                    pos = i;
                }
            }
            argMin[b] = lo;
            argMax[b] = hi;
            argMinPositive[b] = pos;
        }
        covered = n;
    }

    /** Index of the first smallest drawable value of block {@code b}, or -1. */
    int min(int b, double[] y, boolean logY) {
        return logY ? argMinPositive[b] : argMin[b];
    }

    /** Index of the first largest drawable value of block {@code b}, or -1. */
    int max(int b, double[] y, boolean logY) {
        int i = argMax[b];
        return i >= 0 && (!logY || y[i] > 0) ? i : -1;
    }
}
