package org.lmworkbench.backend.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.util.Map;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.core.run.MetricsWriter;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * What a {@link TrainingProbe} sees when it runs: the model, the current parameters, the loss and
 * fixed data subsets, and places to write results. Objects handed out are valid only during
 * {@link TrainingProbe#run}.
 */
public interface ProbeContext {

    /** Completed optimizer steps (0 = at initialisation). */
    long step();

    /** The fully resolved spec of the run. */
    ExperimentSpec spec();

    /** The network as a function of parameters. */
    Model model();

    /**
     * The live training parameters (leaf arrays that require gradients). Do not modify them in place;
     * build perturbed sets with {@link ParameterSet#withArrays}.
     */
    ParameterSet parameters();

    /** The training loss; {@code loss.compute(model.forward(p, x, true), y)} is the training objective. */
    Loss loss();

    /** Device of the parameters and data. */
    Device device();

    /** Floating-point type of the parameters and data. */
    DataType dtype();

    /** A manager for temporaries, closed after the probe ran. */
    NDManager manager();

    /** The fixed probe subset ({@code data.probe_size} training examples, the same at every step). */
    Batch probeData();

    /**
     * The first {@code n} training examples (capped at the training set size), the same at every
     * step: Cohen et al. take the Hessian over a fixed prefix of the training set
     * ({@code probes.sharpness.examples}).
     */
    Batch trainingSubset(int n);

    /** The learning rate of the step just taken (after the schedule). */
    double learningRate();

    /**
     * The optimizer's stability threshold at the current learning rate: 2/lr for GD and SGD,
     * 2(1+beta)/lr for momentum, NaN for adaptive optimizers (see {@code OptimizerSpec#stabilityThreshold}).
     */
    double stabilityThreshold();

    /**
     * The optimizer state of parameter {@code name} by slot ({@code momentum}; Adam {@code m},
     * {@code v}); empty for plain GD. Read-only. Adam's preconditioner is {@code sqrt(v_hat) + eps}.
     */
    Map<String, NDArray> optimizerState(String name);

    /** The run folder. */
    RunDirectory run();

    /**
     * An appender for {@code probes/<fileName>} (e.g. {@code sharpness.jsonl}), opened once per run
     * and closed by the loop. Records must carry a {@code step} key: on resume, lines after the
     * checkpoint's step are dropped so that a resumed run's files equal an uninterrupted run's.
     */
    MetricsWriter jsonl(String fileName) throws IOException;

    /** Writes a line to the run's log.txt. */
    void log(String message);
}
