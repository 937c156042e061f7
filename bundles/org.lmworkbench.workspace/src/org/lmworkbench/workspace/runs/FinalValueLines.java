package org.lmworkbench.workspace.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lmworkbench.workspace.runs.ChartUpdate.Line;
import org.lmworkbench.workspace.runs.RunsModel.RunSeries;
import org.lmworkbench.workspace.runs.ViewSettings.Grouping;

/**
 * The Runs view with a spec key on the horizontal axis: each run is a point, its final value of the
 * metric at its value of the key, and the runs that share the other varying keys make one line
 * through the mean at each value of the key, with a band of one standard deviation where several
 * runs (seeds) share a value. "Each run" keeps the seeds apart (a line per seed), "mean over seeds"
 * averages them, and a key groups by that key alone.
 */
public final class FinalValueLines {

    /**
     * The lines and the points behind them.
     *
     * @param lines  one per group, x ascending, band where a value has several runs
     * @param points each group's runs as points, in the order of {@code lines}
     */
    public record Result(List<Line> lines, List<Points> points) {
    }

    /**
     * The runs of one line as points.
     *
     * @param id the points' series id
     * @param x  the runs' values of the key
     * @param y  their final values
     */
    public record Points(String id, double[] x, double[] y) {
    }

    private FinalValueLines() {
    }

    /**
     * Lines of final values against {@code key}. Runs whose value of the key is not a number, or that
     * have no finite value of the metric, are left out.
     */
    public static Result build(List<RunSeries> runs, String metric, String key, Grouping grouping) {
        List<RunSeries> usable = new ArrayList<>();
        for (RunSeries run : runs) {
            if (run.spec().get(key) instanceof Number && run.series().size() > 0) {
                usable.add(run);
            }
        }
        List<String> varying = SpecKeys.varying(usable.stream().map(RunSeries::spec).toList());
        List<String> defining = switch (grouping.mode()) {
            case EACH_RUN -> varying.stream().filter(k -> !k.equals(key)).toList();
            case SEEDS -> varying.stream().filter(k -> !k.equals(key) && !SpecKeys.SEED_KEYS.contains(k)).toList();
            case BY_KEY -> grouping.key().equals(key) ? List.of() : List.of(grouping.key());
        };
        Map<List<Object>, List<RunSeries>> groups = new LinkedHashMap<>();
        for (RunSeries run : usable) {
            List<Object> values = new ArrayList<>();
            for (String k : defining) {
                Object v = run.spec().get(k);
                values.add(v instanceof Number n ? (Object) n.doubleValue() : v);
            }
            groups.computeIfAbsent(values, v -> new ArrayList<>()).add(run);
        }
        List<Line> lines = new ArrayList<>();
        List<Points> points = new ArrayList<>();
        for (Map.Entry<List<Object>, List<RunSeries>> g : groups.entrySet()) {
            List<RunSeries> members = g.getValue();
            String id = "final:" + g.getKey();
            String label = defining.isEmpty() ? metric : SpecKeys.describe(members.get(0).spec(), defining);
            lines.add(line(id, label, members, key));
            double[] px = new double[members.size()];
            double[] py = new double[members.size()];
            for (int i = 0; i < members.size(); i++) {
                px[i] = ((Number) members.get(i).spec().get(key)).doubleValue();
                py[i] = last(members.get(i));
            }
            points.add(new Points(id + "#runs", px, py));
        }
        return new Result(lines, points);
    }

    private static double last(RunSeries run) {
        double[] y = run.series().y();
        return y[y.length - 1];
    }

    private static Line line(String id, String label, List<RunSeries> members, String key) {
        TreeMap<Double, List<Double>> byX = new TreeMap<>();
        for (RunSeries run : members) {
            byX.computeIfAbsent(((Number) run.spec().get(key)).doubleValue(), x -> new ArrayList<>()).add(last(run));
        }
        int n = byX.size();
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        boolean band = false;
        int i = 0;
        for (Map.Entry<Double, List<Double>> e : byX.entrySet()) {
            List<Double> values = e.getValue();
            double m = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double sd = 0;
            if (values.size() > 1) {
                band = true;
                double squares = values.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
                sd = Math.sqrt(squares / (values.size() - 1));
            }
            x[i] = e.getKey();
            mean[i] = m;
            lower[i] = m - sd;
            upper[i] = m + sd;
            i++;
        }
        int runs = members.size();
        String text = runs > byX.size() ? label + " (" + runs + " runs)" : label;
        return new Line(id, text, x, mean, band ? lower : null, band ? upper : null, runs);
    }
}
