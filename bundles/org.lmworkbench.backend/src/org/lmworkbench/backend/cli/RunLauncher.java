package org.lmworkbench.backend.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.lmworkbench.backend.data.DataException;
import org.lmworkbench.backend.engine.DeviceChoice;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.probe.ProbeRegistry;
import org.lmworkbench.backend.train.Outcome;
import org.lmworkbench.backend.train.RunControl;
import org.lmworkbench.backend.train.RunLog;
import org.lmworkbench.backend.train.TrainingRun;
import org.lmworkbench.backend.train.TrainingSetup;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunLock;
import org.lmworkbench.core.run.RunLockedException;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * Shared by {@code run} and {@code resume}: applies command-line overrides, loads the engine, picks
 * the device and loads the data (all before anything is written, so bad input leaves no run
 * folder behind), then trains.
 */
final class RunLauncher {

    private static final Pattern SPEC_KEY = Pattern.compile(
            "(model|data|optimizer|training|probes|execution)\\.[a-z_.]+[ :]");

    private RunLauncher() {
    }

    /** Everything a run needs in memory; closing it frees the data. */
    record Prepared(Engine engine, Device device, int threads, NDManager root, TrainingSetup setup)
            implements AutoCloseable {
        @Override
        public void close() {
            setup.close();
            root.close();
        }
    }

    /**
     * Loads engine, device and data for {@code spec}.
     *
     * @param dataFolder folder a relative data.path is resolved against, or null
     * @throws UsageException for a missing GPU, unusable data or a model that does not fit the data
     */
    static Prepared prepare(ExperimentSpec spec, Path dataFolder) throws UsageException {
        Engine engine = Engines.pytorch(spec.execution().threads());
        Engines.prepareRun(spec.execution().threads(), spec.seed());
        Device device;
        try {
            device = DeviceChoice.choose(spec.execution().device(), engine);
        } catch (DeviceChoice.DeviceUnavailableException e) {
            throw new UsageException(e.getMessage());
        }
        NDManager root = NDManager.newBaseManager(device);
        try {
            TrainingSetup setup = TrainingSetup.open(spec, device, root, dataFolder);
            for (String layer : spec.probes().activations().layers()) {
                if (!setup.model().layerNames().contains(layer)) {
                    setup.close();
                    throw new IllegalArgumentException("$.probes.activations.layers: no layer '" + layer + "' in this "
                            + setup.model().family() + " (layers: " + String.join(", ", setup.model().layerNames()) + ")");
                }
            }
            return new Prepared(engine, device, Engines.threadsInUse(), root, setup);
        } catch (DataException | IllegalArgumentException e) {
            root.close();
            throw new UsageException(located(e.getMessage()));
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /**
     * Takes the run folder for this process.
     *
     * @throws UsageException if another process trains it, or the lock file cannot be written
     */
    static RunLock lock(RunDirectory run) throws UsageException {
        try {
            return RunLock.acquire(run);
        } catch (RunLockedException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException(run.path().resolve(RunLock.FILE) + ": cannot take the run folder: "
                    + RunCommand.describe(e), e);
        }
    }

    /**
     * A model's refusal of the data names the spec key it is about ("model.family cnn needs image
     * data ..."); written as the JSON path, it reads like every other spec problem.
     */
    private static String located(String message) {
        return message != null && SPEC_KEY.matcher(message).lookingAt() ? "$." + message : message;
    }

    /** Trains a prepared run whose lock this process holds and returns the exit code. */
    static int train(RunDirectory run, RunLock lock, Prepared prepared, PrintStream echo, PrintStream err) {
        return train(run, lock, prepared, echo, err, new RunControl());
    }

    /** Trains a prepared run whose lock this process holds under {@code control} and returns the exit code. */
    static int train(RunDirectory run, RunLock lock, Prepared prepared, PrintStream echo, PrintStream err,
            RunControl control) {
        lock.takenOver().ifPresent(owner -> {
            try (RunLog log = RunLog.open(run.logFile(), echo)) {
                log.log("took over the run folder from " + owner + ", which no longer runs");
            }
        });
        Outcome outcome;
        try {
            outcome = TrainingRun.execute(run, prepared.setup(), prepared.engine(), prepared.threads(),
                    ProbeRegistry.factories(), echo, err, control);
        } catch (IOException e) {
            err.println(run.runId() + ": stopped, and its final status could not be written: " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
        switch (outcome.state()) {
            case COMPLETED -> echo(echo, "completed " + run.runId() + " (" + outcome.step() + " steps) in " + run.path());
            case DIVERGED -> err.println(run.runId() + ": diverged: " + outcome.message());
            case CANCELLED, INTERRUPTED -> err.println(run.runId() + ": " + (outcome.message() == null
                    ? "cancelled after step " + outcome.step() : outcome.message()));
            default -> err.println(run.runId() + ": failed: " + outcome.message() + " (see " + run.logFile() + ")");
        }
        return switch (outcome.state()) {
            case COMPLETED -> ExitCodes.OK;
            case DIVERGED -> ExitCodes.DIVERGED;
            case INTERRUPTED -> ExitCodes.INTERRUPTED;
            case CANCELLED -> ExitCodes.CANCELLED;
            default -> ExitCodes.INTERNAL;
        };
    }

    private static void echo(PrintStream out, String line) {
        if (out != null) {
            out.println(line);
        }
    }
}
