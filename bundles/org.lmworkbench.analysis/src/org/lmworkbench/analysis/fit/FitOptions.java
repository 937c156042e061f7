package org.lmworkbench.analysis.fit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lmworkbench.core.command.ArgumentException;
import org.lmworkbench.core.command.CommandArguments;
import org.lmworkbench.core.run.MetricsLine;
import picocli.CommandLine.Option;

/**
 * Parsed and validated options of {@code lmw fit} (see {@link FitCommand#USAGE}).
 *
 * <p>{@link #parse} reads the words with the command line's one option parser
 * ({@link CommandArguments}) and checks everything that can be checked without reading the data:
 * option names, values, required options and which column options belong to which form. Every
 * problem is an {@link ArgumentException} naming the option, and the command exits with 2.
 *
 * @param form the form word as given on the command line, normalised ({@code power},
 *        {@code chinchilla} or {@code broken})
 * @param csv the input CSV, or {@code null} when the points come from {@code --runs}
 * @param runs the sweep or project folder whose completed runs give the points
 *        ({@link SweepPointsReader}), or {@code null} when they come from {@code --csv}
 * @param out the output JSON file
 * @param inputColumns input column names in the form's order (x; or N, then D or FLOP); with
 *        {@code --runs} these are spec dotted keys or metric keys
 * @param lossColumn loss column name; with {@code --runs} a metric key (default
 *        {@code test_loss})
 * @param dFromFlop chinchilla only: the second input column holds training FLOP and
 *        {@code D = FLOP / (6 N)}
 * @param delta Huber threshold on log residuals
 * @param grid grid choice: {@code default}, {@code epoch}, {@code small} or a positive integer
 *        (at most that many starts, evenly thinned from the default grid)
 * @param bootstrap bootstrap resamples (0 = none)
 * @param seed bootstrap seed
 * @param dropHighest number of highest-loss points to drop before fitting
 * @param threads worker threads (1 = sequential); results do not depend on it
 */
public record FitOptions(String form, Path csv, Path runs, Path out, List<String> inputColumns,
        String lossColumn, boolean dFromFlop, double delta, String grid, int bootstrap, long seed,
        int dropHighest, int threads) {

    /** Form words accepted by {@code --form}, in the order they are listed in messages. */
    public static final List<String> FORMS = List.of("power", "chinchilla", "broken");

    /** The words of {@code lmw fit}'s command line, as the option parser fills them. */
    public static final class Arguments {
        @Option(names = "--form", required = true, paramLabel = "<power|chinchilla|broken>")
        String form;

        @Option(names = "--csv", paramLabel = "<file>")
        String csv;

        @Option(names = "--runs", paramLabel = "<dir>")
        String runs;

        @Option(names = "--out", required = true, paramLabel = "<file.json>")
        String out;

        @Option(names = "--x", paramLabel = "<col>")
        String x;

        @Option(names = "--y", paramLabel = "<col>")
        String y;

        @Option(names = "--loss", paramLabel = "<col>")
        String loss;

        @Option(names = "--n", paramLabel = "<col>")
        String n;

        @Option(names = "--d", paramLabel = "<col>")
        String d;

        @Option(names = "--flop", paramLabel = "<col>")
        String flop;

        @Option(names = "--delta", paramLabel = "<x>")
        double delta = HuberLogObjective.DEFAULT_DELTA;

        @Option(names = "--grid", paramLabel = "<g>")
        String grid = "default";

        @Option(names = "--bootstrap", paramLabel = "<r>")
        int bootstrap;

        @Option(names = "--seed", paramLabel = "<long>")
        long seed;

        @Option(names = "--drop-highest", paramLabel = "<k>")
        int dropHighest;

        @Option(names = "--threads", paramLabel = "<t>")
        int threads = Runtime.getRuntime().availableProcessors();
    }

    /**
     * Parses the arguments after the command word.
     *
     * @param args arguments, e.g. {@code --form chinchilla --csv f.csv ...}
     * @return the options
     * @throws ArgumentException for any invalid, missing or conflicting option
     */
    public static FitOptions parse(String[] args) throws ArgumentException {
        Arguments a = new Arguments();
        CommandArguments.parse("fit", a, args);
        return of(a);
    }

    /**
     * Checks parsed arguments.
     *
     * @throws ArgumentException for any invalid, missing or conflicting option
     */
    static FitOptions of(Arguments a) throws ArgumentException {
        String form = normaliseForm(a.form);
        if (!(a.delta > 0) || !Double.isFinite(a.delta)) {
            throw CommandArguments.invalid("--delta", "must be a finite number > 0, got " + a.delta);
        }
        CommandArguments.atLeast("--bootstrap", a.bootstrap, 0);
        if (a.bootstrap == 1) {
            throw CommandArguments.invalid("--bootstrap", "needs at least 2 resamples (or 0 for none), got 1");
        }
        CommandArguments.atLeast("--drop-highest", a.dropHighest, 0);
        CommandArguments.atLeast("--threads", a.threads, 1);
        if (a.y != null && a.loss != null) {
            throw new ArgumentException("--y and --loss both name the loss column; give one of them");
        }
        if (a.csv != null && a.runs != null) {
            throw new ArgumentException("give either --csv <file> or --runs <sweep-dir>, not both");
        }
        if (a.csv == null && a.runs == null) {
            throw new ArgumentException("missing required option: '--csv=<file>' or '--runs=<sweep-dir>'");
        }
        String y = a.y != null ? a.y : a.loss;
        String lossColumn = y != null ? y : a.runs != null ? MetricsLine.TEST_LOSS : "loss";
        List<String> inputs;
        boolean dFromFlop = false;
        if (form.equals("chinchilla")) {
            if (a.x != null) {
                throw new ArgumentException("--x is for one-variable forms; form 'chinchilla' takes"
                        + " --n and --d (or --flop)");
            }
            if (a.n == null) {
                throw new ArgumentException("form 'chinchilla' needs --n <parameter-count column>");
            }
            if (a.d != null && a.flop != null) {
                throw new ArgumentException("give either --d <token column> or --flop <FLOP column>,"
                        + " not both");
            }
            if (a.d == null && a.flop == null) {
                throw new ArgumentException("form 'chinchilla' needs --d <token column> or --flop"
                        + " <FLOP column>");
            }
            dFromFlop = a.flop != null;
            inputs = List.of(a.n, dFromFlop ? a.flop : a.d);
        } else {
            for (String[] o : new String[][] {{"--n", a.n}, {"--d", a.d}, {"--flop", a.flop}}) {
                if (o[1] != null) {
                    throw new ArgumentException(o[0] + " is for form 'chinchilla'; form '" + form
                            + "' takes --x and --y");
                }
            }
            if (a.x == null) {
                throw new ArgumentException("form '" + form + "' needs --x <input column>");
            }
            inputs = List.of(a.x);
        }
        String grid = a.grid.toLowerCase(Locale.ROOT);
        if (!List.of("default", "epoch", "small").contains(grid)) {
            int count;
            try {
                count = Integer.parseInt(grid);
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (count < 1) {
                throw CommandArguments.invalid("--grid", "must be epoch, default, small or a positive"
                        + " number of starts, got '" + grid + "'");
            }
        }
        if (grid.equals("epoch") && form.equals("broken")) {
            throw CommandArguments.invalid("--grid", "epoch is defined for forms chinchilla and power"
                    + " only; use default or small for form 'broken'");
        }
        return new FitOptions(form, a.csv == null ? null : Path.of(a.csv),
                a.runs == null ? null : Path.of(a.runs), Path.of(a.out), inputs, lossColumn, dFromFlop,
                a.delta, grid, a.bootstrap, a.seed, a.dropHighest, a.threads);
    }

    /** Maps a form word (or a library form name) to {@code power}, {@code chinchilla} or {@code broken}. */
    static String normaliseForm(String word) throws ArgumentException {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "power", "power-law", "power-law-with-offset" -> "power";
            case "chinchilla" -> "chinchilla";
            case "broken", "broken-power-law", "bnsl" -> "broken";
            default -> throw CommandArguments.invalid("--form", "unknown form '" + word + "'; forms: "
                    + String.join(", ", FORMS));
        };
    }

    /** @return the input as given: the {@code --csv} file or the {@code --runs} folder. */
    public Path source() {
        return csv != null ? csv : runs;
    }

    /** @return a fresh instance of the law named by {@link #form()}. */
    public ScalingLawForm law() {
        return switch (form) {
            case "power" -> new PowerLawWithOffset();
            case "chinchilla" -> new ChinchillaLaw();
            case "broken" -> new BrokenPowerLaw();
            default -> throw new IllegalStateException(form);
        };
    }
}
