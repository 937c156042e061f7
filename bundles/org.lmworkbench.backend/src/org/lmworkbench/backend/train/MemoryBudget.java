package org.lmworkbench.backend.train;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.lmworkbench.backend.data.DataException;
import org.lmworkbench.backend.model.DataShape;
import org.lmworkbench.core.spec.DataSpec;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.MemorySize;
import org.lmworkbench.core.spec.ModelSpec;
import org.lmworkbench.core.spec.OptimizerSpec;
import org.lmworkbench.core.spec.ProbeSpec;
import org.lmworkbench.core.spec.TrainingSpec;

/**
 * The memory a run will need, estimated from its spec before anything large is allocated, so that
 * sizes the machine cannot hold ({@code model.width}, {@code data.n_train}, {@code data.output_dim}
 * ...) are refused up front with what they would need, rather than ending in an array size that
 * overflows, an {@link OutOfMemoryError} or a process the kernel kills.
 *
 * <p>Two checks, in the order the run allocates: {@link #checkData} before generated data is made
 * (its values live on the Java heap twice while the splits are cut, then on the device), and
 * {@link #checkModel} once the data's shape is known, before the parameters are created (on the
 * device: parameters, gradients, the initial copy kept for relative change, the optimizer's slots,
 * and activations for the largest batch a step, an evaluation chunk or a Hessian probe pushes
 * through the network; on the heap: a checkpoint is assembled in memory). The estimates are lower
 * bounds of what the code allocates, so a run that is refused would certainly not have fitted;
 * the Java heap is compared with the JVM's maximum heap, everything with the machine's memory.
 */
public final class MemoryBudget {

    /** A Java array holds at most about this many elements. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;
    /** Rows of the evaluation chunks of {@code MetricsRecorder}. */
    private static final long EVALUATION_CHUNK = 8192;

    private final long maxHeap;
    private final OptionalLong machine;

    /**
     * @param maxHeap the JVM's maximum heap in bytes
     * @param machine the machine's memory in bytes, empty when unknown
     */
    public MemoryBudget(long maxHeap, OptionalLong machine) {
        this.maxHeap = maxHeap;
        this.machine = machine;
    }

    /** The limits of this JVM on this machine. */
    public static MemoryBudget here() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory(), MemorySize.physicalMemory());
    }

    /**
     * Checks the data a spec generates (file data is bounded by its files, which the readers check).
     *
     * @throws DataException naming the spec keys and the memory they would need
     */
    public void checkData(ExperimentSpec spec) {
        DataSpec d = spec.data();
        if (d.source().isFileBased()) {
            return;
        }
        boolean tokens = spec.model().family() == ModelSpec.Family.TRANSFORMER;
        long examples = (long) d.nTrain() + d.nTest();
        long inputs;
        long outputs;
        String inputKeys;
        switch (d.source()) {
            case MODULAR_ARITHMETIC -> {
                long pairs = (long) d.modulus() * d.modulus();
                if (pairs > MAX_ARRAY) {
                    throw new DataException("$.data.modulus: " + d.modulus() + " gives " + pairs + " pairs (a, b),"
                            + " more than can be enumerated; use a modulus of at most 46340");
                }
                inputs = tokens ? 3 : 2L * d.modulus();
                outputs = d.modulus();
                inputKeys = tokens ? "3 tokens" : "2 x $.data.modulus " + d.modulus() + " one-hot values";
            }
            case SPARSE_PARITY -> {
                inputs = d.inputDim();
                outputs = 2;
                inputKeys = "$.data.input_dim " + d.inputDim() + " values";
            }
            case GAUSSIAN_MIXTURE -> {
                inputs = d.inputDim();
                outputs = d.classes();
                inputKeys = "$.data.input_dim " + d.inputDim() + " values and $.data.classes " + d.classes() + " classes";
            }
            default -> {
                inputs = d.inputDim();
                outputs = d.outputDim();
                inputKeys = "$.data.input_dim " + d.inputDim() + " inputs and $.data.output_dim " + d.outputDim()
                        + " targets";
            }
        }
        String what = "$.data.n_train " + d.nTrain() + " + $.data.n_test " + d.nTest() + " examples of " + inputKeys;
        if (examples > MAX_ARRAY || examples * Math.max(inputs, outputs) > MAX_ARRAY) {
            throw new DataException(what + " are " + (double) examples * (inputs + outputs)
                    + " numbers, more than a Java array holds (about 2.1e9); reduce them");
        }
        // Generated once, then cut into the training and held-out splits: two copies in doubles.
        double heap = 16.0 * examples * (inputs + outputs);
        double device = (double) examples * (inputs + outputs) * bytes(spec);
        refuse(what, heap, device);
    }

    /**
     * Checks the model and its training for data of {@code shape}, before the parameters exist.
     *
     * @param trainSize the number of training examples
     * @throws DataException naming the spec keys and the memory they would need
     */
    public void checkModel(ExperimentSpec spec, DataShape shape, long trainSize) {
        ModelSpec m = spec.model();
        long outputs = shape.outputs();
        double parameters = parameters(m, shape, outputs);
        double perExample = activations(m, shape);
        int b = bytes(spec);
        TrainingSpec t = spec.training();
        ProbeSpec p = spec.probes();
        long rows = Math.min(EVALUATION_CHUNK, trainSize);
        rows = Math.max(rows, t.isFullBatch() ? trainSize : Math.min(t.batchSize(), trainSize));
        if (p.sharpness().every() > 0 || p.trace().every() > 0) {
            rows = Math.max(rows, Math.min(p.sharpness().examples(), trainSize));
        }
        double state = parameters * b * (3 + slots(spec.optimizer().name()));
        // Forward values and their gradients, at least.
        double activations = 2.0 * rows * perExample * b;
        String model = modelKeys(m) + " give " + String.format(java.util.Locale.ROOT, "%.3g", parameters) + " parameters";
        if (parameters * b > MAX_ARRAY) {
            throw new DataException(model + " (" + MemorySize.show(parameters * b) + "); a checkpoint holds at most"
                    + " 2 GiB; reduce them");
        }
        // A checkpoint is assembled on the heap: the values copied out, then encoded.
        double heap = 2.0 * parameters * b;
        if (activations > state) {
            refuse(modelKeys(m) + " with " + rows + " rows at a time (" + rowKeys(spec) + ")", heap, activations + state);
        } else {
            refuse(model + " (with their gradients, initial copy and optimizer state)", heap, state + activations);
        }
    }

    private void refuse(String what, double heap, double device) {
        if (heap > maxHeap) {
            throw new DataException(what + " need about " + MemorySize.show(heap) + " of Java heap, but the backend"
                    + " process may use at most " + MemorySize.show(maxHeap) + " (execution.jvm_memory); reduce them or"
                    + " raise execution.jvm_memory");
        }
        if (machine.isPresent() && heap + device > machine.getAsLong()) {
            throw new DataException(what + " need about " + MemorySize.show(heap + device) + " of memory, more than"
                    + " the " + MemorySize.show(machine.getAsLong()) + " of this machine; reduce them");
        }
    }

    /** Parameter count of each family, as its {@code init} creates them. */
    static double parameters(ModelSpec m, DataShape shape, long outputs) {
        double bias = m.bias() ? 1 : 0;
        double in = shape.flatSize();
        return switch (m.family()) {
            case MLP -> {
                double w = m.width();
                yield in * w + (m.depth() - 1.0) * w * w + w * outputs + bias * (m.depth() * w + outputs);
            }
            case CNN -> {
                double c = m.channels();
                double channels = shape.example().length == 3 ? shape.example()[0] : 1;
                yield 9 * c * channels + (m.depth() - 1.0) * 9 * c * c + c * outputs + bias * (m.depth() * c + outputs);
            }
            case RESNET -> {
                double c = m.channels();
                double channels = shape.example().length == 3 ? shape.example()[0] : 1;
                yield 9 * c * channels + 2.0 * m.blocks() * 9 * c * c + c * outputs
                        + bias * ((1 + 2.0 * m.blocks()) * c + outputs);
            }
            case TRANSFORMER -> {
                double e = m.embedding();
                double perBlock = 4 * e * e + 2 * e * m.width() + 4 * e;
                yield (double) shape.vocabulary() * e + m.context() * e + m.depth() * perBlock + 2 * e + e * outputs
                        + bias * outputs;
            }
        };
    }

    /** Hidden values one example produces in a forward pass. */
    static double activations(ModelSpec m, DataShape shape) {
        long[] ex = shape.example();
        double pixels = ex.length == 3 ? (double) ex[1] * ex[2] : shape.flatSize();
        return switch (m.family()) {
            case MLP -> (double) m.width() * m.depth() + shape.flatSize();
            case CNN -> (double) m.channels() * pixels * m.depth();
            case RESNET -> (double) m.channels() * pixels / 4 * (1 + 2.0 * m.blocks());
            case TRANSFORMER -> (double) ex[0] * m.depth() * (4.0 * m.embedding() + m.width() + ex[0] * m.heads());
        };
    }

    private static String modelKeys(ModelSpec m) {
        return switch (m.family()) {
            case MLP -> "$.model.width " + m.width() + " and $.model.depth " + m.depth();
            case CNN -> "$.model.channels " + m.channels() + " and $.model.depth " + m.depth();
            case RESNET -> "$.model.channels " + m.channels() + " and $.model.blocks " + m.blocks();
            case TRANSFORMER -> "$.model.embedding " + m.embedding() + ", $.model.width " + m.width()
                    + " and $.model.depth " + m.depth();
        };
    }

    private static String rowKeys(ExperimentSpec spec) {
        List<String> keys = new ArrayList<>(List.of(spec.training().isFullBatch() ? "$.data.n_train (full batch)"
                : "$.training.batch_size"));
        if (spec.probes().sharpness().every() > 0 || spec.probes().trace().every() > 0) {
            keys.add("$.probes.sharpness.examples");
        }
        return String.join(", ", keys);
    }

    private static int slots(OptimizerSpec.Algorithm algorithm) {
        return switch (algorithm) {
            case GD, SGD, ZO_GD, ZO_SGD -> 0;
            case MOMENTUM, ZO_GDM -> 1;
            case ADAM, ADAMW, ZO_ADAM -> 2;
        };
    }

    private static int bytes(ExperimentSpec spec) {
        return spec.training().dtype() == TrainingSpec.DType.FLOAT64 ? 8 : 4;
    }
}
