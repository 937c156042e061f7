package org.lmworkbench.ui.views.runs.model;

import java.util.List;

/**
 * The outcome of one poll, for the UI thread to apply: chart changes plus what the controls and
 * the status line show.
 *
 * @param clear      true if the chart must be emptied before {@link #ops()} (settings changed, a file was replaced)
 * @param ops        chart changes, in order
 * @param metric     the metric drawn (the default resolved)
 * @param metrics    every metric key the runs have
 * @param groupKeys  spec keys that vary across the runs, the choices for grouping
 * @param runs       number of runs followed
 * @param live       number of those still queued or running
 * @param points     points drawn over all lines
 * @param errors     files that could not be read, with the reason
 * @param backlog    true if some file has more lines than this poll read: poll again at once
 */
public record ChartUpdate(boolean clear, List<ChartOp> ops, String metric, List<String> metrics,
        List<String> groupKeys, int runs, int live, long points, List<String> errors, boolean backlog) {

    /** Copies the lists. */
    public ChartUpdate {
        ops = List.copyOf(ops);
        metrics = List.copyOf(metrics);
        groupKeys = List.copyOf(groupKeys);
        errors = List.copyOf(errors);
    }

    /** True if there is nothing to draw differently. */
    public boolean isEmpty() {
        return !clear && ops.isEmpty();
    }
}
