package org.lmworkbench.backend.hessian;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import org.lmworkbench.backend.cli.args.CommandArgs;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.data.DataException;
import org.lmworkbench.backend.engine.DeviceChoice;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.optim.LrSchedule;
import org.lmworkbench.backend.train.Checkpoints;
import org.lmworkbench.backend.train.TrainingSetup;
import org.lmworkbench.core.run.CheckpointSpectrumFile;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ProbeSpec;

/**
 * {@code lmw-backend hessian <run-dir> --checkpoint <step> [--top-k k] [--trace] [--density]}:
 * the Hessian spectrum of a checkpoint's training loss, written atomically to
 * {@code probes/hessian-step-<step>.json} of the run (see {@link #USAGE}).
 *
 * <p>The Hessian is that of the training objective over the same fixed prefix of training examples
 * the run's sharpness probe uses ({@code probes.sharpness.examples}), in the run's dtype and in
 * training mode, so the file is directly comparable with {@code probes/sharpness.jsonl}. All
 * estimates share one gradient graph. Called by the backend's {@code Main} through reflection.
 */
public final class HessianCommand {

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
    record Options(Path runDir, long checkpoint, int topK, boolean trace, boolean density, int examples,
            double tolerance, int maxIterations, int traceSamples, int densityRuns, int densitySteps, double sigma,
            int gridPoints, int threads, long seed) {

        /**
         * @param args arguments after the word {@code hessian}
         * @return the options
         * @throws IllegalArgumentException with a user-facing message for invalid arguments
         */
        static Options parse(String[] args) {
            CommandArgs a = CommandArgs.parse(args, CommandArgs.Style.HESSIAN, "hessian",
                    Set.of("checkpoint", "top-k", "examples", "tolerance", "max-iterations", "trace-samples",
                            "density-runs", "density-steps", "sigma", "grid", "threads", "seed"),
                    Set.of("trace", "density"));
            long checkpoint = a.number("checkpoint", -1, 0);
            int topK = (int) a.number("top-k", -1, 1);
            int examples = (int) a.number("examples", -1, 1);
            double tolerance = a.positive("tolerance", Double.NaN);
            int maxIterations = (int) a.number("max-iterations", -1, 1);
            int traceSamples = (int) a.number("trace-samples", -1, 1);
            int densityRuns = (int) a.number("density-runs", 10, 1);
            int densitySteps = (int) a.number("density-steps", 80, 1);
            double sigma = a.positive("sigma", Double.NaN);
            int grid = (int) a.number("grid", 512, 2);
            int threads = (int) a.number("threads", -1, 1);
            long seed = a.number("seed", 0, 0);
            if (a.positional().size() != 1) {
                throw new IllegalArgumentException("expected one run folder, got " + a.positional().size());
            }
            if (checkpoint < 0) {
                throw new IllegalArgumentException("--checkpoint <step> is required");
            }
            return new Options(Path.of(a.positional().get(0)), checkpoint, topK, a.has("trace"), a.has("density"),
                    examples, tolerance, maxIterations, traceSamples, densityRuns, densitySteps, sigma, grid, threads,
                    seed);
        }
    }

    private HessianCommand() {
    }

    /**
     * @param args arguments after {@code hessian}
     * @return exit code: 0 done, 2 invalid input, 1 internal error
     */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /**
     * @param args arguments after {@code hessian}
     * @param out  receives the summary
     * @param err  receives error messages
     * @return exit code: 0 done, 2 invalid input, 1 internal error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
        }
        Options o;
        RunDirectory run;
        ExperimentSpec spec;
        Path checkpoint;
        try {
            o = Options.parse(args);
            run = new RunDirectory(o.runDir().toAbsolutePath().normalize());
            if (!Files.isRegularFile(run.specFile())) {
                throw new IllegalArgumentException(run.path() + ": not a run folder (no spec.json)");
            }
            spec = run.readSpec();
            checkpoint = run.checkpointFile(o.checkpoint());
            if (!Files.isRegularFile(checkpoint)) {
                throw new IllegalArgumentException(checkpoint + ": no such checkpoint; available steps: "
                        + run.checkpointSteps());
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("hessian: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
        try {
            Path file = compute(o, run, spec, checkpoint, out);
            out.println("wrote " + file);
            return 0;
        } catch (DataException | DeviceChoice.DeviceUnavailableException e) {
            err.println("hessian: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("hessian: internal error: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static Path compute(Options o, RunDirectory run, ExperimentSpec spec, Path checkpoint,
            PrintStream out) throws IOException {
        ProbeSpec.Sharpness s = spec.probes().sharpness();
        int threads = o.threads() > 0 ? o.threads() : spec.execution().threads();
        Engine engine = Engines.pytorch(threads);
        Device device = DeviceChoice.choose(spec.execution().device(), engine);
        long start = System.nanoTime();
        try (NDManager manager = engine.newBaseManager(device);
             TrainingSetup setup = TrainingSetup.open(spec, device, manager)) {
            ParameterSet params = Checkpoints.load(checkpoint, setup.model(), spec, setup.manager());
            Batch batch = setup.data().trainingSubset(o.examples() > 0 ? o.examples() : s.examples());
            double lr = new LrSchedule(spec.optimizer(), spec.training().steps())
                    .at(Math.max(0, o.checkpoint() - 1));
            StabilityThreshold threshold = StabilityThreshold.of(spec.optimizer(), lr);
            CheckpointSpectrumFile result;
            try (HessianOperator op = new HessianOperator(ModelHessian.product(setup.model(), params, setup.loss(),
                    batch, HessianVectorProduct.Mode.REUSE_GRADIENT_GRAPH))) {
                CheckpointSpectrum spectrum = new CheckpointSpectrum(op, o.seed());
                int k = o.topK() > 0 ? o.topK() : s.topK();
                CheckpointSpectrumFile.Top top = spectrum.top(k, Double.isNaN(o.tolerance()) ? s.tolerance()
                        : o.tolerance(), o.maxIterations() > 0 ? o.maxIterations() : Math.max(s.maxIterations(), 3 * k));
                CheckpointSpectrumFile.Trace trace = o.trace() ? spectrum.trace(o.traceSamples() > 0
                        ? o.traceSamples() : spec.probes().trace().samples()) : null;
                CheckpointSpectrumFile.Density density = o.density()
                        ? spectrum.density(o.densityRuns(), o.densitySteps(), o.sigma(), o.gridPoints()) : null;
                // The Hessian of the loss is compared with the GD-family threshold; Adam's threshold
                // concerns the preconditioned Hessian, which depends on optimizer state this command
                // does not use, so none is written for Adam.
                result = new CheckpointSpectrumFile(run.checkpointSpectrumFile(o.checkpoint()), run.runId(),
                        o.checkpoint(), run.path().relativize(checkpoint).toString(), batch.size(), ModelHessian.MODE,
                        params.elementCount(), lr, threshold.preconditioned() ? Double.NaN : threshold.value(),
                        threshold.preconditioned() ? "none" : threshold.kind(),
                        op.product().layout().dataType().toString().toLowerCase(), op.product().loss(), top, trace,
                        density, op.hvpCount(), (System.nanoTime() - start) * 1e-9, Instant.now().toString());
            }
            result.write();
            out.println(summary(result));
            return result.file();
        }
    }

    private static String summary(CheckpointSpectrumFile s) {
        StringBuilder b = new StringBuilder("step ").append(s.step()).append(": top eigenvalues ")
                .append(Arrays.toString(s.top().eigenvalues())).append(" (residuals ")
                .append(Arrays.toString(s.top().residuals())).append(", ").append(s.top().hvps()).append(" HVPs)");
        if (s.trace() != null) {
            b.append(", trace ").append(s.trace().estimate()).append(" +- ").append(s.trace().standardError());
        }
        return b.toString();
    }
}
