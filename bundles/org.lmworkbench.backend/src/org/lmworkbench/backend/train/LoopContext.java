package org.lmworkbench.backend.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.Closeable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.optim.Optimizer;
import org.lmworkbench.backend.optim.Optimizers;
import org.lmworkbench.core.run.MetricsWriter;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.ExperimentSpec;

/** The {@link ProbeContext} the training loop hands to probes; one instance per run, re-aimed every step. */
final class LoopContext implements ProbeContext, Closeable {

    private final TrainingSetup setup;
    private final ParameterSet params;
    private final Optimizer optimizer;
    private final RunDirectory run;
    private final RunLog log;
    private final Map<String, MetricsWriter> writers = new LinkedHashMap<>();
    private long step;
    private double lr;
    private NDManager manager;

    LoopContext(TrainingSetup setup, ParameterSet params, Optimizer optimizer, RunDirectory run, RunLog log) {
        this.setup = setup;
        this.params = params;
        this.optimizer = optimizer;
        this.run = run;
        this.log = log;
    }

    /** Points the context at the state after {@code completed} steps. */
    void aim(long completed, double rate, NDManager stepManager) {
        this.step = completed;
        this.lr = rate;
        this.manager = stepManager;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public ExperimentSpec spec() {
        return setup.spec();
    }

    @Override
    public Model model() {
        return setup.model();
    }

    @Override
    public ParameterSet parameters() {
        return params;
    }

    @Override
    public Loss loss() {
        return setup.loss();
    }

    @Override
    public Device device() {
        return setup.manager().getDevice();
    }

    @Override
    public DataType dtype() {
        return TrainingSetup.dtype(setup.spec());
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public Batch probeData() {
        return setup.data().probe();
    }

    @Override
    public Batch trainingSubset(int n) {
        Batch subset = setup.data().trainingSubset(n);
        // Prefix slices are long-lived; attach them to the step like the other data, or results of
        // operations on them would accumulate in the data's manager.
        if (subset.x().getManager() != manager) {
            manager.tempAttachAll(new ai.djl.ndarray.NDList(subset.x(), subset.y()));
        }
        return subset;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public double stabilityThreshold() {
        return Optimizers.stabilityThreshold(setup.spec().optimizer(), lr);
    }

    @Override
    public Map<String, NDArray> optimizerState(String name) {
        return optimizer.state(name);
    }

    @Override
    public RunDirectory run() {
        return run;
    }

    @Override
    public synchronized MetricsWriter jsonl(String fileName) throws IOException {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("'" + fileName + "' is not a plain file name");
        }
        MetricsWriter writer = writers.get(fileName);
        if (writer == null) {
            writer = MetricsWriter.open(run.path().resolve(RunDirectory.PROBES).resolve(fileName));
            writers.put(fileName, writer);
        }
        return writer;
    }

    @Override
    public void log(String message) {
        log.log(message);
    }

    @Override
    public synchronized void close() throws IOException {
        for (MetricsWriter w : writers.values()) {
            w.close();
        }
        writers.clear();
    }
}
