package org.lmworkbench.backend.train;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmworkbench.backend.data.NpyArrays;
import org.lmworkbench.core.format.Npy;
import org.lmworkbench.core.run.AtomicFiles;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ProbeSpec;

/**
 * Captures hidden activations on the fixed probe subset as {@code activations/step-<n>/<layer>.npy}
 * ({@code [probe_size, ...]}, in the training dtype). Each file is written atomically, so a capture
 * folder never holds a half-written array. Captures are forced to disk together at the run's
 * checkpoints and at its end rather than one by one: a run capturing every step writes many small
 * files, each forced write costs a disk flush, and durability matters where a resumed run starts
 * again (captures after the last checkpoint are written again by the resumed run).
 */
public final class ActivationProbe implements TrainingProbe {

    private final ProbeSpec.Activations spec;
    private final ProbeSpec probes;
    private final long totalSteps;
    private final List<Path> unforced = new ArrayList<>();

    private ActivationProbe(ExperimentSpec run) {
        this.spec = run.probes().activations();
        this.probes = run.probes();
        this.totalSteps = run.training().steps();
    }

    /** The probe of a run whose spec captures activations ({@code probes.activations.every > 0}). */
    public static Optional<TrainingProbe> forRun(ExperimentSpec spec) {
        return spec.probes().activations().every() > 0 ? Optional.of(new ActivationProbe(spec)) : Optional.empty();
    }

    @Override
    public String name() {
        return "activations";
    }

    @Override
    public boolean due(long step) {
        return spec.every() > 0 && step % spec.every() == 0;
    }

    @Override
    public void run(ProbeContext context) throws Exception {
        List<String> known = context.model().layerNames();
        List<String> wanted = spec.layers().isEmpty() ? known : spec.layers();
        for (String layer : wanted) {
            if (!known.contains(layer)) {
                throw new IllegalArgumentException("$.probes.activations.layers: no layer '" + layer + "' in this "
                        + context.model().family() + " (layers: " + String.join(", ", known) + ")");
            }
        }
        Map<String, NDArray> captured = new LinkedHashMap<>();
        context.model().forward(context.parameters(), context.probeData().x(), false, (layer, activation) -> {
            if (wanted.contains(layer)) {
                captured.put(layer, activation);
            }
        });
        for (Map.Entry<String, NDArray> e : captured.entrySet()) {
            Path file = context.run().activationFile(context.step(), e.getKey());
            AtomicFiles.writeUnforced(file, Npy.encode(NpyArrays.of(e.getValue())));
            unforced.add(file);
        }
        long step = context.step();
        // The loop writes a checkpoint right after the probes of these steps.
        if (step == totalSteps || (probes.checkpointEvery() > 0 && step % probes.checkpointEvery() == 0)) {
            force();
        }
    }

    private void force() throws IOException {
        AtomicFiles.force(unforced);
        unforced.clear();
    }

    /** Forces what is left, e.g. when the run was cancelled between checkpoints. */
    @Override
    public void close() throws IOException {
        force();
    }
}
