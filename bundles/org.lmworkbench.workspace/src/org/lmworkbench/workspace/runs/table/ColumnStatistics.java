package org.lmworkbench.workspace.runs.table;

import java.util.List;
import java.util.Objects;

/**
 * What a group row of the runs table shows for one column: for numbers the mean and the sample
 * standard deviation over the group's runs that have a value, for text the value they share.
 *
 * @param n     runs with a value
 * @param mean  their mean (numeric columns), NaN without values
 * @param sd    their sample standard deviation (n - 1 in the denominator), NaN for fewer than two
 * @param value the value every run of the group has (other columns), else null
 */
public record ColumnStatistics(int n, double mean, double sd, Object value) {

    /** The statistics of {@code column} over {@code runs}. */
    public static ColumnStatistics of(RunColumn column, List<RunSummary> runs) {
        if (!column.numeric()) {
            Object first = runs.isEmpty() ? null : column.value(runs.get(0));
            boolean shared = runs.stream().allMatch(r -> Objects.equals(first, column.value(r)));
            return new ColumnStatistics(runs.size(), Double.NaN, Double.NaN, shared ? first : null);
        }
        int n = 0;
        double sum = 0;
        for (RunSummary run : runs) {
            double v = ((Number) column.value(run)).doubleValue();
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double squares = 0;
        for (RunSummary run : runs) {
            double v = ((Number) column.value(run)).doubleValue();
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new ColumnStatistics(n, mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1)), null);
    }

    /** {@code 0.1234 ± 0.0012} (numbers, written as the column writes values), or the shared value. */
    public String text(RunColumn column) {
        if (!column.numeric()) {
            return column.format(value);
        }
        if (n == 0) {
            return "";
        }
        String m = column.format(mean);
        return Double.isNaN(sd) ? m : m + " \u00b1 " + column.format(sd);
    }

    /** The value a group sorts by in this column: the mean, or the shared value. */
    public Object sortValue() {
        return Double.isNaN(mean) && value != null ? value : (Object) mean;
    }
}
