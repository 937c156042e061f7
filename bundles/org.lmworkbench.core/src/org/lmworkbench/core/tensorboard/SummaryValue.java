package org.lmworkbench.core.tensorboard;

import java.util.Objects;

/**
 * One value of an event's summary, as far as this package understands it: a scalar, a text, or
 * something else (a histogram, an image, a tensor of another plugin) that is only named.
 */
public sealed interface SummaryValue {

    /** The tag, TensorBoard's name of the series. */
    String tag();

    /**
     * A scalar. Event files written here store it as a 32-bit float ({@code simple_value}); files
     * read may also hold it as a one-element tensor of another type (e.g. float64), whose value is
     * kept as it is.
     *
     * @param tag   series name
     * @param value the value; NaN and infinities are allowed
     */
    record Scalar(String tag, double value) implements SummaryValue {

        /** Checks the tag. */
        public Scalar {
            Objects.requireNonNull(tag, "tag");
        }
    }

    /**
     * A text summary (TensorBoard's text plugin), which TensorBoard renders as Markdown.
     *
     * @param tag  series name
     * @param text the text; several strings of one tensor are joined by line breaks
     */
    record Text(String tag, String text) implements SummaryValue {

        /** Checks the values. */
        public Text {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A value that is neither a scalar nor a text.
     *
     * @param tag  series name
     * @param kind what it is: {@code histogram}, {@code image}, {@code audio}, the plugin name of a
     *             tensor (e.g. {@code histograms}, {@code pr_curves}), {@code tensor} for a tensor
     *             of no plugin, or {@code empty}
     */
    record Other(String tag, String kind) implements SummaryValue {

        /** Checks the values. */
        public Other {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
