package org.lmworkbench.backend.diagnostics;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmworkbench.backend.cli.args.CommandArgs;
import org.lmworkbench.backend.cli.args.CommandArgsException;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.data.DataException;
import org.lmworkbench.backend.engine.DeviceChoice;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.similarity.SimilarityException;
import org.lmworkbench.backend.train.Checkpoints;
import org.lmworkbench.backend.train.TrainingSetup;
import org.lmworkbench.core.run.DiagnosticsFile;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * {@code lmw diagnostics <run-dir> --checkpoint <step> [--out file.json] [--examples n]}:
 * feature-learning diagnostics of a checkpoint on the first {@code n} training examples (default
 * 512): relative weight change from the initialisation (re-created from the run's seed, which is
 * exact because initialisation uses a Java generator), hidden-kernel alignment with the
 * initialisation per layer, the neural feature ansatz correlation per dense layer (MLPs) and neural
 * collapse of the last hidden layer (classification). Default output:
 * {@code <run-dir>/diagnostics/step-<n>.json}. Exit codes: 0 done, 2 invalid input, 1 internal.
 */
public final class DiagnosticsCommand {

    static final String HELP = """
            usage: lmw diagnostics <run-dir> --checkpoint <step> [--out file.json] [--examples n] [--threads n]

            Relative weight change and hidden-kernel alignment with the initialisation (lazy vs rich),
            neural feature ansatz correlation per dense layer (mlp), neural collapse NC1-NC4 of the last
            hidden layer (classification). Exit codes: 0 done, 2 invalid input, 1 internal error.""";

    private static final String NAME = "diagnostics";

    private DiagnosticsCommand() {
    }

    /** Runs the command as a program (the backend's Main dispatches to {@link #run} instead). */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; {@code args} are the words after {@code diagnostics}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CommandArgs o = CommandArgs.parse(args, CommandArgs.Style.ANALYSIS, NAME,
                    Set.of("checkpoint", "out", "examples", "threads"), Set.of());
            if (o.help()) {
                out.println(HELP);
                return 0;
            }
            if (o.positional().size() != 1) {
                throw new SimilarityException(NAME + ": expected one run directory (see --help)");
            }
            RunDirectory run = new RunDirectory(Path.of(o.positional().get(0)).toAbsolutePath().normalize());
            if (!Files.isRegularFile(run.specFile())) {
                throw new SimilarityException(run.path() + ": not a run folder (no spec.json)");
            }
            long step = o.number("checkpoint", -1, 0);
            if (step < 0) {
                throw new SimilarityException(NAME + ": --checkpoint <step> is required; available steps: "
                        + run.checkpointSteps());
            }
            Path checkpoint = run.checkpointFile(step);
            if (!Files.isRegularFile(checkpoint)) {
                throw new SimilarityException(checkpoint + ": no such checkpoint; available steps: " + run.checkpointSteps());
            }
            ExperimentSpec spec = run.readSpec();
            Path target = o.get("out") != null ? Path.of(o.get("out")) : run.diagnosticsFile(step);
            int examples = (int) o.number("examples", 512, 2);
            Engine engine = Engines.pytorch((int) o.number("threads", 1, 1));
            Device device = DeviceChoice.choose(spec.execution().device(), engine);
            DiagnosticsFile result;
            try (NDManager manager = engine.newBaseManager(device);
                 TrainingSetup setup = TrainingSetup.open(spec, device, manager)) {
                result = compute(target, run, step, spec, setup,
                        Checkpoints.load(checkpoint, setup.model(), spec, setup.manager()),
                        setup.data().trainingSubset(examples));
            }
            result.write();
            out.println("diagnostics: wrote " + target);
            return 0;
        } catch (CommandArgsException e) {
            err.println(e.getMessage()); // already starts with "diagnostics: "
            return 2;
        } catch (SimilarityException | DataException | DeviceChoice.DeviceUnavailableException e) {
            err.println("diagnostics: " + e.getMessage());
            return 2;
        } catch (Exception | Error e) {
            err.println("diagnostics: internal error: " + e);
            e.printStackTrace(err);
            return 1;
        }
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
                collapse(model, now, batch, hiddenNow));
    }

    private static Map<String, NDArray> capture(Model model, ParameterSet params, NDArray x) {
        Map<String, NDArray> captured = new LinkedHashMap<>();
        model.forward(params, x, false, (layer, activation) -> captured.put(layer, activation.duplicate()));
        return captured;
    }

    private static DiagnosticsFile.FeatureAnsatz nfa(Model model, ParameterSet params, NDArray x) {
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
