package org.lmworkbench.ui.views.runs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.ui.charts.PlotChart;
import org.lmworkbench.ui.charts.Smoothing;
import org.lmworkbench.workspace.runs.ChartUpdate;
import org.lmworkbench.workspace.runs.RunQuery;
import org.lmworkbench.workspace.runs.RunsModel;
import org.lmworkbench.workspace.runs.ViewSettings;

/**
 * Benchmark of the Runs view's pipeline on a run of 1,000,000 logged steps: the same model, planner
 * and chart applier the view uses, on a real PlotChart in a shell (run it under {@code xvfb-run}).
 * Reports the time to the first chart (the first chunk of the file), the time to read the whole
 * file chunk by chunk and the UI thread's time per chunk, the memory held, and then, while 1000
 * lines are appended per poll, the poller's time and the UI thread's time per update.
 * <p>
 * Usage: {@code RunsViewBenchmark [steps] [linesPerPoll] [polls] [smoothing]}.
 */
public final class RunsViewBenchmark {

    private RunsViewBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int perPoll = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int polls = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        double smoothing = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        Path dir = Files.createTempDirectory("runsview-bench");
        RunDirectory run = RunDirectory.create(dir.resolve("runs"), "bench",
                ExperimentSpec.withDefaults("bench", 0.1));
        run.writeStatus(run.readStatus().started(Instant.now(), "cpu", 1, ProcessHandle.current().pid()));

        long t = System.nanoTime();
        append(run.metricsFile(), 0, steps);
        System.out.printf(Locale.ROOT, "generated %,d lines (%,d bytes) in %.1f s%n", steps,
                Files.size(run.metricsFile()), seconds(t));

        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1200, 700);
        PlotChart chart = new PlotChart(shell, 0);
        ChartApplier applier = new ChartApplier(chart);
        shell.open();
        drain(display);

        long baseline = usedHeap();
        RunsModel model = new RunsModel(Smoothing::debiasedEma);
        RunQuery query = RunQuery.of(List.of(run.path()), "bench");
        ViewSettings settings = ViewSettings.DEFAULT.withSmoothing(smoothing);
        long start = System.nanoTime();
        ChartUpdate update = model.update(query, settings);
        double firstRead = seconds(start);
        long ui = System.nanoTime();
        applier.apply(update, "step");
        drain(display);
        double uiFirst = seconds(ui) * 1000;
        System.out.printf(Locale.ROOT, "first chart: %.2f s (first chunk read + planned in %.2f s off the UI thread,"
                + " UI thread %.0f ms), %,d points, smoothing %.2f%n", seconds(start), firstRead, uiFirst,
                update.points(), smoothing);
        int chunks = 1;
        double uiMax = uiFirst;
        double uiSum = uiFirst;
        while (update.backlog()) {
            update = model.update(query, settings);
            long t1 = System.nanoTime();
            applier.apply(update, "step");
            drain(display);
            double ms = seconds(t1) * 1000;
            uiMax = Math.max(uiMax, ms);
            uiSum += ms;
            chunks++;
        }
        System.out.printf(Locale.ROOT, "whole file: %.2f s in %d chunks, %,d points; UI thread per chunk mean %.1f ms"
                + " max %.1f ms (%.1f s of the total)%n", seconds(start), chunks, update.points(), uiSum / chunks,
                uiMax, uiSum / 1000);
        System.out.printf(Locale.ROOT, "memory: %,d MB heap held by the model and chart (columns %,d MB)%n",
                (usedHeap() - baseline) >> 20, model.bytes() >> 20);

        double[] pollMs = new double[polls];
        double[] uiMs = new double[polls];
        for (int p = 0; p < polls; p++) {
            append(run.metricsFile(), steps + p * perPoll, perPoll);
            long t0 = System.nanoTime();
            update = model.update(query, settings);
            pollMs[p] = seconds(t0) * 1000;
            long t1 = System.nanoTime();
            applier.apply(update, "step");
            drain(display);
            uiMs[p] = seconds(t1) * 1000;
            if (update.clear()) {
                throw new IllegalStateException("a growing run must not redraw the chart");
            }
        }
        String id = chart.seriesIds().get(0);
        System.out.printf(Locale.ROOT, "live: %d polls of %d lines: poller median %.1f ms max %.1f ms;"
                + " UI thread per update median %.1f ms max %.1f ms; chart has %,d points%n", polls, perPoll,
                median(pollMs), max(pollMs), median(uiMs), max(uiMs), chart.seriesX(id).length);
        shell.dispose();
        display.dispose();
    }

    /** Appends {@code count} backend-like records from {@code from}, one per step. */
    private static void append(Path file, long from, int count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            StringBuilder line = new StringBuilder(300);
            for (long step = from; step < from + count; step++) {
                double loss = 1 / Math.sqrt(1 + step * 0.01) + 0.01 * Math.sin(step);
                line.setLength(0);
                line.append("{\"step\": ").append(step).append(", \"train_loss\": ").append(loss)
                        .append(", \"test_loss\": ").append(loss * 1.1).append(", \"batch_loss\": ").append(loss)
                        .append(", \"grad_norm\": ").append(2 * loss).append(", \"lr\": 0.1, \"weight_norm\": {")
                        .append("\"layer0\": ").append(10 + step * 1e-5).append(", \"layer1\": ")
                        .append(12 + step * 1e-5).append("}, \"rel_change\": {\"layer0\": ").append(step * 1e-6)
                        .append(", \"layer1\": ").append(step * 2e-6).append("}, \"wall_time\": ")
                        .append(step * 0.002).append("}\n");
                out.append(line);
            }
        }
    }

    private static void drain(Display display) {
        while (display.readAndDispatch()) {
            // paint and run pending work
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
