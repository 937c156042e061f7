package org.lmworkbench.backend.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.data.DeviceData;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.optim.LrSchedule;
import org.lmworkbench.backend.optim.Optimizer;
import org.lmworkbench.core.run.MetricsLine;
import org.lmworkbench.core.run.MetricsWriter;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ProbeSpec;

/**
 * The optimisation loop: for each step a forward/backward pass inside a gradient collector, then
 * the divergence check, the hand-written update outside the collector, metrics, probes and
 * checkpoints. Each step works in its own sub-manager to which the long-lived arrays are attached
 * temporarily, so every intermediate array is freed with the step and memory stays flat.
 */
final class TrainingLoop {

    /** Receives progress for status.json; called after every step, rate limiting is the listener's job. */
    interface Progress {
        void update(long step, double loss, boolean force) throws IOException;
    }

    private final Engine engine;
    private final TrainingSetup setup;
    private final ParameterSet params;
    private final Optimizer optimizer;
    private final LoopContext context;
    private final List<TrainingProbe> probes;
    private final MetricsWriter metrics;
    private final MetricsRecorder recorder;
    private final Progress progress;
    private final AtomicBoolean cancel;
    private final RunLog log;

    TrainingLoop(Engine engine, TrainingSetup setup, ParameterSet params, Optimizer optimizer, LoopContext context,
            List<TrainingProbe> probes, MetricsWriter metrics, MetricsRecorder recorder, Progress progress,
            AtomicBoolean cancel, RunLog log) {
        this.engine = engine;
        this.setup = setup;
        this.params = params;
        this.optimizer = optimizer;
        this.context = context;
        this.probes = probes;
        this.metrics = metrics;
        this.recorder = recorder;
        this.progress = progress;
        this.cancel = cancel;
        this.log = log;
    }

    /** Trains from {@code startStep} completed steps to the end of the spec. */
    Outcome run(long startStep) throws Exception {
        ExperimentSpec spec = setup.spec();
        ProbeSpec probeSpec = spec.probes();
        long total = spec.training().steps();
        DeviceData data = setup.data();
        BatchSchedule batches = new BatchSchedule(spec.seed(), data.trainSize(),
                spec.optimizer().name().isFullBatch() ? 0
                        : spec.training().batchSize());
        LrSchedule schedule = new LrSchedule(spec.optimizer(), total);
        double threshold = spec.training().divergenceThreshold();
        // Grad mode is per thread and may be on; updates and evaluation must not record graphs.
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        NDList persistent = persistentArrays(data);
        NDManager root = setup.manager();
        StepRunner runner = new StepRunner(engine, setup.model(), setup.loss(), params, optimizer);
        if (startStep == 0) {
            try (NDManager step = root.newSubManager()) {
                step.tempAttachAll(persistent);
                context.aim(0, schedule.at(0), step);
                metrics.append(recorder.record(0, params, null, step).values());
                runProbes(0);
            }
        }
        double lastLoss = Double.NaN;
        for (long t = startStep; t < total; t++) {
            if (cancel.get()) {
                return new Outcome(RunState.CANCELLED, t, lastLoss, "cancelled at step " + t);
            }
            long completed = t + 1;
            double lr = schedule.at(t);
            boolean logNow = completed % probeSpec.metricsEvery() == 0 || completed == total;
            try (NDManager step = root.newSubManager()) {
                step.tempAttachAll(persistent);
                Batch batch = batches.isFullBatch() ? data.train() : data.gather(batches.rows(t), step);
                double loss = runner.forwardBackward(batch);
                lastLoss = loss;
                if (!Double.isFinite(loss) || loss > threshold) {
                    metrics.append(MetricsLine.at(t).diverged(loss).wallTime(recorder.wallTime()).values());
                    return new Outcome(RunState.DIVERGED, t, loss, "loss " + loss + " at step " + t
                            + (Double.isFinite(loss) ? " exceeds training.divergence_threshold " + threshold : ""));
                }
                MetricsRecorder.StepStats stats = logNow
                        ? new MetricsRecorder.StepStats(loss, runner.gradientNorm(), lr) : null;
                runner.update(lr);
                context.aim(completed, lr, step);
                if (logNow) {
                    metrics.append(recorder.record(completed, params, stats, step).values());
                }
                runProbes(completed);
                boolean checkpoint = completed == total
                        || (probeSpec.checkpointEvery() > 0 && completed % probeSpec.checkpointEvery() == 0);
                if (checkpoint) {
                    metrics.sync();
                    Checkpoints.save(context.run().checkpointFile(completed), completed, params, optimizer);
                }
                progress.update(completed, loss, checkpoint);
            }
        }
        return new Outcome(RunState.COMPLETED, total, lastLoss, null);
    }

    /** Writes a checkpoint of the current state (used when a run is cancelled between steps). */
    void checkpoint(long completed) throws IOException {
        Checkpoints.save(context.run().checkpointFile(completed), completed, params, optimizer);
    }

    private void runProbes(long completed) throws Exception {
        for (TrainingProbe probe : probes) {
            if (probe.due(completed)) {
                long start = System.nanoTime();
                probe.run(context);
                log.log(String.format("probe %s at step %d took %.2f s", probe.name(), completed,
                        (System.nanoTime() - start) / 1e9));
            }
        }
    }

    private NDList persistentArrays(DeviceData data) {
        NDList list = new NDList();
        list.addAll(params.arrays());
        optimizer.stateArrays().values().forEach(list::add);
        list.addAll(recorder.initialArrays());
        for (Batch b : new Batch[] {data.train(), data.test(), data.probe()}) {
            if (b != null) {
                list.add(b.x());
                list.add(b.y());
            }
        }
        return list;
    }
}
