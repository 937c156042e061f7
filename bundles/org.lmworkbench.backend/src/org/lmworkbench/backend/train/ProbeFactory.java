package org.lmworkbench.backend.train;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * The probes of a run. Built-in: activation capture. Optional, found by reflection so that the
 * training loop does not depend on it at compile time: {@value #SHARPNESS_PROBE}, instantiated
 * through a public constructor taking an {@link ExperimentSpec} when the class is on the class path.
 * It is instantiated for every run and decides itself (through {@link TrainingProbe#due}) whether
 * sharpness or trace measurements are switched on.
 */
public final class ProbeFactory {

    /** Class name of the Hessian helper's probe. */
    public static final String SHARPNESS_PROBE = "org.lmworkbench.backend.hessian.SharpnessProbe";

    private ProbeFactory() {
    }

    /**
     * Every probe for a run of {@code spec}.
     *
     * @throws IllegalStateException if the optional probe exists but cannot be created
     */
    public static List<TrainingProbe> create(ExperimentSpec spec) {
        List<TrainingProbe> probes = new ArrayList<>();
        if (spec.probes().activations().every() > 0) {
            probes.add(new ActivationProbe(spec.probes().activations()));
        }
        TrainingProbe sharpness = optional(SHARPNESS_PROBE, spec);
        if (sharpness != null) {
            probes.add(sharpness);
        }
        return probes;
    }

    /** Instantiates {@code className(spec)} if the class exists, else null. */
    static TrainingProbe optional(String className, ExperimentSpec spec) {
        Class<?> type;
        try {
            type = Class.forName(className, true, ProbeFactory.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
        try {
            return (TrainingProbe) type.getConstructor(ExperimentSpec.class).newInstance(spec);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create " + className + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(className + " must implement TrainingProbe and have a public "
                    + "constructor taking an ExperimentSpec", e);
        }
    }
}
