package org.lmworkbench.backend.diagnostics;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.data.DataException;
import org.lmworkbench.backend.engine.DeviceChoice;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.train.Checkpoints;
import org.lmworkbench.backend.train.TrainingSetup;
import org.lmworkbench.core.command.ArgumentException;
import org.lmworkbench.core.command.CommandArguments;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.OptionsCommand;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.DiagnosticsFile;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunFileException;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.OptimizerSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmw diagnostics <run-dir> --checkpoint <step> [--out file.json] [--examples n]}:
 * feature-learning diagnostics of a checkpoint on the first {@code n} training examples (default
 * 512): relative weight change from the initialisation (re-created from the run's seed, which is
 * exact because initialisation uses a Java generator), hidden-kernel alignment with the
 * initialisation per layer, the neural feature ansatz correlation per dense layer (MLPs), the
 * features-at-convergence relation per weight matrix (every family, {@link LayerFact}) and neural
 * collapse of the last hidden layer (classification). Default output:
 * {@code <run-dir>/diagnostics/step-<n>.json}. Exit codes: 0 done, 2 invalid input, 1 internal.
 */
public final class DiagnosticsCommand extends OptionsCommand<DiagnosticsCommand.Arguments> {

    static final String HELP = """
            usage: lmw diagnostics <run-dir> --checkpoint <step> [--out file.json] [--examples n] [--threads n]

            Relative weight change and hidden-kernel alignment with the initialisation (lazy vs rich),
            neural feature ansatz correlation per dense layer (mlp), the features-at-convergence relation
            (W^T W against -(1/lambda) W^T grad) per weight matrix, neural collapse NC1-NC4 of the last
            hidden layer (classification). Use --examples >= the training-set size for FACT. Exit codes: 0 done, 2 invalid input, 1 internal error.""";

    /** The words of the command line, as the option parser fills them. */
    public static final class Arguments {
        @Parameters(paramLabel = "<run-dir>")
        String runDir;

        @Option(names = "--checkpoint", paramLabel = "<step>")
        Long checkpoint;

        @Option(names = "--out", paramLabel = "<file.json>")
        String out;

        @Option(names = "--examples")
        int examples = 512;

        @Option(names = "--threads")
        int threads = 1;
    }

    /** The command {@code diagnostics}. */
    public DiagnosticsCommand() {
        super("diagnostics", "<run-dir> --checkpoint <n>", "feature-learning diagnostics of a checkpoint",
                HELP, Arguments::new);
    }

    @Override
    protected int run(Arguments o, PrintStream out, PrintStream err) throws UsageException, IOException {
        int examples = (int) CommandArguments.atLeast("--examples", o.examples, 2);
        int threads = (int) CommandArguments.atLeast("--threads", o.threads, 1);
        RunDirectory run = new RunDirectory(Path.of(o.runDir).toAbsolutePath().normalize());
        if (!Files.isRegularFile(run.specFile())) {
            throw new UsageException(run.path() + ": not a run folder (no spec.json)");
        }
        if (o.checkpoint == null) {
            throw new ArgumentException("missing required option: '--checkpoint=<step>'; available steps: "
                    + run.checkpointSteps());
        }
        long step = CommandArguments.atLeast("--checkpoint", o.checkpoint, 0);
        Path checkpoint = run.checkpointFile(step);
        if (!Files.isRegularFile(checkpoint)) {
            throw new UsageException(checkpoint + ": no such checkpoint; available steps: " + run.checkpointSteps());
        }
        Path target = o.out != null ? CommandArguments.outputFile("--out", o.out) : run.diagnosticsFile(step);
        try {
            ExperimentSpec spec = run.readSpec();
            Engine engine = Engines.pytorch(threads);
            Device device = DeviceChoice.choose(spec.execution().device(), engine);
            DiagnosticsFile result;
            try (NDManager manager = engine.newBaseManager(device);
                 TrainingSetup setup = TrainingSetup.open(spec, device, manager)) {
                result = compute(target, run, step, spec, setup,
                        Checkpoints.load(checkpoint, setup.model(), spec, setup.manager()),
                        setup.data().trainingSubset(examples));
            }
            result.write();
        } catch (RunFileException | DataException | DeviceChoice.DeviceUnavailableException e) {
            throw new UsageException(e.getMessage(), e);
        }
        out.println("diagnostics: wrote " + target);
        return ExitCodes.OK;
    }

    static DiagnosticsFile compute(Path target, RunDirectory run, long step, ExperimentSpec spec,
            TrainingSetup setup, ParameterSet now, Batch batch) {
        Model model = setup.model();
        ParameterSet init = model.init(setup.manager(), spec.seed(), TrainingSetup.dtype(spec));
        Map<String, Double> change = new LinkedHashMap<>();
        double moved = 0;
        double base = 0;
        for (String name : now.names()) {
            change.put(name, LazyRichDiagnostics.relativeChange(now.get(name), init.get(name)));
            double[] terms = LazyRichDiagnostics.changeTerms(now.get(name), init.get(name));
            moved += terms[0];
            base += terms[1];
        }
        Map<String, NDArray> hiddenNow = capture(model, now, batch.x());
        Map<String, NDArray> hiddenInit = capture(model, init, batch.x());
        Map<String, DiagnosticsFile.KernelAlignment> kernel = new LinkedHashMap<>();
        for (String layer : hiddenNow.keySet()) {
            kernel.put(layer, new DiagnosticsFile.KernelAlignment(
                    LazyRichDiagnostics.kernelAlignment(hiddenInit.get(layer), hiddenNow.get(layer)),
                    LazyRichDiagnostics.centredAlignment(hiddenInit.get(layer), hiddenNow.get(layer))));
        }
        return new DiagnosticsFile(target, run.runId(), step, model.family(), batch.size(), change,
                Math.sqrt(moved) / Math.sqrt(base), kernel, nfa(model, now, batch.x()),
                collapse(model, now, batch, hiddenNow), fact(spec, setup, now, batch));
    }

    /** FACT needs the coupled weight decay of the loss; decoupled decay has a different fixed point. */
    static DiagnosticsFile.Fact fact(ExperimentSpec spec, TrainingSetup setup, ParameterSet params, Batch batch) {
        if (spec.optimizer().name() == OptimizerSpec.Algorithm.ADAMW) {
            return DiagnosticsFile.Fact.skipped("decoupled weight decay (adamw) has no features-at-convergence"
                    + " fixed point of this form");
        }
        return LayerFact.measure(setup.model(), params, setup.loss(), batch, spec.optimizer().weightDecay(),
                setup.manager());
    }

    private static Map<String, NDArray> capture(Model model, ParameterSet params, NDArray x) {
        Map<String, NDArray> captured = new LinkedHashMap<>();
        model.forward(params, x, false, (layer, activation) -> captured.put(layer, activation.duplicate()));
        return captured;
    }

    static DiagnosticsFile.FeatureAnsatz nfa(Model model, ParameterSet params, NDArray x) {
        if (!model.family().equals("mlp")) {
            return new DiagnosticsFile.FeatureAnsatz("the neural feature ansatz probe supports mlp models", List.of());
        }
        List<DiagnosticsFile.LayerCorrelation> layers = new ArrayList<>();
        for (String layer : model.layerNames()) {
            NDArray weight = params.get(layer + ".weight");
            double[][] featureMatrix = NeuralFeatureAnsatz.featureMatrix(weight);
            try {
                double[][] agop = layer.equals(model.layerNames().get(0)) ? LayerAgop.ofInput(model, params, x)
                        : LayerAgop.viaBias(model, params, x, layer);
                layers.add(new DiagnosticsFile.LayerCorrelation(layer,
                        NeuralFeatureAnsatz.correlation(featureMatrix, agop), null));
            } catch (IllegalArgumentException e) {
                layers.add(new DiagnosticsFile.LayerCorrelation(layer, Double.NaN, e.getMessage()));
            }
        }
        return new DiagnosticsFile.FeatureAnsatz(null, layers);
    }

    private static DiagnosticsFile.Collapse collapse(Model model, ParameterSet params, Batch batch,
            Map<String, NDArray> hidden) {
        if (batch.labels() == null || hidden.isEmpty()) {
            return DiagnosticsFile.Collapse.skipped("neural collapse needs a classification task and a hidden layer");
        }
        String last = model.layerNames().get(model.layerNames().size() - 1);
        NDArray logits = model.forward(params, batch.x(), false);
        int classes = (int) logits.getShape().get(1);
        int[] predictions = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
        double[][] classifier = null;
        if (params.names().contains("output.weight") && params.get("output.weight").getShape().dimension() == 2) {
            classifier = NeuralFeatureAnsatz.toRect(params.get("output.weight").transpose());
        }
        NDArray h = hidden.get(last);
        double[][] features = NeuralFeatureAnsatz.toRect(h.reshape(h.getShape().get(0), -1));
        try {
            NeuralCollapse r = NeuralCollapse.of(features, batch.labels(), classes, classifier, predictions);
            return new DiagnosticsFile.Collapse(null, last, r.nc1(), r.nc2Equinorm(), r.nc2Equiangular(), r.nc3(),
                    r.nc4());
        } catch (IllegalArgumentException e) {
            return DiagnosticsFile.Collapse.skipped(e.getMessage());
        }
    }
}
