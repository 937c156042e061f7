package org.lmworkbench.backend.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes numpy's {@code .npy} format (versions 1-3). DJL has no public single-array
 * writer and reads big-endian files wrongly, so this small implementation does both: big-endian
 * data is byte-swapped and Fortran-order data is reordered to C order when read, and every problem
 * with a header is reported with the file name and what is wrong.
 */
public final class NpyFormat {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFormat() {
    }

    /** The bytes of a version 1.0 {@code .npy} file holding {@code array}. */
    public static byte[] encode(NpyArray array) {
        StringBuilder shape = new StringBuilder();
        for (long d : array.shape()) {
            shape.append(d).append(", ");
        }
        if (array.shape().length > 1) {
            shape.setLength(shape.length() - 2);
        } else if (array.shape().length == 1) {
            shape.setLength(shape.length() - 1);
        }
        String endian = array.type().bytes == 1 ? "|" : "<";
        String dict = "{'descr': '" + endian + array.type().code() + "', 'fortran_order': False, 'shape': ("
                + shape.toString().trim() + "), }";
        // Magic (6) + version (2) + length (2) + header must be a multiple of 64, header ends in '\n'.
        int total = 10 + dict.length() + 1;
        int padding = (64 - total % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 + header.length() + array.data().length);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(array.data());
        return out.toByteArray();
    }

    /**
     * Parses a {@code .npy} file's bytes.
     *
     * @param source named in error messages, e.g. the file path or {@code archive.npz:x.npy}
     * @throws DataException if the bytes are not a readable .npy array
     */
    public static NpyArray decode(byte[] bytes, String source) {
        if (bytes.length < 10 || !startsWithMagic(bytes)) {
            throw new DataException(source + ": not a .npy file (bad magic bytes; expected \\x93NUMPY)");
        }
        int major = bytes[6];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = b.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new DataException(source + ": truncated .npy header");
            }
            headerLength = b.getInt(8) & 0xffffffffL;
            headerStart = 12;
        } else {
            throw new DataException(source + ": unsupported .npy format version " + major + "." + bytes[7]);
        }
        if (headerStart + headerLength > bytes.length) {
            throw new DataException(source + ": truncated .npy header (header length " + headerLength
                    + " but the file has " + bytes.length + " bytes)");
        }
        String header = new String(bytes, headerStart, (int) headerLength, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeMatch = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
            throw new DataException(source + ": bad .npy header (needs 'descr', 'fortran_order' and 'shape'): "
                    + header.trim());
        }
        NpyArray.ElementType type = NpyArray.ElementType.ofCode(descr.group(2) + descr.group(3));
        if (type == null) {
            throw new DataException(source + ": unsupported .npy dtype '" + descr.group(1) + descr.group(2)
                    + descr.group(3) + "' (supported: bool, int8-64, uint8, float32, float64)");
        }
        long[] shape = parseShape(shapeMatch.group(1), source);
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        long start = headerStart + headerLength;
        long expected = size * type.bytes;
        if (bytes.length - start < expected) {
            throw new DataException(source + ": truncated .npy data (shape " + shapeMatch.group(1).trim()
                    + " needs " + expected + " bytes, the file has " + (bytes.length - start) + ")");
        }
        byte[] data = java.util.Arrays.copyOfRange(bytes, (int) start, (int) (start + expected));
        if (descr.group(1).equals(">") && type.bytes > 1) {
            swapBytes(data, type.bytes);
        }
        if (fortran.group(1).equals("True") && shape.length > 1) {
            data = fortranToC(data, shape, type.bytes);
        }
        return new NpyArray(shape, type, data);
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static long[] parseShape(String text, String source) {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim().replace("L", "");
            if (t.isEmpty()) {
                continue;
            }
            try {
                long d = Long.parseLong(t);
                if (d < 0) {
                    throw new NumberFormatException();
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw new DataException(source + ": bad .npy header: shape (" + text + ") is not a tuple of sizes");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static void swapBytes(byte[] data, int width) {
        for (int i = 0; i < data.length; i += width) {
            for (int a = 0, z = width - 1; a < z; a++, z--) {
                byte t = data[i + a];
                data[i + a] = data[i + z];
                data[i + z] = t;
            }
        }
    }

    /** Reorders column-major elements to row-major. */
    private static byte[] fortranToC(byte[] data, long[] shape, int width) {
        int rank = shape.length;
        long[] fStride = new long[rank];
        long s = 1;
        for (int k = 0; k < rank; k++) {
            fStride[k] = s;
            s *= shape[k];
        }
        byte[] out = new byte[data.length];
        long[] index = new long[rank];
        for (long c = 0; c < s; c++) {
            long f = 0;
            for (int k = 0; k < rank; k++) {
                f += index[k] * fStride[k];
            }
            System.arraycopy(data, (int) (f * width), out, (int) (c * width), width);
            for (int k = rank - 1; k >= 0; k--) {
                if (++index[k] < shape[k]) {
                    break;
                }
                index[k] = 0;
            }
        }
        return out;
    }
}
