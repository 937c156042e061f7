package org.lmworkbench.core.slurm;

import java.time.Duration;
import java.util.Objects;

/**
 * A partition as {@code scontrol show partition} describes it, with what submission checks need.
 *
 * @param name      its name
 * @param state     {@code UP}, {@code DOWN}, {@code DRAIN} or {@code INACTIVE}
 * @param isDefault whether jobs that name no partition go here
 * @param maxTime   the longest time limit it accepts; null when unlimited
 * @param totalCpus how many CPUs its nodes have together
 * @param totalNodes how many nodes it has
 */
public record SlurmPartition(String name, String state, boolean isDefault, Duration maxTime, int totalCpus,
        int totalNodes) {

    /** Checks that nothing required is missing. */
    public SlurmPartition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    /** True when it accepts and starts jobs. */
    public boolean isUp() {
        return "UP".equals(state);
    }
}
