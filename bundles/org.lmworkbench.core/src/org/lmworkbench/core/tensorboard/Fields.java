package org.lmworkbench.core.tensorboard;

/**
 * Field numbers of the protobuf messages in an event file, from TensorFlow's {@code event.proto},
 * {@code summary.proto}, {@code tensor.proto} and {@code tensor_shape.proto} (which TensorBoard
 * ships as its own copies). Only the fields this package reads or writes are listed.
 */
final class Fields {

    // tensorflow.Event
    static final int EVENT_WALL_TIME = 1; // double
    static final int EVENT_STEP = 2; // int64
    static final int EVENT_FILE_VERSION = 3; // string, in the oneof "what"
    static final int EVENT_SUMMARY = 5; // Summary, in the oneof "what"
    static final int EVENT_SOURCE_METADATA = 10; // SourceMetadata

    // tensorflow.SourceMetadata
    static final int SOURCE_WRITER = 1; // string

    // tensorflow.Summary
    static final int SUMMARY_VALUE = 1; // repeated Summary.Value

    // tensorflow.Summary.Value
    static final int VALUE_TAG = 1; // string
    static final int VALUE_SIMPLE_VALUE = 2; // float, in the oneof "value"
    static final int VALUE_OLD_HISTOGRAM = 3; // bytes, in the oneof
    static final int VALUE_IMAGE = 4; // Summary.Image, in the oneof
    static final int VALUE_HISTO = 5; // HistogramProto, in the oneof
    static final int VALUE_AUDIO = 6; // Summary.Audio, in the oneof
    static final int VALUE_TENSOR = 8; // TensorProto, in the oneof
    static final int VALUE_METADATA = 9; // SummaryMetadata

    // tensorflow.SummaryMetadata
    static final int METADATA_PLUGIN_DATA = 1; // SummaryMetadata.PluginData
    static final int METADATA_DATA_CLASS = 4; // enum DataClass

    // tensorflow.SummaryMetadata.PluginData
    static final int PLUGIN_NAME = 1; // string

    // tensorflow.TensorProto
    static final int TENSOR_DTYPE = 1; // enum DataType
    static final int TENSOR_SHAPE = 2; // TensorShapeProto
    static final int TENSOR_CONTENT = 4; // bytes, little-endian
    static final int TENSOR_FLOAT_VAL = 5; // repeated float
    static final int TENSOR_DOUBLE_VAL = 6; // repeated double
    static final int TENSOR_INT_VAL = 7; // repeated int32
    static final int TENSOR_STRING_VAL = 8; // repeated bytes
    static final int TENSOR_INT64_VAL = 10; // repeated int64
    static final int TENSOR_HALF_VAL = 13; // repeated int32 holding 16-bit floats

    // tensorflow.TensorShapeProto
    static final int SHAPE_DIM = 2; // repeated Dim
    // tensorflow.TensorShapeProto.Dim
    static final int DIM_SIZE = 1; // int64

    // tensorflow.DataType values this package reads as numbers
    static final int DT_FLOAT = 1;
    static final int DT_DOUBLE = 2;
    static final int DT_INT32 = 3;
    static final int DT_INT64 = 9;
    static final int DT_BFLOAT16 = 14;
    static final int DT_HALF = 19;

    // tensorflow.SummaryMetadata.DataClass
    static final int DATA_CLASS_SCALAR = 1;

    private Fields() {
    }
}
