package org.lmworkbench.ui.charts.bench;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.lmworkbench.ui.charts.Palette;
import org.lmworkbench.ui.charts.PlotChart;
import org.lmworkbench.ui.charts.Smoothing;

/**
 * How a {@link PlotChart} holds up under a live run of 1,000,000 logged steps (not a test: run it by
 * hand, under {@code xvfb-run} on a machine without a display; see
 * {@code releng/benchmarks/chart-benchmark.sh}). A shell with one chart receives the run the way
 * the Runs view feeds it: chunks of points appended, then a redraw, until a million points per
 * series. It prints the time of an append + redraw at the end (1M points), of a full redraw, of
 * toggling the y axis to log and back, of a resize, and the heap used.
 * <p>
 * Arguments: {@code [series (default 2: raw and smoothed)] [points (1000000)] [chunk (1000)]}.
 */
public final class ChartBenchmark {

    private ChartBenchmark() {
    }

    /** Runs the benchmark and prints the figures. */
    public static void main(String[] args) {
        int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int chunk = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1200, 700);
        PlotChart chart = new PlotChart(shell, SWT.NONE);
        chart.setTitle("benchmark");
        chart.setAxisTitles("step", "loss");
        for (int s = 0; s < seriesCount; s++) {
            chart.addLine("s" + s, "series " + s, new double[0], new double[0], Palette.colour(s));
        }
        shell.open();
        drain(display);
        int[] paints = new int[1];
        chart.chart().getPlotArea().getControl().addListener(SWT.Paint, e -> paints[0]++);

        long heapBefore = heapUsed();
        double[] lastY = new double[seriesCount];
        int updates = total / chunk;
        long[] updateNanos = new long[updates];
        long start = System.nanoTime();
        for (int u = 0; u < updates; u++) {
            long t0 = System.nanoTime();
            for (int s = 0; s < seriesCount; s++) {
                double[] x = new double[chunk];
                double[] y = new double[chunk];
                for (int i = 0; i < chunk; i++) {
                    long step = (long) u * chunk + i;
                    x[i] = step;
                    y[i] = (s + 1) * (2.0 / Math.sqrt(1 + step / 1000.0)) * (1 + 0.1 * Math.sin(step * 0.37))
                            + (step % 4999 == 0 ? 1 : 0);
                }
                if (s % 2 == 1) {
                    y = Smoothing.debiasedEma(y, 0.6);
                }
                lastY[s] = y[chunk - 1];
                chart.appendData("s" + s, x, y);
            }
            chart.refresh();
            untilPainted(display, paints);
            updateNanos[u] = System.nanoTime() - t0;
        }
        double totalSeconds = (System.nanoTime() - start) / 1e9;

        int tail = Math.min(50, updates);
        long sum = 0;
        long max = 0;
        for (int u = updates - tail; u < updates; u++) {
            sum += updateNanos[u];
            max = Math.max(max, updateNanos[u]);
        }
        double appendRedrawMs = sum / 1e6 / tail;

        double redrawMs = median(() -> {
            chart.chart().redraw();
            untilPainted(display, paints);
        });
        Image image = new Image(display, chart.getSize().x, chart.getSize().y);
        GC gc = new GC(image);
        double printMs = median(() -> chart.print(gc));
        gc.dispose();
        image.dispose();
        double refreshMs = median(() -> {
            chart.refresh();
            untilPainted(display, paints);
        });
        double logOnMs = median(() -> {
            chart.setLogY(!chart.isLogY());
            untilPainted(display, paints);
        });
        chart.setLogY(false);
        double resizeMs = time(() -> {
            shell.setSize(1400, 800);
            untilPainted(display, paints);
        });
        long heapAfter = heapUsed();
        int drawn = chart.chart().getSeriesSet().getSeries("s0").getXSeries().length;
        int columns = chart.chart().getPlotArea().getSize().x;

        System.out.println(String.format(Locale.ROOT, "series=%d points/series=%d chunk=%d updates=%d", seriesCount,
                chart.seriesX("s0").length, chunk, updates));
        System.out.println(String.format(Locale.ROOT, "whole live run: %.1f s (%.2f ms per update on average)",
                totalSeconds, totalSeconds * 1000 / updates));
        System.out.println(String.format(Locale.ROOT,
                "append+redraw at %d points: %.2f ms mean over last %d updates (max %.2f ms)", total, appendRedrawMs, tail,
                max / 1e6));
        System.out.println(String.format(Locale.ROOT,
                "full redraw at %d points: %.2f ms until painted on screen, %.2f ms to render the chart off screen (medians of 9)",
                total, redrawMs, printMs));
        System.out.println(String.format(Locale.ROOT,
                "refresh (fit ranges + decimate + paint) at %d points: %.2f ms (median of 9)", total, refreshMs));
        System.out.println(String.format(Locale.ROOT, "toggle log y (on or off, until painted): %.2f ms (median of 9)",
                logOnMs));
        System.out.println(String.format(Locale.ROOT, "resize to 1400x800 (re-decimate + paint): %.2f ms", resizeMs));
        System.out.println(String.format(Locale.ROOT, "points handed to SWTChart per series: %d for %d pixel columns",
                drawn, columns));
        System.out.println(String.format(Locale.ROOT, "heap used: %.1f MB before data, %.1f MB after (%.1f MB for %d points)",
                heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1e6, (long) seriesCount * total));
        shell.dispose();
        display.dispose();
    }

    /**
     * Dispatches events until the plot area has painted once more: GTK paints on its frame clock, so
     * this is the time until the user sees the change.
     */
    private static void untilPainted(Display display, int[] paints) {
        int before = paints[0];
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (paints[0] == before && System.nanoTime() < deadline) {
            if (!display.readAndDispatch()) {
                display.timerExec(5, () -> {
                    // wakes sleep() so the deadline is checked
                });
                display.sleep();
            }
        }
        drain(display);
    }

    private static void drain(Display display) {
        while (display.readAndDispatch()) {
            // run paints and the chart's coalesced refresh
        }
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(Runnable r) {
        double[] t = new double[9];
        for (int i = 0; i < t.length; i++) {
            t[i] = time(r);
        }
        java.util.Arrays.sort(t);
        return t[t.length / 2];
    }

    private static long heapUsed() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
