package org.lmworkbench.analysis.fit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.OptionsCommand;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.AtomicFiles;

/**
 * {@code lmw fit}: fits a scaling law to a CSV file, or to the final metrics of a sweep's
 * completed runs, and writes the result as JSON.
 *
 * <p>Pipeline: read the named columns ({@link ScalingCsvReader}; all values must be positive) or,
 * with {@code --runs}, one point per completed run ({@link SweepPointsReader}; runs in other
 * states are skipped with a note on standard output),
 * for chinchilla with {@code --flop} convert to tokens {@code D = FLOP / (6 N)}, drop the
 * {@code --drop-highest} highest-loss points (stable: ties keep file order, kept points stay in
 * file order; Epoch AI's preparation drops 5), run the {@link MultiStartFitter} from the chosen
 * grid, optionally bootstrap ({@link BootstrapEstimator}), and write the document described in
 * {@link FitResultJson} atomically to {@code --out}; a short summary goes to standard output.
 *
 * <p>Exit codes: 0 done; 2 invalid input (bad option, missing or unreadable input file, CSV
 * or run-folder problems, no completed run, too few points, an output path that is a
 * directory); 1 internal error (including
 * failure to write the output). Results do not depend on {@code --threads}.
 *
 * <p>One of the commands of the backend's command line; it lives here, beside the fitting code,
 * because the workbench's fit editor reuses its option parsing and data preparation.
 */
public final class FitCommand extends OptionsCommand<FitOptions.Arguments> {

    /** Usage text printed by {@code --help}. */
    public static final String USAGE = """
            usage: lmw fit --form <power|chinchilla|broken> --csv <file> --out <file.json> [options]
                   lmw fit --form <power|chinchilla|broken> --runs <dir> --out <file.json> [options]

            Fits a scaling law by minimising the Huber loss of log residuals from a grid of
            L-BFGS starts (Hoffmann et al. 2022; Epoch AI replication, Besiroglu et al. 2024).

            input:
              --csv <file>         points from the rows of a CSV file with a header row;
                                   column options name columns
              --runs <dir|spec>    one point per completed run of a sweep or project folder
                                   (<dir>/runs/<run-id>/), or of one spec's runs when given
                                   its spec file; runs in other states are skipped with a
                                   note. Column options name keys of the run instead:
                                   a spec dotted key (model.width, data.n_train, ...) or else
                                   a metric key, whose value is taken from the last record of
                                   metrics.jsonl that has it (a parameter count only as far as
                                   the run logs a 'params' metric). The loss is a metric key,
                                   default test_loss. Each point records its run id.

            forms:
              power       L = E + A/x^alpha                      columns: --x, --y
              chinchilla  L = E + A/N^alpha + B/D^beta           columns: --n, --d or --flop, --loss
              broken      L = E + A x^-alpha1 (1 + (x/x_break)^(1/s))^(-(alpha2-alpha1) s)
                                                                 columns: --x, --y

            options:
              --x <col>            input column of one-variable forms
              --y <col>, --loss <col>
                                   loss column (default: loss; with --runs: test_loss)
              --n <col>            chinchilla: parameter count N
              --d <col>            chinchilla: training tokens D
              --flop <col>         chinchilla: training FLOP C instead of --d; D = C / (6 N)
              --delta <x>          Huber threshold on log residuals (default 1e-3)
              --grid <g>           starting grid (default: default):
                                     default  chinchilla: Epoch's 4500 starts (= epoch);
                                              power: 150 starts, e in -1..1 step 0.5, a in
                                              0..25 step 5, alpha in 0..2 step 0.5;
                                              broken: 324 starts, breaks at the quartiles of x
                                     epoch    Epoch's grid (chinchilla; for power the same
                                              grid restricted to one term = default)
                                     small    about 1/16 of the default grid, for quick looks
                                     <k>      at most k starts, evenly thinned from the default
              --bootstrap <r>      bootstrap resamples for standard errors and 95% intervals
                                   (default 0 = none; Epoch used 4000)
              --seed <long>        bootstrap seed (default 0)
              --drop-highest <k>   drop the k highest-loss points first (Epoch data: 5)
              --threads <t>        worker threads (default: all cores; results do not depend
                                   on it)
              --help               this text

            Exit codes: 0 done, 2 invalid input, 1 internal error.""";

    /**
     * Runs the command in this JVM, as {@code lmw fit} does.
     *
     * @param args the arguments after the command word {@code fit}
     * @param out receives the summary (and {@code --help})
     * @param err receives error messages
     * @return the exit code: 0 done, 2 invalid input, 1 internal error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new FitCommand().execute(args, out, err);
    }

    /** The command {@code fit}. */
    public FitCommand() {
        super("fit", "--form <name> --csv <file> ...", "fit a scaling law to points of a CSV or a sweep",
                USAGE, FitOptions.Arguments::new);
    }

    @Override
    protected int run(FitOptions.Arguments arguments, PrintStream out, PrintStream err)
            throws UsageException, IOException {
        FitOptions options = FitOptions.of(arguments);
        try {
            return execute(options, out, err);
        } catch (ScalingDataException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static int execute(FitOptions o, PrintStream out, PrintStream err)
            throws UsageException, IOException {
        long t0 = System.nanoTime();
        Path csv = o.csv();
        if (csv != null) {
            if (!Files.exists(csv)) {
                throw new UsageException(csv + ": no such file");
            }
            if (!Files.isRegularFile(csv)) {
                throw new UsageException(csv + ": not a regular file");
            }
        }
        if (Files.isDirectory(o.out())) {
            throw new UsageException("--out " + o.out() + " is a directory; give a file name");
        }
        double[][] cols;
        List<String> pointIds = List.of();
        List<SweepPointsReader.Skipped> skipped = new ArrayList<>();
        if (csv != null) {
            List<String> columns = new ArrayList<>(o.inputColumns());
            columns.add(o.lossColumn());
            try {
                cols = ScalingCsvReader.readPositiveColumns(csv, columns);
            } catch (NoSuchFileException e) {
                throw new UsageException(csv + ": no such file");
            } catch (IOException e) {
                // Unreadable input (permissions, not UTF-8, ...) is the user's input problem.
                throw new UsageException(csv + ": cannot read: " + e.getMessage());
            }
        } else {
            ScalingDataset raw;
            try {
                raw = SweepPointsReader.read(o.runs(), o.lossColumn(), o.inputColumns(), s -> {
                    out.println(s.note());
                    skipped.add(s);
                });
            } catch (IOException e) {
                // Unreadable or malformed run files are the user's input problem too.
                throw new UsageException(e.getMessage() == null ? o.runs() + ": cannot read: " + e
                        : e.getMessage());
            }
            int inputs = raw.inputCount();
            cols = new double[inputs + 1][];
            for (int k = 0; k < inputs; k++) {
                cols[k] = raw.input(k);
            }
            cols[inputs] = raw.loss();
            pointIds = raw.pointIds();
        }
        int rowsRead = cols[0].length;
        ScalingDataset data = prepare(o, cols, pointIds);
        long tRead = System.nanoTime();

        ScalingLawForm form = o.law();
        MultiStartFitter.Options fitOptions = MultiStartFitter.Options.defaults();
        fitOptions = new MultiStartFitter.Options(o.delta(), fitOptions.optimizer(),
                fitOptions.polish(), fitOptions.polishWindow(), fitOptions.reachTolerance(),
                o.threads() > 1);
        MultiStartFitter fitter = new MultiStartFitter(form, fitOptions);
        fitter.requireEnoughPoints(data);
        StartGrid grid = grid(o.grid(), form, data);
        String gridName = o.grid().equals("default") && o.form().equals("chinchilla") ? "epoch"
                : o.grid();
        MultiStartResult fit = inPool(o.threads(), () -> fitter.fit(data, grid));
        long tFit = System.nanoTime();

        BootstrapResult boot = null;
        if (o.bootstrap() > 0) {
            boot = inPool(o.threads(),
                    () -> new BootstrapEstimator(fitter).run(data, fit, o.bootstrap(), o.seed()));
        }
        long tBoot = System.nanoTime();

        Map<String, Long> timing = new LinkedHashMap<>();
        timing.put("read", ms(t0, tRead));
        timing.put("fit", ms(tRead, tFit));
        timing.put("bootstrap", ms(tFit, tBoot));
        timing.put("total", ms(t0, System.nanoTime()));
        String json = FitResultJson.render(new FitResultJson.Content(o, data, rowsRead, skipped,
                gridName, fit, boot, timing));
        try {
            AtomicFiles.write(o.out(), json);
        } catch (IOException e) {
            err.println("fit: cannot write " + o.out() + ": " + e);
            return ExitCodes.INTERNAL;
        }
        summary(out, o, data, fit, boot, timing.get("total"));
        return 0;
    }

    /** Converts FLOP to tokens if asked and drops the highest-loss points. */
    static ScalingDataset prepare(FitOptions o, double[][] cols) throws UsageException {
        return prepare(o, cols, List.of());
    }

    /**
     * Converts FLOP to tokens if asked and drops the highest-loss points; the point ids (empty
     * for none) follow their points.
     */
    static ScalingDataset prepare(FitOptions o, double[][] cols, List<String> pointIds)
            throws UsageException {
        int inputs = o.inputColumns().size();
        double[] loss = cols[inputs];
        int total = loss.length;
        double[][] in = new double[inputs][];
        for (int k = 0; k < inputs; k++) {
            in[k] = cols[k];
        }
        if (o.dFromFlop()) {
            double[] d = new double[total];
            for (int i = 0; i < total; i++) {
                d[i] = in[1][i] / (6 * in[0][i]);
            }
            in[1] = d;
        }
        int k = o.dropHighest();
        if (k > 0 && k >= total) {
            throw new UsageException(o.source() + ": --drop-highest " + k + " would drop all "
                    + total + " data point" + (total == 1 ? "" : "s"));
        }
        boolean[] keep = new boolean[total];
        // Stable sort by loss: exact ties keep file order, so the dropped points are reproducible.
        int[] byLoss = IntStream.range(0, total).boxed()
                .sorted(Comparator.comparingDouble(i -> loss[i]))
                .mapToInt(Integer::intValue).toArray();
        for (int j = 0; j < total - k; j++) {
            keep[byLoss[j]] = true;
        }
        int m = total - k;
        double[][] keptIn = new double[inputs][m];
        double[] keptLoss = new double[m];
        List<String> keptIds = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < total; i++) {
            if (keep[i]) {
                for (int c = 0; c < inputs; c++) {
                    keptIn[c][j] = in[c][i];
                }
                keptLoss[j] = loss[i];
                if (!pointIds.isEmpty()) {
                    keptIds.add(pointIds.get(i));
                }
                j++;
            }
        }
        List<String> names = o.form().equals("chinchilla") ? List.of("N", "D") : List.of("x");
        try {
            return new ScalingDataset(o.source().toString(), names, o.lossColumn(), keptIn,
                    keptLoss, keptIds);
        } catch (IllegalArgumentException e) {
            // Only reachable through --flop: FLOP / (6 N) can overflow or underflow.
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Converts FLOP to tokens if asked and drops the highest-loss points, exactly as the
     * command does; public so that in-process callers (the workbench's fit editor) give the
     * same numbers as {@code lmw fit}.
     *
     * @param o the options (form, columns, {@code --flop}, {@code --drop-highest})
     * @param cols the input columns in form order, then the loss column
     * @param pointIds an id per point (empty for none); kept ids follow their points
     * @return the points to fit
     * @throws ScalingDataException if nothing would be left or D overflows
     */
    public static ScalingDataset prepareData(FitOptions o, double[][] cols, List<String> pointIds) {
        try {
            return prepare(o, cols, pointIds);
        } catch (UsageException e) {
            throw new ScalingDataException(e.getMessage());
        }
    }

    /**
     * Resolves a {@code --grid} word to starts (internal coordinates); public for the same
     * reason as {@link #prepareData}.
     *
     * @param choice {@code default}, {@code epoch}, {@code small} or a positive count
     * @param form the law
     * @param data the points (data-dependent grids)
     * @return the starts
     */
    public static StartGrid grid(String choice, ScalingLawForm form, ScalingDataset data) {
        StartGrid full = form.defaultGrid(data);
        return switch (choice) {
            // For chinchilla the default is Epoch's grid; for power the default already is
            // Epoch's grid restricted to one term; the parser rejects epoch for broken.
            case "default", "epoch" -> full;
            case "small" -> thinTo(full, Math.max(1, full.size() / 16));
            default -> thinTo(full, Integer.parseInt(choice));
        };
    }

    /**
     * At most {@code count} starts, every {@code stride}-th of the grid. The stride is raised to
     * a prime of at least 7 so it shares no factor with the per-coordinate value counts of the
     * built-in grids (at most 6 values each): every coordinate still takes all its values.
     */
    static StartGrid thinTo(StartGrid full, int count) {
        if (count >= full.size()) {
            return full;
        }
        int stride = Math.max(7, (full.size() + count - 1) / count);
        while (!isPrime(stride)) {
            stride++;
        }
        return full.thin(stride, 0);
    }

    private static boolean isPrime(int v) {
        for (int d = 2; (long) d * d <= v; d++) {
            if (v % d == 0) {
                return false;
            }
        }
        return v >= 2;
    }

    /** Runs a task with {@code threads} workers for the parallel streams inside it. */
    private static <T> T inPool(int threads, Callable<T> task) {
        // The default (all cores) uses the common pool, whose workers plus the calling thread
        // give one thread per core; sequential fits (1 thread) need no pool at all.
        if (threads <= 1 || threads == Runtime.getRuntime().availableProcessors()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            // Parallel streams started inside a pool's task run in that pool.
            return pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static long ms(long from, long to) {
        return Math.round((to - from) / 1e6);
    }

    private static void summary(PrintStream out, FitOptions o, ScalingDataset data,
            MultiStartResult fit, BootstrapResult boot, long totalMs) {
        out.printf(Locale.ROOT, "%s fit of %d points from %s%s%s%n", o.form(), data.size(),
                o.csv() != null ? "" : "the completed runs of ", o.source(),
                o.dropHighest() > 0 ? " (" + o.dropHighest() + " highest-loss dropped)" : "");
        out.println("  " + FitResultJson.formula(o.form()));
        List<String> names = fit.parameterNames();
        double[] p = fit.parameters();
        for (int k = 0; k < p.length; k++) {
            if (boot != null) {
                out.printf(Locale.ROOT, "  %-10s = %-12.6g ± %-10.3g 95%% [%.3g, %.3g]%n", names.get(k), p[k],
                        boot.standardErrors()[k], boot.lower95()[k], boot.upper95()[k]);
            } else {
                out.printf(Locale.ROOT, "  %-10s = %.6g%n", names.get(k), p[k]);
            }
        }
        out.printf(Locale.ROOT, "objective %.6e (%s); %d of %d starts reached the best%n",
                fit.objective(), FitResultJson.objectiveKind(o.delta()), fit.startsReachingBest(),
                fit.starts());
        if (boot != null) {
            out.printf(Locale.ROOT, "± = standard deviation of the bootstrap refits, [ ] = their 2.5th and 97.5th"
                    + " percentiles; %d resamples, seed %d.%n", boot.resamples(), boot.seed());
            out.println("For amplitudes and offsets (fitted as logarithms, skewed across refits) the percentile"
                    + " interval is the reliable statement; a few extreme refits can make their ± large.");
        }
        if (o.form().equals("chinchilla")) {
            try {
                ComputeOptimalAllocation.Allocation a = new ComputeOptimalAllocation(fit.best())
                        .at(FitResultJson.REFERENCE_FLOPS);
                out.printf(Locale.ROOT, "compute-optimal at C = %.3g FLOP: N = %.4g, D = %.4g,"
                        + " %.4g tokens per parameter%n", a.flops(), a.parameters(), a.tokens(),
                        a.tokensPerParameter());
            } catch (IllegalArgumentException e) {
                out.println("compute-optimal: " + e.getMessage());
            }
        }
        out.printf(Locale.ROOT, "wrote %s (%d ms)%n", o.out(), totalMs);
    }
}
