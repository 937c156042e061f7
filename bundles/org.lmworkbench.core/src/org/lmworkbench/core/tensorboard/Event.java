package org.lmworkbench.core.tensorboard;

import java.util.List;

/**
 * A {@code tensorflow.Event} as far as TensorBoard's scalars and texts need it. The first event of
 * a file announces the file version ({@code brain.Event:2}) and usually names the program that
 * wrote it; the others carry a summary of values logged at one step.
 *
 * @param wallTime     seconds since the Unix epoch (0 when unknown)
 * @param step         the training step
 * @param fileVersion  {@code brain.Event:2} in the first event of a file, else null
 * @param sourceWriter the writing program named in the first event, or null
 * @param values       the summary's values, possibly none
 */
public record Event(double wallTime, long step, String fileVersion, String sourceWriter, List<SummaryValue> values) {

    /** The file version TensorBoard expects. */
    public static final String FILE_VERSION = "brain.Event:2";

    /** Copies the values. */
    public Event {
        values = List.copyOf(values);
    }

    /** The first event of a file written by {@code writer} at {@code wallTime}. */
    public static Event header(double wallTime, String writer) {
        return new Event(wallTime, 0, FILE_VERSION, writer, List.of());
    }

    /** An event with the values logged at {@code step}. */
    public static Event summary(double wallTime, long step, List<SummaryValue> values) {
        return new Event(wallTime, step, null, null, values);
    }
}
