package org.lmworkbench.ui.charts;

/**
 * Chooses which points of a long series to hand to the drawing code, so drawing cost depends on the
 * width of the plot and not on the length of the run. The visible x-range is cut into one bucket per
 * pixel column and each bucket keeps its first, lowest, highest and last point (in data order): the
 * picture of a line drawn through those is the same as that of the full line at that resolution,
 * spikes included. One point beyond each end of the visible range is kept so lines run off the
 * edges instead of stopping short.
 * <p>
 * Points that cannot be drawn are skipped: non-finite coordinates, and non-positive ones on a
 * logarithmic axis.
 */
final class Decimator {

    /** Below this many points per bucket, decimating saves nothing worth the work. */
    private static final int POINTS_PER_BUCKET = 4;

    private Decimator() {
    }

    /** Whether a point can be drawn on axes with the given scales. */
    static boolean drawable(double x, double y, boolean logX, boolean logY) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0);
    }

    /**
     * Collects into {@code out} (cleared first), in ascending order, the indices of the points of
     * {@code (x[i], y[i]), i < n} to draw over the x-range [x0, x1] with {@code buckets} pixel
     * columns.
     *
     * @param sorted whether x is finite and non-decreasing (true for steps); unsorted data is
     *            bucketed by index instead of by x, which keeps its shape for lines drawn in order
     */
    static void decimate(double[] x, double[] y, int n, boolean sorted, double x0, double x1, int buckets,
            boolean logX, boolean logY, IntList out) {
        out.clear();
        buckets = Math.max(1, buckets);
        int from = 0;
        int to = n;
        if (sorted) {
            from = Math.max(0, lowerBound(x, n, x0) - 1);
            to = Math.min(n, upperBound(x, n, x1) + 1);
        }
        if (to - from <= POINTS_PER_BUCKET * buckets) {
            for (int i = from; i < to; i++) {
                if (drawable(x[i], y[i], logX, logY)) {
                    out.add(i);
                }
            }
            return;
        }
        double t0 = scaled(x0, logX);
        double span = scaled(x1, logX) - t0;
        long chunk = (to - from + 2L * buckets - 1) / (2L * buckets);
        long current = Long.MIN_VALUE;
        int first = -1, last = -1, min = -1, max = -1;
        for (int i = from; i < to; i++) {
            if (!drawable(x[i], y[i], logX, logY)) {
                continue;
            }
            long bucket;
            if (sorted && span > 0) {
                double u = (scaled(x[i], logX) - t0) / span;
                bucket = Math.max(-1, Math.min(buckets, (long) Math.floor(u * buckets)));
            } else {
                bucket = (i - from) / chunk;
            }
            if (bucket != current) {
                if (first >= 0) {
                    flush(first, min, max, last, out);
                }
                current = bucket;
                first = last = min = max = i;
                continue;
            }
            last = i;
            if (y[i] < y[min]) {
                min = i;
            }
            if (y[i] > y[max]) {
                max = i;
            }
        }
        if (first >= 0) {
            flush(first, min, max, last, out);
        }
    }

    private static void flush(int first, int min, int max, int last, IntList out) {
        int a = Math.min(min, max);
        int b = Math.max(min, max);
        addOnce(first, out);
        addOnce(a, out);
        addOnce(b, out);
        addOnce(last, out);
    }

    /** Indices arrive in ascending order, so a repeat can only be the last one added. */
    private static void addOnce(int i, IntList out) {
        if (out.size() == 0 || out.last() != i) {
            out.add(i);
        }
    }

    static double scaled(double v, boolean log) {
        return log ? Math.log10(v) : v;
    }

    /** First index with x[i] >= v. */
    static int lowerBound(double[] x, int n, double v) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index with x[i] > v. */
    static int upperBound(double[] x, int n, double v) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
