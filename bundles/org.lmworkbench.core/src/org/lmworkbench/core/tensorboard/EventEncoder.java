package org.lmworkbench.core.tensorboard;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serialises an {@link Event} in the protobuf wire format of {@code tensorflow.Event}, field by
 * field through protobuf-java's {@link CodedOutputStream}: TensorBoard's message classes are not
 * published for Java, and the few fields needed are fixed by the format.
 * <p>
 * The bytes are those Python's protobuf produces for the same message, so files match what
 * TensorBoard's own writer makes: fields in number order, proto3 defaults (a zero step, an empty
 * string) left out, but {@code simple_value} always written, since it sits in a oneof and is
 * therefore present even when zero.
 */
final class EventEncoder {

    /** {@code DataType.DT_STRING} of TensorFlow's types.proto. */
    static final int DT_STRING = 7;
    /** Plugin of TensorBoard's text dashboard. */
    static final String TEXT_PLUGIN = "text";

    private EventEncoder() {
    }

    /** The serialised event. */
    static byte[] encode(Event event) {
        return message(out -> {
            if (Double.doubleToRawLongBits(event.wallTime()) != 0) {
                out.writeDouble(Fields.EVENT_WALL_TIME, event.wallTime());
            }
            if (event.step() != 0) {
                out.writeInt64(Fields.EVENT_STEP, event.step());
            }
            if (event.fileVersion() != null && !event.fileVersion().isEmpty()) {
                out.writeString(Fields.EVENT_FILE_VERSION, event.fileVersion());
            }
            if (!event.values().isEmpty()) {
                out.writeByteArray(Fields.EVENT_SUMMARY, message(summary -> {
                    for (SummaryValue value : event.values()) {
                        summary.writeByteArray(Fields.SUMMARY_VALUE, value(value));
                    }
                }));
            }
            if (event.sourceWriter() != null) {
                out.writeByteArray(Fields.EVENT_SOURCE_METADATA,
                        message(source -> writeString(source, Fields.SOURCE_WRITER, event.sourceWriter())));
            }
        });
    }

    private static byte[] value(SummaryValue value) {
        return message(out -> {
            writeString(out, Fields.VALUE_TAG, value.tag());
            switch (value) {
                case SummaryValue.Scalar s -> out.writeFloat(Fields.VALUE_SIMPLE_VALUE, (float) s.value());
                case SummaryValue.Text t -> {
                    out.writeByteArray(Fields.VALUE_TENSOR, textTensor(t.text()));
                    out.writeByteArray(Fields.VALUE_METADATA, message(metadata -> metadata.writeByteArray(
                            Fields.METADATA_PLUGIN_DATA,
                            message(plugin -> writeString(plugin, Fields.PLUGIN_NAME, TEXT_PLUGIN)))));
                }
                case SummaryValue.Other o -> throw new IllegalArgumentException(
                        "cannot write a value of kind '" + o.kind() + "' (tag '" + o.tag() + "')");
            }
        });
    }

    /** A string tensor of shape [1], as TensorBoard's text plugin reads it. */
    private static byte[] textTensor(String text) {
        return message(out -> {
            out.writeEnum(Fields.TENSOR_DTYPE, DT_STRING);
            out.writeByteArray(Fields.TENSOR_SHAPE,
                    message(shape -> shape.writeByteArray(Fields.SHAPE_DIM, message(dim -> dim.writeInt64(Fields.DIM_SIZE, 1)))));
            out.writeByteArray(Fields.TENSOR_STRING_VAL, text.getBytes(StandardCharsets.UTF_8));
        });
    }

    private static void writeString(CodedOutputStream out, int field, String value) throws IOException {
        if (!value.isEmpty()) {
            out.writeString(field, value);
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    /** The bytes of a message, which an enclosing message then writes length-delimited. */
    private static byte[] message(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }
}
