package org.lmworkbench.backend.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.backend.data.DataException;
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
import org.lmworkbench.core.spec.MemorySize;

/**
 * One training process of a run folder, from status {@code running} to a terminal status: starts
 * fresh, or continues from the newest usable checkpoint after dropping whatever a killed process
 * wrote past it. The caller holds the run's {@link org.lmworkbench.core.run.RunLock}. Owns
 * status.json (at start, every couple of seconds, at checkpoints and at the end), log.txt, the
 * metrics writer, the probes, the SIGTERM hook and the watch on the parent process.
 *
 * <p>Whatever ends the process short of SIGKILL ends the run with a final status that says why:
 * {@code failed} with the reason for a full disk, exhausted memory or an internal error,
 * {@code cancelled} for SIGTERM, {@code interrupted} when the process that started it died. On a
 * full disk the final status is written in place if it cannot be written atomically.
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
     * @param warnings receives problems found in the run folder (damaged lines, unusable checkpoints), or null
     */
    public static Outcome execute(RunDirectory run, TrainingSetup setup, Engine engine, int threads,
            List<ProbeFactory> probeFactories, PrintStream echo, PrintStream warnings) throws IOException {
        return execute(run, setup, engine, threads, probeFactories, echo, warnings, new RunControl());
    }

    /**
     * Trains {@code run} like {@link #execute(RunDirectory, TrainingSetup, Engine, int, List, PrintStream, PrintStream)},
     * stopping at the next step boundary when {@code control} is cancelled (or the JVM is asked to
     * shut down) and reporting every step to it.
     */
    public static Outcome execute(RunDirectory run, TrainingSetup setup, Engine engine, int threads,
            List<ProbeFactory> probeFactories, PrintStream echo, PrintStream warnings, RunControl control)
            throws IOException {
        ExperimentSpec spec = setup.spec();
        try (RunLog log = RunLog.open(run.logFile(), echo);
                CancellationHook hook = new CancellationHook(control.flag());
                ParentWatch parent = ParentWatch.start(hook, log)) {
            RunStatus status = Files.exists(run.statusFile()) ? run.readStatus()
                    : RunStatus.queued(Instant.now(), spec.training().steps());
            for (Path leftover : run.removeTemporaryFiles()) {
                log.log("removed " + leftover + ", left by an interrupted write");
            }
            Outcome outcome;
            StatusKeeper keeper;
            try (NDManager states = setup.manager().newSubManager()) {
                ParameterSet initial = setup.model().init(states, spec.seed(), TrainingSetup.dtype(spec));
                Checkpoints.State saved = newestUsableCheckpoint(run, setup, states, log, warnings);
                long start = saved == null ? 0 : saved.step();
                for (JsonlTruncation.DamagedLine damaged : JsonlTruncation.truncateRun(run, saved == null ? -1 : start)) {
                    log.log(damaged.toString());
                    warn(warnings, damaged.toString());
                }
                String device = DeviceChoice.describe(setup.manager().getDevice());
                status = status.started(Instant.now(), device, threads, ProcessHandle.current().pid())
                        .withVersions(BackendInfo.VERSION, Engines.djlVersion(), Engines.libtorchVersion(engine))
                        .withProgress(start, status.lastLoss());
                run.writeStatus(status);
                keeper = new StatusKeeper(run, status, log, spec.probes().metricsEvery());
                log.log((start == 0 ? "starting " : "resuming from step " + start + " of ") + run.runId() + " on "
                        + device + ", " + threads + " thread(s), DJL " + Engines.djlVersion() + ", libtorch "
                        + Engines.libtorchVersion(engine));
                outcome = train(run, setup, engine, probeFactories, hook, control, log, keeper, states, initial,
                        saved);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // Before the loop: the folder could not be prepared or the state not restored.
                outcome = failure(e, log);
                keeper = new StatusKeeper(run, status, log, spec.probes().metricsEvery());
            }
            if (control.interruption() != null) {
                hook.stop(RunState.INTERRUPTED, control.interruption());
            }
            outcome = stopped(outcome, hook);
            keeper.finish(outcome);
            hook.finished();
            return outcome;
        }
    }

    private static Outcome train(RunDirectory run, TrainingSetup setup, Engine engine, List<ProbeFactory> factories,
            CancellationHook hook, RunControl control, RunLog log, StatusKeeper keeper, NDManager states,
            ParameterSet initial, Checkpoints.State saved) throws IOException {
        ExperimentSpec spec = setup.spec();
        ParameterSet params;
        Optimizer optimizer;
        if (saved == null) {
            params = initial.copy(states);
            optimizer = Optimizers.create(spec.optimizer(), params, spec.seed());
        } else {
            params = saved.parameters();
            optimizer = Optimizers.create(spec.optimizer(), params, spec.seed());
            optimizer.restore(saved.optimizer(), saved.updates());
        }
        params.requireGradients();
        List<TrainingProbe> probes = new ArrayList<>();
        for (ProbeFactory factory : factories) {
            factory.create(spec).ifPresent(probes::add);
        }
        try (MetricsWriter metrics = MetricsWriter.open(run.metricsFile());
                LoopContext context = new LoopContext(setup, params, optimizer, run, log)) {
            MetricsRecorder recorder = new MetricsRecorder(setup.model(), setup.loss(), setup.data(), initial,
                    previousWallTime(run));
            TrainingLoop.Progress progress = (step, loss, force) -> {
                keeper.update(step, loss, force);
                control.progress(step, loss);
            };
            TrainingLoop loop = new TrainingLoop(engine, setup, params, optimizer, context, probes, metrics,
                    recorder, progress, hook.flag(), log);
            Outcome outcome = runLoop(loop, saved == null ? 0 : saved.step(), metrics, recorder, log);
            if (outcome.state() == RunState.CANCELLED && !Files.exists(run.checkpointFile(outcome.step()))) {
                try {
                    loop.checkpoint(outcome.step());
                } catch (IOException | RuntimeException e) {
                    log.log("no checkpoint at step " + outcome.step() + ": " + e.getMessage());
                }
            }
            return outcome;
        } finally {
            for (TrainingProbe p : probes) {
                closeQuietly(p, log);
            }
        }
    }

    /**
     * The newest checkpoint that is complete and fits the run, or null to start from step 0. A
     * checkpoint that cannot be used (cut off, zeroed, of another model) is skipped with a note
     * saying why; training then repeats the steps after the previous one.
     */
    private static Checkpoints.State newestUsableCheckpoint(RunDirectory run, TrainingSetup setup, NDManager states,
            RunLog log, PrintStream warnings) throws IOException {
        List<Long> steps = run.checkpointSteps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            long step = steps.get(i);
            Path file = run.checkpointFile(step);
            try {
                Checkpoints.State state = Checkpoints.read(file, setup.model(), setup.spec(), states);
                if (state.step() != step) {
                    throw new DataException(file + ": holds the state after step " + state.step() + ", not " + step);
                }
                Optimizers.create(setup.spec().optimizer(), state.parameters()).restore(state.optimizer(),
                        state.updates());
                return state;
            } catch (DataException | IllegalArgumentException e) {
                String note = "skipped checkpoint " + run.path().relativize(file) + ": " + e.getMessage()
                        + (i > 0 ? "; trying step " + steps.get(i - 1) : "; starting from step 0");
                log.log(note);
                warn(warnings, run.runId() + ": " + note);
            }
        }
        return null;
    }

    private static Outcome runLoop(TrainingLoop loop, long start, MetricsWriter metrics, MetricsRecorder recorder,
            RunLog log) {
        try {
            return loop.run(start);
        } catch (DivergenceException e) {
            try {
                metrics.append(MetricsLine.at(e.step()).diverged(e.loss()).wallTime(recorder.wallTime()).values());
            } catch (IOException | RuntimeException notWritten) {
                log.log("the diverged step could not be added to " + RunDirectory.METRICS + ": " + notWritten);
            }
            return new Outcome(RunState.DIVERGED, e.step(), e.loss(), e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            return failure(e, log);
        }
    }

    /** A failed outcome whose message says what happened in the user's terms; the stack trace goes to the log. */
    static Outcome failure(Throwable e, RunLog log) {
        String message;
        if (e instanceof OutOfMemoryError) {
            message = "out of memory (" + e.getMessage() + "; the maximum heap is "
                    + MemorySize.show(Runtime.getRuntime().maxMemory())
                    + "): raise execution.jvm_memory or make the run smaller";
        } else if (e instanceof IOException io && isNoSpace(io)) {
            message = "no space left on the device: " + io.getMessage();
        } else if (e instanceof IOException io) {
            message = "cannot write the run folder: " + io.getMessage();
        } else {
            message = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        log.log("run stopped: " + message, e);
        return new Outcome(RunState.FAILED, -1, null, message);
    }

    private static boolean isNoSpace(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left") || m.contains("Disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }

    /** A stop the loop obeyed, told apart: the user's cancellation or the death of the parent process. */
    private static Outcome stopped(Outcome outcome, CancellationHook hook) {
        if (outcome.state() != RunState.CANCELLED) {
            return outcome;
        }
        CancellationHook.Reason reason = hook.reason();
        if (reason.state() == RunState.INTERRUPTED) {
            return new Outcome(RunState.INTERRUPTED, outcome.step(), outcome.loss(), reason.message()
                    + "; stopped after step " + outcome.step() + " with a checkpoint ('resume' continues)");
        }
        return outcome;
    }

    private static void warn(PrintStream warnings, String line) {
        if (warnings != null) {
            warnings.println("warning: " + line);
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
