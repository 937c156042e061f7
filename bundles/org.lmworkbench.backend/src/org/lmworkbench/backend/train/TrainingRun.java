package org.lmworkbench.backend.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.backend.engine.BackendInfo;
import org.lmworkbench.backend.engine.DeviceChoice;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.optim.Optimizer;
import org.lmworkbench.backend.optim.Optimizers;
import org.lmworkbench.core.run.MetricsLine;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.MetricsWriter;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * One training process of a run folder, from status {@code running} to a terminal status: starts
 * fresh, or continues from the newest checkpoint after dropping whatever a killed process wrote
 * past it. Owns status.json (at start, every couple of seconds, at checkpoints and at the end),
 * log.txt, the metrics writer, the probes and the SIGTERM hook.
 */
public final class TrainingRun {

    private TrainingRun() {
    }

    /**
     * Trains {@code run} with a prepared setup (data and model on the device).
     *
     * @param threads intra-op threads in use (recorded in status.json)
     * @param probeFactories the factories of every kind of probe; each decides from the spec whether it runs
     * @param echo    stream that also receives log lines, or null
     */
    public static Outcome execute(RunDirectory run, TrainingSetup setup, Engine engine, int threads,
            List<ProbeFactory> probeFactories, PrintStream echo) throws IOException {
        return execute(run, setup, engine, threads, probeFactories, echo, new RunControl());
    }

    /**
     * Trains {@code run} like {@link #execute(RunDirectory, TrainingSetup, Engine, int, List, PrintStream)},
     * stopping at the next step boundary when {@code control} is cancelled (or the JVM is asked to
     * shut down) and reporting every step to it.
     */
    public static Outcome execute(RunDirectory run, TrainingSetup setup, Engine engine, int threads,
            List<ProbeFactory> probeFactories, PrintStream echo, RunControl control) throws IOException {
        ExperimentSpec spec = setup.spec();
        try (RunLog log = RunLog.open(run.logFile(), echo);
                CancellationHook hook = new CancellationHook(control.flag())) {
            Outcome outcome;
            RunStatus status = Files.exists(run.statusFile()) ? run.readStatus()
                    : RunStatus.queued(Instant.now(), spec.training().steps());
            List<Long> checkpoints = run.checkpointSteps();
            long start = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1);
            JsonlTruncation.truncateRun(run, checkpoints.isEmpty() ? -1 : start);
            String device = DeviceChoice.describe(setup.manager().getDevice());
            status = status.started(Instant.now(), device, threads, ProcessHandle.current().pid())
                    .withVersions(BackendInfo.VERSION, Engines.djlVersion(), Engines.libtorchVersion(engine))
                    .withProgress(start, status.lastLoss());
            run.writeStatus(status);
            log.log((start == 0 ? "starting " : "resuming from step " + start + " of ") + run.runId() + " on " + device
                    + ", " + threads + " thread(s), DJL " + Engines.djlVersion() + ", libtorch "
                    + Engines.libtorchVersion(engine));
            StatusKeeper keeper = new StatusKeeper(run, status, log, spec.probes().metricsEvery());
            try (NDManager states = setup.manager().newSubManager();
                    MetricsWriter metrics = MetricsWriter.open(run.metricsFile())) {
                ParameterSet params;
                ParameterSet initial = setup.model().init(states, spec.seed(), TrainingSetup.dtype(spec));
                Optimizer optimizer;
                if (start == 0) {
                    params = initial.copy(states);
                    optimizer = Optimizers.create(spec.optimizer(), params);
                } else {
                    Checkpoints.State saved = Checkpoints.read(run.checkpointFile(start), setup.model(), spec, states);
                    params = saved.parameters();
                    optimizer = Optimizers.create(spec.optimizer(), params);
                    optimizer.restore(saved.optimizer(), saved.updates());
                }
                params.requireGradients();
                List<TrainingProbe> probes = new ArrayList<>();
                for (ProbeFactory factory : probeFactories) {
                    factory.create(spec).ifPresent(probes::add);
                }
                try (LoopContext context = new LoopContext(setup, params, optimizer, run, log)) {
                    MetricsRecorder recorder = new MetricsRecorder(setup.model(), setup.loss(), setup.data(), initial,
                            previousWallTime(run));
                    TrainingLoop.Progress progress = (step, loss, force) -> {
                        keeper.update(step, loss, force);
                        control.progress(step, loss);
                    };
                    TrainingLoop loop = new TrainingLoop(engine, setup, params, optimizer, context, probes, metrics,
                            recorder, progress, hook.flag(), log);
                    outcome = runLoop(loop, start);
                    if (outcome.state() == RunState.CANCELLED && !Files.exists(run.checkpointFile(outcome.step()))) {
                        loop.checkpoint(outcome.step());
                    }
                } finally {
                    for (TrainingProbe p : probes) {
                        closeQuietly(p, log);
                    }
                }
            }
            keeper.finish(outcome);
            hook.finished();
            return outcome;
        }
    }

    private static Outcome runLoop(TrainingLoop loop, long start) {
        try {
            return loop.run(start);
        } catch (Exception | OutOfMemoryError e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Outcome(RunState.FAILED, -1, null, message);
        }
    }

    /** The wall time of the last kept metrics line, so a resumed run's clock continues. */
    private static double previousWallTime(RunDirectory run) {
        try {
            List<MetricsRecord> records = MetricsReader.readAll(run.metricsFile());
            double last = records.isEmpty() ? 0 : records.get(records.size() - 1).number(MetricsLine.WALL_TIME);
            return Double.isFinite(last) && last > 0 ? last : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void closeQuietly(TrainingProbe probe, RunLog log) {
        try {
            probe.close();
        } catch (Exception e) {
            log.log("probe " + probe.name() + " failed to close: " + e);
        }
    }
}
