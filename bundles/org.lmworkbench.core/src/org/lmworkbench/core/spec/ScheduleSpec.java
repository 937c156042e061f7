package org.lmworkbench.core.spec;

/**
 * Learning-rate schedule ({@code "optimizer.schedule"} in a spec).
 *
 * @param kind        shape of the schedule
 * @param warmupSteps steps of linear warm-up from 0 to {@code lr}
 * @param minLr       final learning rate of the cosine decay
 */
public record ScheduleSpec(Kind kind, int warmupSteps, double minLr) {

    /** Shape of the schedule. */
    public enum Kind implements SpecEnum {
        /** Always {@code lr}. */
        CONSTANT,
        /** Linear warm-up, then constant. */
        WARMUP,
        /** Linear warm-up, then cosine decay to {@code min_lr}. */
        COSINE
    }
}
