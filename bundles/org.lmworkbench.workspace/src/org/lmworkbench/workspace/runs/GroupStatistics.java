package org.lmworkbench.workspace.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lmworkbench.workspace.runs.MetricTable.Series;

/**
 * The mean of a group of runs and its band of one standard deviation, on the steps that every run
 * of the group has logged. Runs of one setting log at the same steps, so the common steps are all
 * steps except the tail that a slower run has not reached yet; runs that log at other steps simply
 * share fewer points.
 */
public final class GroupStatistics {

    /**
     * A group's line.
     *
     * @param steps the common steps
     * @param x     the mean x at each common step (the step itself, or the mean wall time)
     * @param mean  mean over runs
     * @param sd    sample standard deviation over runs (n - 1 in the denominator); null for one run
     */
    public record Band(double[] steps, double[] x, double[] mean, double[] sd) {

        /** mean - sd, or null without a band. */
        public double[] lower() {
            return sd == null ? null : offset(-1);
        }

        /** mean + sd, or null without a band. */
        public double[] upper() {
            return sd == null ? null : offset(1);
        }

        private double[] offset(int sign) {
            double[] out = new double[mean.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = mean[i] + sign * sd[i];
            }
            return out;
        }
    }

    private GroupStatistics() {
    }

    /** Mean and standard deviation of {@code series} over their common steps. */
    public static Band meanBand(List<Series> series) {
        if (series.isEmpty()) {
            return new Band(new double[0], new double[0], new double[0], null);
        }
        if (series.size() == 1) {
            Series s = series.get(0);
            return new Band(s.steps(), s.x(), s.y(), null);
        }
        List<Series> sorted = series.stream().map(GroupStatistics::ascending).toList();
        double[] common = commonSteps(sorted);
        int n = sorted.size();
        int m = common.length;
        double[] x = new double[m];
        double[] mean = new double[m];
        double[] sd = new double[m];
        double[][] values = new double[n][];
        for (int r = 0; r < n; r++) {
            Series s = sorted.get(r);
            double[] y = new double[m];
            int j = 0;
            for (int i = 0; i < m; i++) {
                while (s.steps()[j] < common[i]) {
                    j++;
                }
                y[i] = s.y()[j];
                x[i] += s.x()[j];
            }
            values[r] = y;
        }
        for (int i = 0; i < m; i++) {
            x[i] /= n; // a sum of equal steps divided by n is that step exactly
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += values[r][i];
            }
            mean[i] = sum / n;
            double squares = 0;
            for (int r = 0; r < n; r++) {
                double d = values[r][i] - mean[i];
                squares += d * d;
            }
            sd[i] = Math.sqrt(squares / (n - 1));
        }
        return new Band(common, x, mean, sd);
    }

    /** The steps present in every series (each ascending without repeats), ascending. */
    public static double[] commonSteps(List<Series> series) {
        double[] common = series.get(0).steps().clone();
        int size = common.length;
        for (int r = 1; r < series.size(); r++) {
            double[] other = series.get(r).steps();
            int kept = 0;
            int j = 0;
            for (int i = 0; i < size; i++) {
                while (j < other.length && other[j] < common[i]) {
                    j++;
                }
                if (j < other.length && other[j] == common[i]) {
                    common[kept++] = common[i];
                }
            }
            size = kept;
        }
        return Arrays.copyOf(common, size);
    }

    /**
     * The series with strictly ascending steps. A resumed run may log a step again after its
     * checkpoint; the later record of a step is the one that counts.
     */
    static Series ascending(Series s) {
        double[] steps = s.steps();
        boolean ordered = true;
        for (int i = 1; i < steps.length && ordered; i++) {
            ordered = steps[i] > steps[i - 1];
        }
        if (ordered) {
            return s;
        }
        Integer[] order = new Integer[steps.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Stable sort: among equal steps the later record stays last, and is kept below.
        Arrays.sort(order, (a, b) -> Double.compare(steps[a], steps[b]));
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            if (k + 1 == order.length || steps[order[k + 1]] != steps[order[k]]) {
                kept.add(order[k]);
            }
        }
        double[] st = new double[kept.size()];
        double[] x = new double[kept.size()];
        double[] y = new double[kept.size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = steps[kept.get(i)];
            x[i] = s.x()[kept.get(i)];
            y[i] = s.y()[kept.get(i)];
        }
        return new Series(st, x, y);
    }
}
