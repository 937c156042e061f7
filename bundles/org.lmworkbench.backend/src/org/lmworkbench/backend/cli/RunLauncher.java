package org.lmworkbench.backend.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.lmworkbench.backend.data.DataException;
import org.lmworkbench.backend.engine.DeviceChoice;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.probe.ProbeRegistry;
import org.lmworkbench.backend.train.Outcome;
import org.lmworkbench.backend.train.RunControl;
import org.lmworkbench.backend.train.TrainingRun;
import org.lmworkbench.backend.train.TrainingSetup;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * Shared by {@code run} and {@code resume}: applies command-line overrides, loads the engine, picks
 * the device and loads the data (all before anything is written, so bad input leaves no run
 * folder behind), then trains.
 */
final class RunLauncher {

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
                    throw new IllegalArgumentException("probes.activations.layers: no layer '" + layer + "' in this "
                            + setup.model().family() + " (layers: " + String.join(", ", setup.model().layerNames()) + ")");
                }
            }
            return new Prepared(engine, device, Engines.threadsInUse(), root, setup);
        } catch (DataException | IllegalArgumentException e) {
            root.close();
            throw new UsageException(e.getMessage());
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** Trains a prepared run and returns the exit code. */
    static int train(RunDirectory run, Prepared prepared, PrintStream echo, PrintStream err) throws IOException {
        return train(run, prepared, echo, err, new RunControl());
    }

    /** Trains a prepared run under {@code control} and returns the exit code. */
    static int train(RunDirectory run, Prepared prepared, PrintStream echo, PrintStream err, RunControl control)
            throws IOException {
        Outcome outcome = TrainingRun.execute(run, prepared.setup(), prepared.engine(), prepared.threads(),
                ProbeRegistry.factories(), echo, control);
        switch (outcome.state()) {
            case COMPLETED -> echo(echo, "completed " + run.runId() + " (" + outcome.step() + " steps) in " + run.path());
            case DIVERGED -> err.println(run.runId() + ": diverged: " + outcome.message());
            case CANCELLED -> err.println(run.runId() + ": " + outcome.message());
            default -> err.println(run.runId() + ": failed: " + outcome.message() + " (see " + run.logFile() + ")");
        }
        return switch (outcome.state()) {
            case COMPLETED -> ExitCodes.OK;
            case DIVERGED -> ExitCodes.DIVERGED;
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
