package org.lmworkbench.backend.probe;

import java.util.List;
import org.lmworkbench.backend.diagnostics.FeaturesProbe;
import org.lmworkbench.backend.diagnostics.ModesProbe;
import org.lmworkbench.backend.diagnostics.NoiseProbe;
import org.lmworkbench.backend.hessian.SharpnessDimensionProbe;
import org.lmworkbench.backend.hessian.SharpnessProbe;
import org.lmworkbench.backend.train.ActivationProbe;
import org.lmworkbench.backend.train.ProbeFactory;

/**
 * Every kind of probe a training run can take, in the order they run after a step: activation
 * captures, then the Hessian measurements (sharpness and trace). A new probe is a
 * {@link org.lmworkbench.backend.train.TrainingProbe} with a factory and one line here; the training
 * loop receives this list and does not depend on any probe's package.
 */
public final class ProbeRegistry {

    private static final List<ProbeFactory> FACTORIES = List.of(
            ActivationProbe::forRun,
            SharpnessProbe::forRun,
            FeaturesProbe::forRun,
            ModesProbe::forRun,
            NoiseProbe::forRun,
            SharpnessDimensionProbe::forRun);

    private ProbeRegistry() {
    }

    /** The factory of every probe. */
    public static List<ProbeFactory> factories() {
        return FACTORIES;
    }
}
