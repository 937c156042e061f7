package org.lmworkbench.workspace.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lmworkbench.workspace.runs.ChartUpdate.ChartOp;
import org.lmworkbench.workspace.runs.ChartUpdate.Line;
import org.lmworkbench.workspace.runs.MetricTable.Series;
import org.lmworkbench.workspace.runs.ViewSettings.XAxis;

/**
 * The Runs view without its widgets: follows the runs of a {@link RunQuery}, reads what they
 * appended, and plans the chart changes for the current {@link ViewSettings}. One poller thread
 * calls {@link #update}; the result is handed to the UI thread.
 */
public final class RunsModel {

    /** Metrics tried in this order when the user has not chosen one. */
    private static final List<String> DEFAULT_METRICS = List.of("train_loss", "loss");

    /**
     * Smooths one run's values with a weight in [0, 1). The chart library owns the formula
     * (TensorBoard's debiased EMA), so the view hands it in.
     */
    @FunctionalInterface
    public interface Smoother {
        /** A smoothed copy of {@code y}. */
        double[] smooth(double[] y, double weight);
    }

    private final Smoother smoother;
    private final Map<Path, RunTrack> tracks = new LinkedHashMap<>();
    private final UpdatePlanner planner = new UpdatePlanner();
    private ViewSettings lastSettings;
    private RunQuery lastQuery;
    private String lastMetric;
    private List<Path> lastRuns = List.of();
    private int lastResets;
    private long lastPoints;

    /** A model that smooths series with {@code smoother}. */
    public RunsModel(Smoother smoother) {
        this.smoother = smoother;
    }

    /**
     * Reads what the runs of {@code query} appended since the last call and plans the chart changes.
     * A new query or new settings redraw everything; otherwise lines only grow.
     */
    public ChartUpdate update(RunQuery query, ViewSettings settings) {
        List<String> errors = new ArrayList<>();
        List<Path> paths;
        try {
            paths = query.resolve();
        } catch (IOException e) {
            errors.add(query.description() + ": " + e.getMessage());
            paths = List.copyOf(tracks.keySet());
        }
        tracks.keySet().retainAll(paths);
        int fresh = 0;
        List<RunTrack> followed = new ArrayList<>();
        for (Path path : paths) {
            RunTrack track = tracks.computeIfAbsent(path, RunTrack::new);
            if (!query.accepts(track.loadSpec())) {
                continue; // another spec's run: its metrics are never read
            }
            fresh += track.poll();
            if (track.error() != null) {
                errors.add(track.id() + ": " + track.error());
            }
            followed.add(track);
        }
        List<Path> runs = followed.stream().map(RunTrack::folder).toList();
        int resets = followed.stream().mapToInt(RunTrack::resets).sum();
        List<String> keys = metricKeys(followed);
        String metric = settings.metric() != null && keys.contains(settings.metric()) ? settings.metric()
                : defaultMetric(keys);
        boolean redraw = !settings.equals(lastSettings) || !query.equals(lastQuery) || resets != lastResets
                || !Objects.equals(metric, lastMetric);
        boolean changed = redraw || fresh > 0 || !runs.equals(lastRuns);
        lastSettings = settings;
        lastQuery = query;
        lastMetric = metric;
        lastResets = resets;
        lastRuns = runs;

        List<Map<String, Object>> specs = followed.stream().map(RunTrack::specValues).toList();
        List<ChartOp> ops = List.of();
        long points = 0;
        boolean keyAxis = settings.axis() == XAxis.SPEC_KEY;
        if (changed) {
            List<RunSeries> input = new ArrayList<>();
            for (RunTrack track : followed) {
                Series s = metric == null ? Series.EMPTY : track.series(metric, keyAxis ? XAxis.STEP : settings.axis());
                input.add(new RunSeries(track.id(), track.specValues(), s));
            }
            if (keyAxis) {
                // Final values move as runs train: the few points are redrawn rather than appended to.
                redraw = true;
                FinalValueLines.Result result = FinalValueLines.build(input, metric, settings.xKey(), settings.grouping());
                ops = new ArrayList<>(planner.plan(result.lines(), true));
                for (int i = 0; i < result.points().size(); i++) {
                    FinalValueLines.Points p = result.points().get(i);
                    ops.add(new ChartOp.Points(p.id(), p.x(), p.y(), i));
                }
                points = result.points().stream().mapToLong(p -> p.x().length).sum();
            } else {
                List<Line> lines = build(input, settings);
                ops = planner.plan(lines, redraw);
                points = lines.stream().mapToLong(Line::size).sum();
            }
            lastPoints = points;
        } else {
            points = lastPoints;
        }
        int live = (int) followed.stream().filter(RunTrack::isLive).count();
        int pending = (int) followed.stream().filter(RunTrack::isPending).count();
        boolean backlog = followed.stream().anyMatch(RunTrack::hasBacklog);
        List<String> varying = SpecKeys.varying(specs);
        List<String> numeric = varying.stream().filter(k -> specs.stream().map(s -> s.get(k))
                .allMatch(v -> v == null || v instanceof Number)).toList();
        return new ChartUpdate(redraw, ops, metric, keys, varying, numeric, followed.size(), live, pending, points,
                errors, backlog);
    }

    /** The runs followed since the last update. */
    public List<RunTrack> tracks() {
        return List.copyOf(tracks.values());
    }

    /** Bytes held by all runs' columns. */
    public long bytes() {
        return tracks.values().stream().mapToLong(RunTrack::bytes).sum();
    }

    private static List<String> metricKeys(List<RunTrack> tracks) {
        Set<String> keys = new LinkedHashSet<>();
        tracks.forEach(t -> keys.addAll(t.keys()));
        return new ArrayList<>(keys);
    }

    /** {@code train_loss} when the runs have it, else {@code loss}, else the first key seen; null without keys. */
    static String defaultMetric(List<String> keys) {
        for (String preferred : DEFAULT_METRICS) {
            if (keys.contains(preferred)) {
                return preferred;
            }
        }
        return keys.isEmpty() ? null : keys.get(0);
    }

    /**
     * One run's input.
     *
     * @param id     run id
     * @param spec   spec values by dotted key
     * @param series the chosen metric
     */
    public record RunSeries(String id, Map<String, Object> spec, Series series) {
    }

    /**
     * The lines for {@code runs} under {@code settings}. Each run's series is smoothed first (so a
     * band shows the spread between seeds, not step-to-step noise), then the runs of a group are
     * averaged on their common steps; a group without points still gets an (empty) line.
     */
    public List<Line> build(List<RunSeries> runs, ViewSettings settings) {
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
    public Series smooth(Series s, double weight) {
        if (weight <= 0 || s.size() == 0) {
            return s;
        }
        return s.withY(smoother.smooth(s.y(), weight));
    }
}
