package org.lmworkbench.backend.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import org.lmworkbench.backend.data.ArrayDataset;
import org.lmworkbench.backend.data.DataSplits;
import org.lmworkbench.backend.data.Datasets;
import org.lmworkbench.backend.data.DeviceData;
import org.lmworkbench.backend.model.DataShape;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.Models;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.TrainingSpec;

/**
 * Data, model and loss of a run, built exactly as training builds them (same seeds, same subsets),
 * so that the Hessian command and analyses evaluate the same objective as the training loop.
 */
public final class TrainingSetup implements AutoCloseable {

    private final ExperimentSpec spec;
    private final NDManager manager;
    private final DeviceData data;
    private final Model model;
    private final Loss loss;

    private TrainingSetup(ExperimentSpec spec, NDManager manager, DeviceData data, Model model) {
        this.spec = spec;
        this.manager = manager;
        this.data = data;
        this.model = model;
        this.loss = Loss.of(spec.training().loss());
    }

    /**
     * Loads the data of {@code spec} onto {@code device} and builds its model.
     *
     * @param dataFolder folder a relative {@code data.path} is resolved against (null: working directory)
     * @throws org.lmworkbench.backend.data.DataException if the data cannot be used, or the data or
     *                                                     model would not fit in memory ({@link MemoryBudget})
     * @throws IllegalArgumentException                    if the model cannot take the data
     */
    public static TrainingSetup open(ExperimentSpec spec, Device device, NDManager parent, Path dataFolder) {
        MemoryBudget budget = MemoryBudget.here();
        budget.checkData(spec);
        DataSplits splits = Datasets.load(spec, dataFolder);
        ArrayDataset train = splits.train();
        budget.checkModel(spec, new DataShape(train.example(), train.outputs(), train.vocabulary()), train.size());
        NDManager manager = parent.newSubManager(device);
        try {
            DeviceData data = new DeviceData(splits, manager, dtype(spec));
            Model model = Models.create(spec, data.shape());
            return new TrainingSetup(spec, manager, data, model);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** {@link #open(ExperimentSpec, Device, NDManager, Path)} with paths relative to the working directory. */
    public static TrainingSetup open(ExperimentSpec spec, Device device, NDManager parent) {
        return open(spec, device, parent, null);
    }

    /** The DJL type of the spec's dtype. */
    public static DataType dtype(ExperimentSpec spec) {
        return spec.training().dtype() == TrainingSpec.DType.FLOAT64 ? DataType.FLOAT64 : DataType.FLOAT32;
    }

    /** The spec. */
    public ExperimentSpec spec() {
        return spec;
    }

    /** The data on the device. */
    public DeviceData data() {
        return data;
    }

    /** The model. */
    public Model model() {
        return model;
    }

    /** The loss. */
    public Loss loss() {
        return loss;
    }

    /** The manager holding the data. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
