package org.lmworkbench.ui.views.runs.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmworkbench.ui.charts.Smoothing;

/**
 * Builds the chart's lines from the runs' series: each run's series is smoothed first (so the
 * band shows the spread between seeds, not the step-to-step noise), then the runs of a group are
 * averaged on their common steps.
 */
public final class LineBuilder {

    /**
     * One run's input.
     *
     * @param id     run id
     * @param spec   spec values by dotted key
     * @param series the chosen metric
     */
    public record RunSeries(String id, Map<String, Object> spec, Series series) {
    }

    private LineBuilder() {
    }

    /** The lines for {@code runs} under {@code settings}; groups without points still get a (empty) line. */
    public static List<Line> build(List<RunSeries> runs, ViewSettings settings) {
        List<String> ids = runs.stream().map(RunSeries::id).toList();
        List<Map<String, Object>> specs = runs.stream().map(RunSeries::spec).toList();
        List<Line> lines = new ArrayList<>();
        for (RunGrouping.Group group : RunGrouping.group(ids, specs, settings.grouping())) {
            List<Series> members = new ArrayList<>();
            for (int index : group.members()) {
                members.add(smooth(runs.get(index).series(), settings.smoothing()));
            }
            GroupStatistics.Band band = GroupStatistics.meanBand(members);
            lines.add(new Line(group.key(), group.label(), band.x(), band.mean(), band.lower(), band.upper(),
                    members.size()));
        }
        return lines;
    }

    /** The series with debiased-EMA smoothing (weight 0 leaves it as it is). */
    public static Series smooth(Series s, double weight) {
        if (weight <= 0 || s.size() == 0) {
            return s;
        }
        return s.withY(Smoothing.debiasedEma(s.y(), weight));
    }
}
