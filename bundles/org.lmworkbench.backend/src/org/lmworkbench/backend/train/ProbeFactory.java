package org.lmworkbench.backend.train;

import java.util.Optional;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * Creates one kind of {@link TrainingProbe} for a run, or none when the run's spec does not switch
 * that probe on. The training run receives the factories from its caller and knows probes only
 * through this interface and {@link TrainingProbe}.
 */
@FunctionalInterface
public interface ProbeFactory {

    /**
     * The probe for a run of {@code spec}, or empty.
     *
     * @throws IllegalArgumentException if the spec asks for something the probe cannot do
     */
    Optional<TrainingProbe> create(ExperimentSpec spec);
}
