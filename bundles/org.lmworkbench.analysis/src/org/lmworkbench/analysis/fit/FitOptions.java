package org.lmworkbench.analysis.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lmworkbench.core.run.MetricsLine;

/**
 * Parsed and validated options of {@code lmw fit} (see {@link FitCommand#USAGE}).
 *
 * <p>{@link #parse} checks everything that can be checked without reading the data: option
 * names, values, required options and which column options belong to which form. Every problem
 * is a {@link UsageException} whose message is printed verbatim, and the command exits with 2.
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
 * @param help {@code --help} was given (everything else is then ignored)
 */
public record FitOptions(String form, Path csv, Path runs, Path out, List<String> inputColumns,
        String lossColumn, boolean dFromFlop, double delta, String grid, int bootstrap, long seed,
        int dropHighest, int threads, boolean help) {

    /** Form words accepted by {@code --form}, in the order they are listed in messages. */
    public static final List<String> FORMS = List.of("power", "chinchilla", "broken");

    /** Invalid command line; the message is complete and user-facing. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message the complete message */
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * Parses the arguments after the command word.
     *
     * @param args arguments, e.g. {@code --form chinchilla --csv f.csv ...}
     * @return the options
     * @throws UsageException for any invalid, missing or conflicting option
     */
    public static FitOptions parse(String[] args) throws UsageException {
        String form = null;
        String csv = null;
        String runs = null;
        String out = null;
        String x = null;
        String y = null;
        String n = null;
        String d = null;
        String flop = null;
        double delta = HuberLogObjective.DEFAULT_DELTA;
        String grid = "default";
        int bootstrap = 0;
        long seed = 0;
        int dropHighest = 0;
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new FitOptions(null, null, null, null, List.of(), null, false, delta, grid,
                        0, 0, 0, 1, true);
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!name.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            if (seen.contains(name)) {
                throw new UsageException("option " + name + " given twice");
            }
            if (!List.of("--form", "--csv", "--runs", "--out", "--x", "--y", "--loss", "--n", "--d",
                    "--flop", "--delta", "--grid", "--bootstrap", "--seed", "--drop-highest",
                    "--threads").contains(name)) {
                throw new UsageException("unknown option '" + name + "'");
            }
            seen.add(name);
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--form" -> form = value;
                case "--csv" -> csv = value;
                case "--runs" -> runs = value;
                case "--out" -> out = value;
                case "--x" -> x = value;
                case "--y", "--loss" -> {
                    if (y != null) {
                        throw new UsageException("--y and --loss both name the loss column; give"
                                + " one of them");
                    }
                    y = value;
                }
                case "--n" -> n = value;
                case "--d" -> d = value;
                case "--flop" -> flop = value;
                case "--delta" -> {
                    delta = parseDouble(name, value);
                    if (!(delta > 0) || !Double.isFinite(delta)) {
                        throw new UsageException("--delta must be a finite number > 0, got "
                                + value);
                    }
                }
                case "--grid" -> grid = value;
                case "--bootstrap" -> bootstrap = parseInt(name, value, 0);
                case "--seed" -> seed = parseLong(name, value);
                case "--drop-highest" -> dropHighest = parseInt(name, value, 0);
                case "--threads" -> threads = parseInt(name, value, 1);
                default -> throw new IllegalStateException(name);
            }
        }
        if (form == null) {
            throw new UsageException("missing --form (one of " + String.join(", ", FORMS) + ")");
        }
        form = normaliseForm(form);
        if (csv != null && runs != null) {
            throw new UsageException("give either --csv <file> or --runs <sweep-dir>, not both");
        }
        if (csv == null && runs == null) {
            throw new UsageException("missing --csv <file> or --runs <sweep-dir>");
        }
        if (out == null) {
            throw new UsageException("missing --out <file.json>");
        }
        if (bootstrap == 1) {
            throw new UsageException("--bootstrap needs at least 2 resamples (or 0 for none),"
                    + " got 1");
        }
        String lossColumn = y != null ? y : runs != null ? MetricsLine.TEST_LOSS : "loss";
        List<String> inputs;
        boolean dFromFlop = false;
        if (form.equals("chinchilla")) {
            if (x != null) {
                throw new UsageException("--x is for one-variable forms; form 'chinchilla' takes"
                        + " --n and --d (or --flop)");
            }
            if (n == null) {
                throw new UsageException("form 'chinchilla' needs --n <parameter-count column>");
            }
            if (d != null && flop != null) {
                throw new UsageException("give either --d <token column> or --flop <FLOP column>,"
                        + " not both");
            }
            if (d == null && flop == null) {
                throw new UsageException("form 'chinchilla' needs --d <token column> or --flop"
                        + " <FLOP column>");
            }
            dFromFlop = flop != null;
            inputs = List.of(n, dFromFlop ? flop : d);
        } else {
            for (String[] o : new String[][] {{"--n", n}, {"--d", d}, {"--flop", flop}}) {
                if (o[1] != null) {
                    throw new UsageException(o[0] + " is for form 'chinchilla'; form '" + form
                            + "' takes --x and --y");
                }
            }
            if (x == null) {
                throw new UsageException("form '" + form + "' needs --x <input column>");
            }
            inputs = List.of(x);
        }
        grid = grid.toLowerCase(Locale.ROOT);
        if (!List.of("default", "epoch", "small").contains(grid)) {
            int count;
            try {
                count = Integer.parseInt(grid);
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (count < 1) {
                throw new UsageException("--grid must be epoch, default, small or a positive"
                        + " number of starts, got '" + grid + "'");
            }
        }
        if (grid.equals("epoch") && form.equals("broken")) {
            throw new UsageException("--grid epoch is defined for forms chinchilla and power"
                    + " only; use default or small for form 'broken'");
        }
        return new FitOptions(form, csv == null ? null : Path.of(csv),
                runs == null ? null : Path.of(runs), Path.of(out), inputs, lossColumn, dFromFlop,
                delta, grid, bootstrap, seed, dropHighest, threads, false);
    }

    /** Maps a form word (or a library form name) to {@code power}, {@code chinchilla} or {@code broken}. */
    static String normaliseForm(String word) throws UsageException {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "power", "power-law", "power-law-with-offset" -> "power";
            case "chinchilla" -> "chinchilla";
            case "broken", "broken-power-law", "bnsl" -> "broken";
            default -> throw new UsageException("unknown form '" + word + "'; forms: "
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

    private static double parseDouble(String name, String value) throws UsageException {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a number, got '" + value + "'");
        }
    }

    private static long parseLong(String name, String value) throws UsageException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs an integer, got '" + value + "'");
        }
    }

    private static int parseInt(String name, String value, int min) throws UsageException {
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs an integer, got '" + value + "'");
        }
        if (v < min) {
            throw new UsageException(name + " must be >= " + min + ", got " + v);
        }
        return v;
    }
}
