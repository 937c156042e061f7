package org.lmworkbench.core.tensorboard;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads event files without the package's own reader: records split here by the TFRecord layout
 * with their checksums checked, payloads parsed by protobuf-java's {@link DynamicMessage} against
 * descriptors of {@code tensorflow.Event} built here from the .proto definitions (field numbers and
 * types as in TensorFlow's event.proto, summary.proto, tensor.proto and tensor_shape.proto).
 */
final class IndependentReader {

    static final Descriptor EVENT;

    static {
        try {
            EVENT = FileDescriptor.buildFrom(file(), new FileDescriptor[0]).findMessageTypeByName("Event");
        } catch (DescriptorValidationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private IndependentReader() {
    }

    /** The events of a file, as dynamic messages of type tensorflow.Event. */
    static List<DynamicMessage> events(byte[] file) throws Exception {
        List<DynamicMessage> events = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int start = b.position();
            long length = b.getLong();
            int lengthCrc = b.getInt();
            if (lengthCrc != masked(file, start, 8)) {
                throw new IllegalStateException("length checksum wrong at " + start);
            }
            byte[] payload = new byte[(int) length];
            b.get(payload);
            if (b.getInt() != masked(payload, 0, payload.length)) {
                throw new IllegalStateException("payload checksum wrong at " + start);
            }
            events.add(DynamicMessage.parseFrom(EVENT, payload));
        }
        return events;
    }

    /** CRC32C, rotated right by 15 bits, plus the constant TFRecord adds. */
    static int masked(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int c = (int) crc.getValue();
        return Integer.rotateRight(c, 15) + 0xa282ead8;
    }

    /** Field {@code name} of a message (or its default when unset). */
    static Object get(DynamicMessage m, String name) {
        return m.getField(m.getDescriptorForType().findFieldByName(name));
    }

    static boolean has(DynamicMessage m, String name) {
        return m.hasField(m.getDescriptorForType().findFieldByName(name));
    }

    private static FileDescriptorProto file() {
        DescriptorProto event = message("Event",
                field("wall_time", 1, Type.TYPE_DOUBLE),
                field("step", 2, Type.TYPE_INT64),
                field("file_version", 3, Type.TYPE_STRING).setOneofIndex(0),
                field("graph_def", 4, Type.TYPE_BYTES).setOneofIndex(0),
                field("summary", 5, ".tensorflow.Summary").setOneofIndex(0),
                field("source_metadata", 10, ".tensorflow.SourceMetadata"))
                .toBuilder().addOneofDecl(OneofDescriptorProto.newBuilder().setName("what")).build();
        DescriptorProto source = message("SourceMetadata", field("writer", 1, Type.TYPE_STRING));
        DescriptorProto value = message("Value",
                field("node_name", 7, Type.TYPE_STRING),
                field("tag", 1, Type.TYPE_STRING),
                field("metadata", 9, ".tensorflow.SummaryMetadata"),
                field("simple_value", 2, Type.TYPE_FLOAT).setOneofIndex(0),
                field("obsolete_old_style_histogram", 3, Type.TYPE_BYTES).setOneofIndex(0),
                field("tensor", 8, ".tensorflow.TensorProto").setOneofIndex(0))
                .toBuilder().addOneofDecl(OneofDescriptorProto.newBuilder().setName("value")).build();
        DescriptorProto summary = message("Summary", field("value", 1, ".tensorflow.Summary.Value").setLabel(Label.LABEL_REPEATED))
                .toBuilder().addNestedType(value).build();
        DescriptorProto pluginData = message("PluginData",
                field("plugin_name", 1, Type.TYPE_STRING),
                field("content", 2, Type.TYPE_BYTES));
        DescriptorProto metadata = message("SummaryMetadata",
                field("plugin_data", 1, ".tensorflow.SummaryMetadata.PluginData"),
                field("display_name", 2, Type.TYPE_STRING),
                field("summary_description", 3, Type.TYPE_STRING))
                .toBuilder().addNestedType(pluginData).build();
        DescriptorProto dim = message("Dim", field("size", 1, Type.TYPE_INT64), field("name", 2, Type.TYPE_STRING));
        DescriptorProto shape = message("TensorShapeProto",
                field("dim", 2, ".tensorflow.TensorShapeProto.Dim").setLabel(Label.LABEL_REPEATED),
                field("unknown_rank", 3, Type.TYPE_BOOL))
                .toBuilder().addNestedType(dim).build();
        DescriptorProto tensor = message("TensorProto",
                field("dtype", 1, ".tensorflow.DataType").setType(Type.TYPE_ENUM),
                field("tensor_shape", 2, ".tensorflow.TensorShapeProto"),
                field("version_number", 3, Type.TYPE_INT32),
                field("tensor_content", 4, Type.TYPE_BYTES),
                field("float_val", 5, Type.TYPE_FLOAT).setLabel(Label.LABEL_REPEATED),
                field("double_val", 6, Type.TYPE_DOUBLE).setLabel(Label.LABEL_REPEATED),
                field("string_val", 8, Type.TYPE_BYTES).setLabel(Label.LABEL_REPEATED));
        EnumDescriptorProto dataType = EnumDescriptorProto.newBuilder().setName("DataType")
                .addValue(EnumValueDescriptorProto.newBuilder().setName("DT_INVALID").setNumber(0))
                .addValue(EnumValueDescriptorProto.newBuilder().setName("DT_FLOAT").setNumber(1))
                .addValue(EnumValueDescriptorProto.newBuilder().setName("DT_DOUBLE").setNumber(2))
                .addValue(EnumValueDescriptorProto.newBuilder().setName("DT_STRING").setNumber(7))
                .addValue(EnumValueDescriptorProto.newBuilder().setName("DT_HALF").setNumber(19))
                .build();
        return FileDescriptorProto.newBuilder().setName("tensorflow/event_for_tests.proto").setPackage("tensorflow")
                .setSyntax("proto3").addMessageType(event).addMessageType(source).addMessageType(summary)
                .addMessageType(metadata).addMessageType(shape).addMessageType(tensor).addEnumType(dataType).build();
    }

    private static DescriptorProto message(String name, FieldDescriptorProto.Builder... fields) {
        DescriptorProto.Builder b = DescriptorProto.newBuilder().setName(name);
        for (FieldDescriptorProto.Builder f : fields) {
            b.addField(f);
        }
        return b.build();
    }

    private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
                .setLabel(Label.LABEL_OPTIONAL);
    }

    private static FieldDescriptorProto.Builder field(String name, int number, String messageType) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(Type.TYPE_MESSAGE)
                .setTypeName(messageType).setLabel(Label.LABEL_OPTIONAL);
    }
}
