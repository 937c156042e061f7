package org.lmworkbench.backend.train;

import ai.djl.ndarray.NDArray;
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
 * folder never holds a half-written array.
 */
public final class ActivationProbe implements TrainingProbe {

    private final ProbeSpec.Activations spec;

    private ActivationProbe(ProbeSpec.Activations spec) {
        this.spec = spec;
    }

    /** The probe of a run whose spec captures activations ({@code probes.activations.every > 0}). */
    public static Optional<TrainingProbe> forRun(ExperimentSpec spec) {
        ProbeSpec.Activations activations = spec.probes().activations();
        return activations.every() > 0 ? Optional.of(new ActivationProbe(activations)) : Optional.empty();
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
            AtomicFiles.write(context.run().activationFile(context.step(), e.getKey()),
                    Npy.encode(NpyArrays.of(e.getValue())));
        }
    }
}
