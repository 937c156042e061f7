package org.lmworkbench.core.tensorboard;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the wire format of {@code tensorflow.Event} into an {@link Event}, keeping scalars and
 * texts and naming everything else. Scalars come in two shapes: {@code simple_value} (TensorBoard's
 * classic writers, PyTorch's default) and a one-element tensor with the {@code scalars} plugin
 * (tf.summary v2, PyTorch with {@code new_style=True}), possibly float64 or float16.
 * <p>
 * Writers of the second shape may attach the plugin metadata only to the first value of each tag,
 * so a decoder remembers each tag's plugin; use one decoder for all files of a run.
 */
final class EventDecoder {

    private static final String SCALARS_PLUGIN = "scalars";

    private final Map<String, String> pluginByTag = new HashMap<>();

    /**
     * The event in {@code payload}.
     *
     * @throws IOException (an {@code InvalidProtocolBufferException}) if it is not a valid message
     */
    Event decode(byte[] payload) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(payload);
        double wallTime = 0;
        long step = 0;
        String fileVersion = null;
        String writer = null;
        List<SummaryValue> values = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case Fields.EVENT_WALL_TIME -> wallTime = in.readDouble();
                case Fields.EVENT_STEP -> step = in.readInt64();
                case Fields.EVENT_FILE_VERSION -> fileVersion = in.readStringRequireUtf8();
                case Fields.EVENT_SUMMARY -> summary(in.readByteArray(), values);
                case Fields.EVENT_SOURCE_METADATA -> writer = sourceWriter(in.readByteArray());
                default -> in.skipField(tag);
            }
        }
        return new Event(wallTime, step, fileVersion, writer, values);
    }

    private static String sourceWriter(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String writer = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == Fields.SOURCE_WRITER) {
                writer = in.readStringRequireUtf8();
            } else {
                in.skipField(tag);
            }
        }
        return writer;
    }

    private void summary(byte[] bytes, List<SummaryValue> values) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == Fields.SUMMARY_VALUE) {
                values.add(value(in.readByteArray()));
            } else {
                in.skipField(tag);
            }
        }
    }

    private SummaryValue value(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String tag = "";
        Float simple = null;
        String other = null;
        byte[] tensor = null;
        String plugin = null;
        boolean scalarClass = false;
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(t)) {
                case Fields.VALUE_TAG -> tag = in.readStringRequireUtf8();
                case Fields.VALUE_SIMPLE_VALUE -> simple = in.readFloat();
                case Fields.VALUE_TENSOR -> tensor = in.readByteArray();
                case Fields.VALUE_METADATA -> {
                    Metadata m = metadata(in.readByteArray());
                    plugin = m.plugin();
                    scalarClass = m.scalarClass();
                }
                case Fields.VALUE_OLD_HISTOGRAM, Fields.VALUE_HISTO -> other = skip(in, t, "histogram");
                case Fields.VALUE_IMAGE -> other = skip(in, t, "image");
                case Fields.VALUE_AUDIO -> other = skip(in, t, "audio");
                default -> in.skipField(t);
            }
        }
        if (plugin != null && !plugin.isEmpty()) {
            pluginByTag.put(tag, plugin);
        } else {
            plugin = pluginByTag.getOrDefault(tag, "");
        }
        if (simple != null) {
            return new SummaryValue.Scalar(tag, simple);
        }
        if (other != null) {
            return new SummaryValue.Other(tag, other);
        }
        if (tensor == null) {
            return new SummaryValue.Other(tag, "empty");
        }
        Tensor t = Tensor.parse(tensor);
        if (plugin.equals(EventEncoder.TEXT_PLUGIN) && t.dtype == EventEncoder.DT_STRING) {
            List<String> strings = new ArrayList<>();
            t.strings.forEach(s -> strings.add(new String(s, StandardCharsets.UTF_8)));
            return new SummaryValue.Text(tag, String.join("\n", strings));
        }
        if (plugin.equals(SCALARS_PLUGIN) || scalarClass) {
            Double v = t.scalar();
            if (v != null) {
                return new SummaryValue.Scalar(tag, v);
            }
        }
        return new SummaryValue.Other(tag, plugin.isEmpty() ? "tensor" : plugin);
    }

    private static String skip(CodedInputStream in, int tag, String kind) throws IOException {
        in.skipField(tag);
        return kind;
    }

    private record Metadata(String plugin, boolean scalarClass) {
    }

    private static Metadata metadata(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String plugin = null;
        boolean scalarClass = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case Fields.METADATA_PLUGIN_DATA -> plugin = pluginName(in.readByteArray());
                case Fields.METADATA_DATA_CLASS -> scalarClass = in.readEnum() == Fields.DATA_CLASS_SCALAR;
                default -> in.skipField(tag);
            }
        }
        return new Metadata(plugin, scalarClass);
    }

    private static String pluginName(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String name = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == Fields.PLUGIN_NAME) {
                name = in.readStringRequireUtf8();
            } else {
                in.skipField(tag);
            }
        }
        return name;
    }

    /** The parts of a {@code TensorProto} that hold a scalar or strings. */
    private static final class Tensor {
        int dtype;
        long elements = 1;
        byte[] content = new byte[0];
        final List<Float> floats = new ArrayList<>();
        final List<Double> doubles = new ArrayList<>();
        final List<Long> ints = new ArrayList<>();
        final List<Long> halves = new ArrayList<>();
        final List<byte[]> strings = new ArrayList<>();

        @FunctionalInterface
        private interface Element {
            void read(CodedInputStream in) throws IOException;
        }

        static Tensor parse(byte[] bytes) throws IOException {
            Tensor t = new Tensor();
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case Fields.TENSOR_DTYPE -> t.dtype = in.readEnum();
                    case Fields.TENSOR_SHAPE -> t.elements = elements(in.readByteArray());
                    case Fields.TENSOR_CONTENT -> t.content = in.readByteArray();
                    case Fields.TENSOR_FLOAT_VAL -> repeated(in, tag, i -> t.floats.add(i.readFloat()));
                    case Fields.TENSOR_DOUBLE_VAL -> repeated(in, tag, i -> t.doubles.add(i.readDouble()));
                    case Fields.TENSOR_INT_VAL -> repeated(in, tag, i -> t.ints.add((long) i.readInt32()));
                    case Fields.TENSOR_INT64_VAL -> repeated(in, tag, i -> t.ints.add(i.readInt64()));
                    case Fields.TENSOR_HALF_VAL -> repeated(in, tag, i -> t.halves.add((long) i.readInt32()));
                    case Fields.TENSOR_STRING_VAL -> t.strings.add(in.readByteArray());
                    default -> in.skipField(tag);
                }
            }
            return t;
        }

        /** Repeated numbers come packed (proto3's default) or one per field; readers must take both. */
        private static void repeated(CodedInputStream in, int tag, Element element) throws IOException {
            if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = in.pushLimit(in.readRawVarint32());
                while (!in.isAtEnd()) {
                    element.read(in);
                }
                in.popLimit(limit);
            } else {
                element.read(in);
            }
        }

        /** Number of elements of a shape: 1 for a scalar (no dimensions), -1 if unknown. */
        private static long elements(byte[] bytes) throws IOException {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            long n = 1;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) == Fields.SHAPE_DIM) {
                    long size = dimSize(in.readByteArray());
                    n = size < 0 || n < 0 ? -1 : n * size;
                } else {
                    in.skipField(tag);
                }
            }
            return n;
        }

        private static long dimSize(byte[] bytes) throws IOException {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            long size = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) == Fields.DIM_SIZE) {
                    size = in.readInt64();
                } else {
                    in.skipField(tag);
                }
            }
            return size;
        }

        /** The value of a one-element numeric tensor, or null for anything else. */
        Double scalar() {
            if (elements != 1) {
                return null;
            }
            ByteBuffer c = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
            return switch (dtype) {
                case Fields.DT_FLOAT -> content.length == 4 ? Double.valueOf(c.getFloat()) : first(floats);
                case Fields.DT_DOUBLE -> content.length == 8 ? Double.valueOf(c.getDouble()) : first(doubles);
                case Fields.DT_INT32 -> content.length == 4 ? Double.valueOf(c.getInt()) : first(ints);
                case Fields.DT_INT64 -> content.length == 8 ? Double.valueOf(c.getLong()) : first(ints);
                case Fields.DT_HALF -> half(content.length == 2 ? Long.valueOf(c.getShort()) : firstBits(), false);
                case Fields.DT_BFLOAT16 -> half(content.length == 2 ? Long.valueOf(c.getShort()) : firstBits(), true);
                default -> null;
            };
        }

        private Long firstBits() {
            return halves.isEmpty() ? null : halves.get(0);
        }

        private static Double half(Long bits, boolean brain) {
            if (bits == null) {
                return null;
            }
            int b = (int) (bits & 0xffff);
            return (double) (brain ? Float.intBitsToFloat(b << 16) : Float.float16ToFloat((short) b));
        }

        private static Double first(List<? extends Number> values) {
            return values.isEmpty() ? null : values.get(0).doubleValue();
        }
    }
}
