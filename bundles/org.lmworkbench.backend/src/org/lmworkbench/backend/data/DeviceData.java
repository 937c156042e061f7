package org.lmworkbench.backend.data;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.lmworkbench.backend.model.DataShape;

/**
 * The data of a run as tensors on the training device, created once: the full training set, the
 * held-out set, the probe subset and prefixes of the training set. Minibatches are gathered from
 * the training tensor by index on the device.
 */
public final class DeviceData {

    private final NDManager manager;
    private final DataType dtype;
    private final DataSplits splits;
    private final Batch train;
    private final Batch test;
    private final Batch probe;
    private final java.util.Map<Integer, Batch> prefixes = new java.util.HashMap<>();

    /** Copies {@code splits} to {@code manager}'s device in {@code dtype}. */
    public DeviceData(DataSplits splits, NDManager manager, DataType dtype) {
        this.manager = manager;
        this.dtype = dtype;
        this.splits = splits;
        this.train = toBatch(splits.train());
        this.test = splits.test().size() == 0 ? null : toBatch(splits.test());
        this.probe = toBatch(splits.probe());
    }

    /** The shape the model is built for. */
    public DataShape shape() {
        ArrayDataset t = splits.train();
        return new DataShape(t.example(), t.outputs(), t.vocabulary());
    }

    /** The Java-side data. */
    public DataSplits splits() {
        return splits;
    }

    /** Every training example. */
    public Batch train() {
        return train;
    }

    /** The held-out examples, or null when {@code n_test} is 0. */
    public Batch test() {
        return test;
    }

    /** The fixed probe subset. */
    public Batch probe() {
        return probe;
    }

    /** Training set size. */
    public int trainSize() {
        return train.size();
    }

    /** The first {@code n} training examples (all when {@code n} is larger). */
    public Batch trainingSubset(int n) {
        int m = Math.min(n, trainSize());
        if (m == trainSize()) {
            return train;
        }
        // Cached: probes ask every few steps and the slices live as long as the data.
        return prefixes.computeIfAbsent(m, this::prefix);
    }

    private Batch prefix(int k) {
        NDArray x = train.x().get("0:" + k);
        NDArray y = train.y().get("0:" + k);
        // A slice lands in the manager its source is attached to at the moment, which during a step
        // is the step's own; it must belong to the data, or the cached slice dies with that step.
        x.attach(manager);
        y.attach(manager);
        return new Batch(x, y, train.labels() == null ? null : Arrays.copyOf(train.labels(), k));
    }

    /** The training examples at {@code rows}, gathered on the device into {@code into}'s memory. */
    public Batch gather(int[] rows, NDManager into) {
        long[] index = new long[rows.length];
        int[] labels = train.labels() == null ? null : new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            index[i] = rows[i];
            if (labels != null) {
                labels[i] = train.labels()[rows[i]];
            }
        }
        NDArray idx = into.create(index).toDevice(manager.getDevice(), false);
        NDArray x = train.x().get(idx);
        NDArray y = train.y().get(idx);
        // Results land in the training tensor's manager; move them to the step's so they are freed with it.
        x.attach(into);
        y.attach(into);
        return new Batch(x, y, labels);
    }

    private Batch toBatch(ArrayDataset data) {
        long[] xShape = new long[data.example().length + 1];
        xShape[0] = data.size();
        System.arraycopy(data.example(), 0, xShape, 1, data.example().length);
        NDArray x = create(data.x(), new Shape(xShape));
        NDArray y = create(data.y(), new Shape(data.size(), data.outputs()));
        return new Batch(x, y, data.labels());
    }

    private NDArray create(double[] values, Shape shape) {
        Device device = manager.getDevice();
        if (dtype == DataType.FLOAT64) {
            return manager.create(values, shape).toDevice(device, false);
        }
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return manager.create(f, shape).toDevice(device, false);
    }
}
