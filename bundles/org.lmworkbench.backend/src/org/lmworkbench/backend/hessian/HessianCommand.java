package org.lmworkbench.backend.hessian;

import static org.lmworkbench.core.command.CommandArguments.atLeast;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.data.DataException;
import org.lmworkbench.backend.engine.DeviceChoice;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.optim.LrSchedule;
import org.lmworkbench.backend.train.Checkpoints;
import org.lmworkbench.backend.train.TrainingSetup;
import org.lmworkbench.core.command.ArgumentException;
import org.lmworkbench.core.command.CommandArguments;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.OptionsCommand;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.CheckpointSpectrumFile;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunFileException;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ProbeSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmw hessian <run-dir> --checkpoint <step> [--top-k k] [--trace] [--density]}: the Hessian
 * spectrum of a checkpoint's training loss, written atomically to
 * {@code probes/hessian-step-<step>.json} of the run ({@link CheckpointSpectrumFile}).
 *
 * <p>The Hessian is that of the training objective over the same fixed prefix of training examples
 * the run's sharpness probe uses ({@code probes.sharpness.examples}), in the run's dtype and in
 * training mode, so the file is directly comparable with {@code probes/sharpness.jsonl}. All
 * estimates share one gradient graph.
 */
public final class HessianCommand extends OptionsCommand<HessianCommand.Arguments> {

    /** Usage text printed by {@code --help}. */
    public static final String USAGE = """
            usage: lmw hessian <run-dir> --checkpoint <step> [--top-k K] [--trace] [--density]
                   [--examples N] [--tolerance T] [--max-iterations M] [--trace-samples S]
                   [--density-runs R] [--density-steps M] [--sigma S] [--grid G] [--threads N] [--seed S]

            Loads checkpoints/step-<step>.npz of the run and writes probes/hessian-step-<step>.json:
            the top-K Hessian eigenvalues of the training loss (Lanczos on exact Hessian-vector
            products, with residuals), optionally the trace (Hutch++, with standard error) and the
            spectral density (stochastic Lanczos quadrature: nodes, weights and a gridded density).
            Defaults come from the run's spec (probes.sharpness, probes.trace); SLQ defaults to
            10 runs x 80 steps.

            exit codes: 0 done, 2 invalid input, 1 internal error""";

    /** The words of the command line, as the option parser fills them. */
    public static final class Arguments {
        @Parameters(paramLabel = "<run-dir>")
        String runDir;

        @Option(names = "--checkpoint", paramLabel = "<step>")
        Long checkpoint;

        @Option(names = "--top-k")
        Integer topK;

        @Option(names = "--trace")
        boolean trace;

        @Option(names = "--density")
        boolean density;

        @Option(names = "--examples")
        Integer examples;

        @Option(names = "--tolerance")
        Double tolerance;

        @Option(names = "--max-iterations")
        Integer maxIterations;

        @Option(names = "--trace-samples")
        Integer traceSamples;

        @Option(names = "--density-runs")
        int densityRuns = 10;

        @Option(names = "--density-steps")
        int densitySteps = 80;

        @Option(names = "--sigma")
        Double sigma;

        @Option(names = "--grid")
        int grid = 512;

        @Option(names = "--threads")
        Integer threads;

        @Option(names = "--seed")
        long seed;
    }

    /**
     * Validated arguments of {@code hessian <run-dir> --checkpoint <step> ...}. Values left at
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
         * Checks the values.
         *
         * @throws ArgumentException naming the option at fault
         */
        static Options of(Arguments a) throws ArgumentException {
            return new Options(Path.of(a.runDir), a.checkpoint == null ? -1 : atLeast("--checkpoint", a.checkpoint, 0),
                    orUnset("--top-k", a.topK, 1), a.trace, a.density, orUnset("--examples", a.examples, 1),
                    a.tolerance == null ? Double.NaN : CommandArguments.positive("--tolerance", a.tolerance),
                    orUnset("--max-iterations", a.maxIterations, 1), orUnset("--trace-samples", a.traceSamples, 1),
                    (int) atLeast("--density-runs", a.densityRuns, 1), (int) atLeast("--density-steps", a.densitySteps, 1),
                    a.sigma == null ? Double.NaN : CommandArguments.positive("--sigma", a.sigma),
                    (int) atLeast("--grid", a.grid, 2), orUnset("--threads", a.threads, 1), atLeast("--seed", a.seed, 0));
        }

        private static int orUnset(String option, Integer value, int minimum) throws ArgumentException {
            return value == null ? -1 : (int) atLeast(option, value, minimum);
        }
    }

    /** The command {@code hessian}. */
    public HessianCommand() {
        super("hessian", "<run-dir> --checkpoint <n>", "Hessian spectrum of a checkpoint",
                USAGE, Arguments::new);
    }

    @Override
    protected int run(Arguments arguments, PrintStream out, PrintStream err) throws UsageException, IOException {
        Options o = Options.of(arguments);
        RunDirectory run = new RunDirectory(o.runDir().toAbsolutePath().normalize());
        if (!Files.isRegularFile(run.specFile())) {
            throw new UsageException(run.path() + ": not a run folder (no spec.json)");
        }
        if (o.checkpoint() < 0) {
            throw new ArgumentException("missing required option: '--checkpoint=<step>'; available steps: "
                    + run.checkpointSteps());
        }
        ExperimentSpec spec;
        try {
            spec = run.readSpec();
        } catch (RunFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Path checkpoint = run.checkpointFile(o.checkpoint());
        if (!Files.isRegularFile(checkpoint)) {
            throw new UsageException(checkpoint + ": no such checkpoint; available steps: " + run.checkpointSteps());
        }
        try {
            Path file = compute(o, run, spec, checkpoint, out);
            out.println("wrote " + file);
            return ExitCodes.OK;
        } catch (DataException | DeviceChoice.DeviceUnavailableException e) {
            throw new UsageException(e.getMessage(), e);
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
