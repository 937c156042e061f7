package org.lmworkbench.backend.hessian;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parsed arguments of {@code hessian <run-dir> --checkpoint <step> ...}. Values left at
 * {@code -1} / {@code NaN} mean "take it from the run's spec" (its {@code probes.sharpness} and
 * {@code probes.trace} settings) or from the published defaults (SLQ: 10 runs x 80 steps, Ghorbani
 * et al. 2019).
 *
 * @param runDir        the run folder
 * @param checkpoint    the checkpoint step
 * @param topK          eigenvalues wanted
 * @param trace         whether to estimate the trace
 * @param density       whether to estimate the spectral density
 * @param examples      training examples the Hessian is taken over
 * @param tolerance     Lanczos relative residual tolerance
 * @param maxIterations Lanczos step budget
 * @param traceSamples  Hutch++ budget (products)
 * @param densityRuns   SLQ start vectors
 * @param densitySteps  SLQ Lanczos steps per start vector
 * @param sigma         Gaussian broadening of the density (NaN: 1 % of the node range)
 * @param gridPoints    points of the gridded density
 * @param threads       intra-op threads (-1: the spec's)
 * @param seed          seed of all random vectors
 */
public record HessianCommandOptions(Path runDir, long checkpoint, int topK, boolean trace, boolean density,
        int examples, double tolerance, int maxIterations, int traceSamples, int densityRuns, int densitySteps,
        double sigma, int gridPoints, int threads, long seed) {

    /** Usage text printed by {@code --help} and on errors. */
    public static final String USAGE = """
            usage: lmw-backend hessian <run-dir> --checkpoint <step> [--top-k K] [--trace] [--density]
                   [--examples N] [--tolerance T] [--max-iterations M] [--trace-samples S]
                   [--density-runs R] [--density-steps M] [--sigma S] [--grid G] [--threads N] [--seed S]

            Loads checkpoints/step-<step>.npz of the run and writes probes/hessian-step-<step>.json:
            the top-K Hessian eigenvalues of the training loss (Lanczos on exact Hessian-vector
            products, with residuals), optionally the trace (Hutch++, with standard error) and the
            spectral density (stochastic Lanczos quadrature: nodes, weights and a gridded density).
            Defaults come from the run's spec (probes.sharpness, probes.trace); SLQ defaults to
            10 runs x 80 steps.

            exit codes: 0 done, 2 invalid input, 1 internal error""";

    /**
     * @param args arguments after the word {@code hessian}
     * @return the options
     * @throws IllegalArgumentException with a user-facing message for invalid arguments
     */
    public static HessianCommandOptions parse(String[] args) {
        List<String> positional = new ArrayList<>();
        long checkpoint = -1;
        int topK = -1;
        boolean trace = false;
        boolean density = false;
        int examples = -1;
        double tolerance = Double.NaN;
        int maxIterations = -1;
        int traceSamples = -1;
        int densityRuns = 10;
        int densitySteps = 80;
        double sigma = Double.NaN;
        int grid = 512;
        int threads = -1;
        long seed = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--trace" -> trace = true;
                case "--density" -> density = true;
                case "--checkpoint" -> checkpoint = longValue(a, value(args, ++i, a), 0);
                case "--top-k" -> topK = (int) longValue(a, value(args, ++i, a), 1);
                case "--examples" -> examples = (int) longValue(a, value(args, ++i, a), 1);
                case "--tolerance" -> tolerance = positive(a, value(args, ++i, a));
                case "--max-iterations" -> maxIterations = (int) longValue(a, value(args, ++i, a), 1);
                case "--trace-samples" -> traceSamples = (int) longValue(a, value(args, ++i, a), 1);
                case "--density-runs" -> densityRuns = (int) longValue(a, value(args, ++i, a), 1);
                case "--density-steps" -> densitySteps = (int) longValue(a, value(args, ++i, a), 1);
                case "--sigma" -> sigma = positive(a, value(args, ++i, a));
                case "--grid" -> grid = (int) longValue(a, value(args, ++i, a), 2);
                case "--threads" -> threads = (int) longValue(a, value(args, ++i, a), 1);
                case "--seed" -> seed = longValue(a, value(args, ++i, a), 0);
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    positional.add(a);
                }
            }
        }
        if (positional.size() != 1) {
            throw new IllegalArgumentException("expected one run folder, got " + positional.size());
        }
        if (checkpoint < 0) {
            throw new IllegalArgumentException("--checkpoint <step> is required");
        }
        return new HessianCommandOptions(Path.of(positional.get(0)), checkpoint, topK, trace, density, examples,
                tolerance, maxIterations, traceSamples, densityRuns, densitySteps, sigma, grid, threads, seed);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long longValue(String option, String text, long min) {
        try {
            long v = Long.parseLong(text);
            if (v < min) {
                throw new IllegalArgumentException(option + " must be at least " + min + ", got " + text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'");
        }
    }

    private static double positive(String option, String text) {
        try {
            double v = Double.parseDouble(text);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(option + " must be a positive number, got " + text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + text + "'");
        }
    }
}
