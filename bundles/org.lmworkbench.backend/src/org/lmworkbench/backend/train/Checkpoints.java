package org.lmworkbench.backend.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.backend.data.DataException;
import org.lmworkbench.backend.data.NpyArrays;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.optim.Optimizer;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.format.NpyType;
import org.lmworkbench.core.format.Npz;
import org.lmworkbench.core.run.AtomicFiles;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * Checkpoint files {@code checkpoints/step-<n>.npz}: {@code param/<name>} (parameters, in their
 * dtype, bit-exact), {@code opt/<name>/<slot>} (optimizer state), {@code meta/step} and
 * {@code meta/updates} (int64 scalars). Batch order and schedule are functions of the step, so this
 * is the complete training state: resuming from it reproduces an uninterrupted run bit for bit.
 * Written atomically, so a checkpoint that exists is complete.
 */
public final class Checkpoints {

    static final String PARAM = "param/";
    static final String OPT = "opt/";
    static final String STEP = "meta/step";
    static final String UPDATES = "meta/updates";

    private Checkpoints() {
    }

    /** Writes the state after {@code step} completed updates. */
    public static void save(Path file, long step, ParameterSet params, Optimizer optimizer) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (String name : params.names()) {
            arrays.put(PARAM + name, NpyArrays.of(params.get(name)));
        }
        optimizer.stateArrays().forEach((key, array) -> arrays.put(OPT + key, NpyArrays.of(array)));
        arrays.put(STEP, NpyArray.of(new long[] {step}));
        arrays.put(UPDATES, NpyArray.of(new long[] {optimizer.updates()}));
        AtomicFiles.write(file, Npz.encode(arrays));
    }

    /**
     * The parameters stored in a checkpoint, with names and infos from {@code model} (for the Hessian
     * command and analyses). The arrays do not require gradients.
     *
     * @throws DataException if the file is missing, incomplete or corrupt, or does not fit the model
     */
    public static ParameterSet load(Path file, Model model, ExperimentSpec spec, NDManager manager) {
        return read(file, model, spec, manager).parameters();
    }

    /** Everything in a checkpoint, for resuming. */
    static State read(Path file, Model model, ExperimentSpec spec, NDManager manager) {
        Map<String, NpyArray> arrays = NpyArrays.readArchive(file);
        try (NDManager scratch = manager.newSubManager()) {
            ParameterSet template = model.init(scratch, spec.seed(), TrainingSetup.dtype(spec));
            List<NDArray> values = new ArrayList<>();
            for (String name : template.names()) {
                NpyArray a = arrays.get(PARAM + name);
                if (a == null) {
                    throw new DataException(file + ": no parameter " + name + " (not a checkpoint of this run?)");
                }
                NDArray expected = template.get(name);
                NpyType type = NpyArrays.npyType(expected.getDataType());
                if (!java.util.Arrays.equals(a.shape(), expected.getShape().getShape()) || type != a.type()) {
                    throw new DataException(file + ": parameter " + name + " is " + a.type().code() + " "
                            + java.util.Arrays.toString(a.shape()) + " but this run's is " + type.code() + " "
                            + java.util.Arrays.toString(expected.getShape().getShape()) + " (not a checkpoint of this run?)");
                }
                values.add(NpyArrays.toNDArray(a, manager));
            }
            ParameterSet params = template.withArrays(values);
            Map<String, NDArray> optimizer = new LinkedHashMap<>();
            arrays.forEach((key, a) -> {
                if (key.startsWith(OPT)) {
                    optimizer.put(key.substring(OPT.length()), NpyArrays.toNDArray(a, manager));
                }
            });
            long step = scalar(arrays, STEP, file);
            long updates = scalar(arrays, UPDATES, file);
            return new State(step, updates, params, optimizer);
        }
    }

    private static long scalar(Map<String, NpyArray> arrays, String key, Path file) {
        NpyArray a = arrays.get(key);
        if (a == null || a.size() != 1) {
            throw new DataException(file + ": no " + key + " (not a checkpoint of this backend?)");
        }
        return (long) a.toDoubles()[0];
    }

    /**
     * The training state in a checkpoint.
     *
     * @param step       completed steps
     * @param updates    optimizer update count
     * @param parameters parameter values
     * @param optimizer  optimizer state by {@code <param>/<slot>}
     */
    record State(long step, long updates, ParameterSet parameters, Map<String, NDArray> optimizer) {
    }
}
