package org.lmworkbench.backend.hessian;

import static org.lmworkbench.core.command.CommandArguments.atLeast;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunFileException;
import org.lmworkbench.core.run.SharpnessDimensionLine;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ProbeSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmw sharpness-dimension <run-dir> --checkpoint <step> [--exact | --slq]}: the sharpness
 * dimension of a checkpoint, written atomically to {@code probes/sharpness-dimension-step-<step>.json}
 * ({@link SharpnessDimensionLine}). Settings not given on the command line come from the run's
 * {@code probes.sharpness_dimension}; the step of the map defaults to the learning rate the run had
 * at that checkpoint.
 */
public final class SharpnessDimensionCommand extends OptionsCommand<SharpnessDimensionCommand.Arguments> {

    /** Usage text printed by {@code --help}. */
    public static final String USAGE = """
            usage: lmw sharpness-dimension <run-dir> --checkpoint <step> [--exact | --slq]
                   [--eta E] [--minibatches B] [--batch-size N] [--lanczos-steps M] [--threads N] [--seed S]

            Loads checkpoints/step-<step>.npz of the run and writes
            probes/sharpness-dimension-step-<step>.json: the Kaplan-Yorke dimension of the map
            x - eta grad L_B over B random minibatches of N training examples, with its jackknife
            standard error. --exact eigendecomposes dense minibatch Hessians (d Hessian-vector
            products each; for networks of up to a few thousand parameters), --slq uses one stochastic
            Lanczos quadrature run of M steps per minibatch. Without either, networks of at most 600
            parameters are done exactly. Defaults come from the run's probes.sharpness_dimension; eta
            defaults to the run's learning rate at the checkpoint.

            exit codes: 0 done, 2 invalid input, 1 internal error""";

    /** The words of the command line, as the option parser fills them. */
    public static final class Arguments {
        @Parameters(paramLabel = "<run-dir>")
        String runDir;

        @Option(names = "--checkpoint", paramLabel = "<step>")
        Long checkpoint;

        @Option(names = "--exact")
        boolean exact;

        @Option(names = "--slq")
        boolean slq;

        @Option(names = "--eta")
        Double eta;

        @Option(names = "--minibatches")
        Integer minibatches;

        @Option(names = "--batch-size")
        Integer batchSize;

        @Option(names = "--lanczos-steps")
        Integer lanczosSteps;

        @Option(names = "--threads")
        Integer threads;

        @Option(names = "--seed")
        long seed;
    }

    /** The command {@code sharpness-dimension}. */
    public SharpnessDimensionCommand() {
        super("sharpness-dimension", "<run-dir> --checkpoint <n>", "sharpness dimension of a checkpoint", USAGE,
                Arguments::new);
    }

    @Override
    protected int run(Arguments a, PrintStream out, PrintStream err) throws UsageException, IOException {
        if (a.exact && a.slq) {
            throw new ArgumentException("--exact and --slq exclude each other; give one");
        }
        RunDirectory run = new RunDirectory(Path.of(a.runDir).toAbsolutePath().normalize());
        if (!Files.isRegularFile(run.specFile())) {
            throw new UsageException(run.path() + ": not a run folder (no spec.json)");
        }
        if (a.checkpoint == null) {
            throw new ArgumentException("missing required option: '--checkpoint=<step>'; available steps: "
                    + run.checkpointSteps());
        }
        long step = atLeast("--checkpoint", a.checkpoint, 0);
        ExperimentSpec spec;
        try {
            spec = run.readSpec();
        } catch (RunFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Path checkpoint = run.checkpointFile(step);
        if (!Files.isRegularFile(checkpoint)) {
            throw new UsageException(checkpoint + ": no such checkpoint; available steps: " + run.checkpointSteps());
        }
        ProbeSpec.SharpnessDimension s = settings(a, spec.probes().sharpnessDimension());
        int threads = a.threads == null ? spec.execution().threads() : (int) atLeast("--threads", a.threads, 1);
        try {
            SharpnessDimensionLine line = compute(threads, a.seed, spec, s, step, checkpoint);
            Path file = run.checkpointSharpnessDimensionFile(step);
            line.writeFile(file);
            out.printf("step %d: sharpness dimension %.4f +- %.4f (%s, %d samples, j* %d of d %d)%n", step,
                    line.value(), line.standardError(), line.method(), line.samples(), line.jStar(), line.dimension());
            out.println("wrote " + file);
            return ExitCodes.OK;
        } catch (DataException | DeviceChoice.DeviceUnavailableException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static ProbeSpec.SharpnessDimension settings(Arguments a, ProbeSpec.SharpnessDimension spec)
            throws ArgumentException {
        ProbeSpec.Method method = a.exact ? ProbeSpec.Method.EXACT : a.slq ? ProbeSpec.Method.SLQ : spec.method();
        double eta = a.eta == null ? spec.eta() : CommandArguments.positive("--eta", a.eta);
        int minibatches = a.minibatches == null ? spec.minibatches() : (int) atLeast("--minibatches", a.minibatches, 2);
        int batch = a.batchSize == null ? spec.batchSize() : (int) atLeast("--batch-size", a.batchSize, 1);
        int steps = a.lanczosSteps == null ? spec.lanczosSteps() : (int) atLeast("--lanczos-steps", a.lanczosSteps, 2);
        atLeast("--seed", a.seed, 0);
        return new ProbeSpec.SharpnessDimension(1, eta, method, minibatches, steps, batch);
    }

    private static SharpnessDimensionLine compute(int threads, long seed, ExperimentSpec spec,
            ProbeSpec.SharpnessDimension s, long step, Path checkpoint) throws IOException {
        Engine engine = Engines.pytorch(threads);
        Device device = DeviceChoice.choose(spec.execution().device(), engine);
        try (NDManager manager = engine.newBaseManager(device);
             TrainingSetup setup = TrainingSetup.open(spec, device, manager)) {
            ParameterSet params = Checkpoints.load(checkpoint, setup.model(), spec, setup.manager());
            double eta = Double.isNaN(s.eta())
                    ? new LrSchedule(spec.optimizer(), spec.training().steps()).at(Math.max(0, step - 1)) : s.eta();
            return new SharpnessDimensionMeter(s, seed).measure(setup.model(), params, setup.loss(),
                    setup.data().train(), eta, step, setup.manager());
        }
    }
}
