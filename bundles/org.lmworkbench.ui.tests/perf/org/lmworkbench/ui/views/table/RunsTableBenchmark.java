package org.lmworkbench.ui.views.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.workspace.runs.ViewSettings.Grouping;
import org.lmworkbench.workspace.runs.table.MetricStats.Stat;
import org.lmworkbench.workspace.runs.table.RunColumn;
import org.lmworkbench.workspace.runs.table.RunSummaries;
import org.lmworkbench.workspace.runs.table.RunSummary;
import org.lmworkbench.workspace.runs.table.RunsTable;

/**
 * Benchmark of the runs table with many runs: generates a sweep of N run folders (spec.json,
 * status.json and a metrics.jsonl of 21 lines each) in a temporary folder, then drives the table's
 * own pieces (the summaries reader, the headless table and the virtual tree) on a real shell, as the
 * view does, and reports:
 * <ul>
 * <li>time to first paint: from the start of the read until the tree has painted its first rows,
 * the first part of the read being handed over after 150 ms as the view's reader does;</li>
 * <li>the whole first read, and a second read of the unchanged runs (the view's refresh);</li>
 * <li>sorting by a metric column and by a spec key, filtering and grouping, each until painted;</li>
 * <li>the heap held.</li>
 * </ul>
 * Usage: {@code RunsTableBenchmark [runs=10000] [repeats=5]} under an X display
 * ({@code releng/benchmarks/runs-table-benchmark.sh} puts it on the class path and starts Xvfb).
 */
public final class RunsTableBenchmark {

    private static final long FIRST_PART_NANOS = 150_000_000L;

    private RunsTableBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path project = Files.createTempDirectory("runs-table-bench");
        try {
            long t = System.nanoTime();
            List<Path> folders = generate(project, n);
            System.out.printf(Locale.ROOT, "generated %,d runs in %.1f s (%s)%n", n, seconds(t), project);
            run(folders, repeats);
        } finally {
            delete(project);
        }
    }

    private static void run(List<Path> folders, int repeats) {
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1024, 500);
        RunsTable table = new RunsTable();
        RunsTree tree = new RunsTree(shell, table, (c, up) -> { }, key -> null);
        shell.open();
        pump(display);

        // First read, as the view's reader does it: a first part after 150 ms, then the rest.
        RunSummaries summaries = new RunSummaries();
        long start = System.nanoTime();
        List<RunSummary> runs = new ArrayList<>();
        double firstPaint = -1;
        int firstRows = 0;
        for (Path folder : folders) {
            runs.add(summaries.read(folder));
            if (firstPaint < 0 && System.nanoTime() - start > FIRST_PART_NANOS) {
                show(table, tree, runs);
                firstPaint = millis(start);
                firstRows = runs.size();
            }
        }
        double read = millis(start);
        show(table, tree, runs);
        double complete = millis(start);
        if (firstPaint < 0) {
            firstPaint = complete;
            firstRows = runs.size();
        }
        System.out.printf(Locale.ROOT, "time to first paint: %.0f ms (%,d rows of %,d read by then)%n", firstPaint,
                firstRows, folders.size());
        System.out.printf(Locale.ROOT, "first read of all %,d runs: %.0f ms (%d files read); all shown after %.0f ms%n",
                folders.size(), read, summaries.filesRead(), complete);

        double[] refresh = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long r = System.nanoTime();
            List<RunSummary> again = summaries.read(folders);
            show(table, tree, again);
            refresh[i] = millis(r);
        }
        System.out.printf(Locale.ROOT, "refresh of unchanged runs (attributes only) and repaint: median %.0f ms%n",
                median(refresh));

        RunColumn loss = new RunColumn.Metric("train_loss", Stat.FINAL);
        RunColumn width = new RunColumn.SpecKey("model.width");
        report("sort by final train_loss", repeats, i -> {
            table.setSort(loss, i % 2 == 0);
            tree.refresh();
        }, tree, display);
        report("sort by model.width", repeats, i -> {
            table.setSort(width, i % 2 == 0);
            tree.refresh();
        }, tree, display);
        report("filter 'model.width>=256 and seed=1'", repeats, i -> {
            try {
                table.setFilter(i % 2 == 0 ? "model.width>=256 and seed=1" : "");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            tree.refresh();
        }, tree, display);
        report("group by all keys but the seeds", repeats, i -> {
            table.setGrouping(i % 2 == 0 ? Grouping.SEEDS : Grouping.EACH_RUN);
            tree.refresh();
        }, tree, display);

        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap used after the runs: %.0f MB (max %.0f MB)%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
        display.dispose();
    }

    /** Gives the table its rows and waits until the tree has painted them. */
    private static void show(RunsTable table, RunsTree tree, List<RunSummary> runs) {
        table.setRuns(runs);
        tree.setColumns(table.columns());
        tree.refresh();
        paint(tree);
    }

    private static void paint(RunsTree tree) {
        tree.control().redraw();
        tree.control().update(); // paints now, filling in the visible virtual items
        pump(tree.control().getDisplay());
    }

    @FunctionalInterface
    private interface Step {
        void run(int repeat);
    }

    private static void report(String what, int repeats, Step step, RunsTree tree, Display display) {
        double[] times = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            step.run(i);
            paint(tree);
            times[i] = millis(t);
        }
        System.out.printf(Locale.ROOT, "%s and repaint: median %.1f ms, max %.1f ms (%d times)%n", what, median(times),
                java.util.Arrays.stream(times).max().orElse(0), repeats);
    }

    private static void pump(Display display) {
        while (display.readAndDispatch()) {
            // dispatch what is pending
        }
    }

    /** A sweep: widths x lrs x seeds x data sizes, enough points for n runs, 21 metric lines each. */
    static List<Path> generate(Path project, int n) throws IOException {
        Path runs = Files.createDirectories(project.resolve(RunDirectory.RUNS));
        List<Path> out = new ArrayList<>(n);
        int[] widths = {32, 64, 128, 256, 512};
        double[] lrs = {0.01, 0.02, 0.05, 0.1, 0.2};
        for (int i = 0; i < n; i++) {
            int width = widths[i % widths.length];
            double lr = lrs[(i / widths.length) % lrs.length];
            int seed = (i / (widths.length * lrs.length)) % 4;
            int nTrain = 1000 + i / (widths.length * lrs.length * 4);
            Path run = Files.createDirectories(runs.resolve(String.format(Locale.ROOT, "bench-%05d", i)));
            Files.writeString(run.resolve(RunDirectory.SPEC), String.format(Locale.ROOT, """
                    {"name": "bench", "seed": %d, "model": {"family": "mlp", "width": %d, "depth": 2},
                     "data": {"source": "teacher_student", "n_train": %d}, "optimizer": {"name": "sgd", "lr": %s},
                     "training": {"steps": 2000}}
                    """, seed, width, nTrain, lr), StandardCharsets.UTF_8);
            Files.writeString(run.resolve(RunDirectory.STATUS), String.format(Locale.ROOT, """
                    {"state": "completed", "created": "2026-12-01T09:00:00Z", "started": "2026-12-01T09:00:01Z",
                     "ended": "2026-12-01T09:%02d:%02dZ", "device": "cpu", "last_step": 2000, "total_steps": 2000}
                    """, 1 + i % 50, i % 60), StandardCharsets.UTF_8);
            StringBuilder lines = new StringBuilder();
            double last = 1.0 / width + lr / 10 + seed / 100.0;
            for (int step = 0; step <= 2000; step += 100) {
                double loss = last * (1 + (2000 - step) / 500.0);
                lines.append(String.format(Locale.ROOT,
                        "{\"step\": %d, \"train_loss\": %.6g, \"test_loss\": %.6g, \"grad_norm\": %.4g, \"wall_time\": %.2f}%n",
                        step, loss, loss * 1.2, 1.0 / (1 + step), step * 0.05));
            }
            Files.writeString(run.resolve(RunDirectory.METRICS), lines, StandardCharsets.UTF_8);
            out.add(run);
        }
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
