package org.lmworkbench.backend.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.data.NpyArrays;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.train.TrainingSetup;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.format.Npz;
import org.lmworkbench.core.run.AtomicFiles;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ResolvedRun;
import org.lmworkbench.core.spec.Specs;

/**
 * Writes what an anchor script needs to train a run of a spec on exactly the backend's inputs: the
 * resolved single-run spec ({@code spec.json}, which {@code lmw run} accepts) and {@code inputs.npz}
 * with the training and test data as the model sees them ({@code x_train}, {@code y_train},
 * {@code x_test}, {@code y_test}) and the initial parameters by name ({@code param/<name>}), drawn
 * as training draws them. Usage: {@code RunInputs <spec> <run index> <out folder>}.
 */
public final class RunInputs {

    private RunInputs() {
    }

    /** Writes the two files; exit code 2 on bad arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: RunInputs <spec.lmx> <run index> <out folder>");
            System.exit(2);
        }
        Path specFile = Path.of(args[0]);
        List<ResolvedRun> runs = Specs.loadRuns(specFile);
        int index = Integer.parseInt(args[1]);
        if (index < 0 || index >= runs.size()) {
            System.err.println(specFile + ": run index " + index + " is not in 0.." + (runs.size() - 1));
            System.exit(2);
        }
        ExperimentSpec spec = runs.get(index).spec();
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("spec.json"), spec.toJson());
        Engines.pytorch(1);
        try (NDManager root = NDManager.newBaseManager(); TrainingSetup setup = TrainingSetup.open(spec, Device.cpu(),
                root, specFile.toAbsolutePath().getParent())) {
            Map<String, NpyArray> arrays = new LinkedHashMap<>();
            put(arrays, "train", setup.data().train());
            if (setup.data().test() != null) {
                put(arrays, "test", setup.data().test());
            }
            ParameterSet initial = setup.model().init(setup.manager(), spec.seed(), TrainingSetup.dtype(spec));
            for (Map.Entry<String, NDArray> e : initial.asMap().entrySet()) {
                arrays.put("param/" + e.getKey(), NpyArrays.of(e.getValue()));
            }
            AtomicFiles.write(out.resolve("inputs.npz"), Npz.encode(arrays));
        }
        System.out.println("wrote " + out.resolve("spec.json") + " and " + out.resolve("inputs.npz"));
    }

    private static void put(Map<String, NpyArray> arrays, String split, Batch batch) {
        arrays.put("x_" + split, NpyArrays.of(batch.x()));
        arrays.put("y_" + split, NpyArrays.of(batch.y()));
    }
}
