package org.lmworkbench.ui.runs;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Reads the scalars of a TensorBoard event file without the product's reader: TFRecord frames split
 * and their CRC32C checked here, each payload parsed by protobuf-java as a set of unknown fields,
 * picked by the field numbers of TensorFlow's event.proto and summary.proto (Event: wall_time 1,
 * step 2, summary 5; Summary: value 1; Value: tag 1, simple_value 2).
 */
final class WireFormatEvents {

    private WireFormatEvents() {
    }

    /** tag -> step -> value of every simple_value in the file. */
    static Map<String, Map<Long, Float>> scalars(byte[] file) throws Exception {
        Map<String, Map<Long, Float>> out = new LinkedHashMap<>();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int start = b.position();
            long length = b.getLong();
            if (b.getInt() != masked(file, start, 8)) {
                throw new IllegalStateException("length checksum wrong at byte " + start);
            }
            byte[] payload = new byte[(int) length];
            b.get(payload);
            if (b.getInt() != masked(payload, 0, payload.length)) {
                throw new IllegalStateException("payload checksum wrong at byte " + start);
            }
            UnknownFieldSet event = UnknownFieldSet.parseFrom(payload);
            long step = event.hasField(2) ? event.getField(2).getVarintList().get(0) : 0;
            if (!event.hasField(5)) {
                continue;
            }
            for (ByteString summary : event.getField(5).getLengthDelimitedList()) {
                for (ByteString value : UnknownFieldSet.parseFrom(summary).getField(1).getLengthDelimitedList()) {
                    UnknownFieldSet v = UnknownFieldSet.parseFrom(value);
                    if (v.hasField(2) && !v.getField(2).getFixed32List().isEmpty()) {
                        String tag = v.getField(1).getLengthDelimitedList().get(0).toStringUtf8();
                        float simple = Float.intBitsToFloat(v.getField(2).getFixed32List().get(0));
                        out.computeIfAbsent(tag, t -> new TreeMap<>()).put(step, simple);
                    }
                }
            }
        }
        return out;
    }

    private static int masked(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return Integer.rotateRight((int) crc.getValue(), 15) + 0xa282ead8;
    }
}
