package org.lmworkbench.core.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * numpy's {@code .npy} format, read and written. Reading understands format versions 1.0, 2.0 and
 * 3.0, little-, big- and no-endian data and C or Fortran order (converted to little-endian C order),
 * and the element types of {@link NpyType}; structured, object, string and complex arrays are
 * refused with a message saying so. Writing produces exactly the bytes {@code numpy.save} writes
 * for a little-endian C-order array (header padded to 64 bytes, with numpy's spare room for the
 * first dimension to grow).
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    /** numpy leaves room in the header for the growing axis' size to reach this many digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*(['\"])(.*?)\\1");
    private static final Pattern STRUCTURED = Pattern.compile("['\"]descr['\"]\\s*:\\s*\\[");
    private static final Pattern SIMPLE_DESCR = Pattern.compile("([<>|=]?)([a-zA-Z])(\\d+)");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @throws FileFormatException if it is not a readable .npy array; the message names the file and says why
     * @throws IOException         if the file cannot be read at all (e.g. {@link java.nio.file.NoSuchFileException})
     */
    public static NpyArray read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw new FileFormatException(file, "too large to read (" + size + " bytes)", null);
        }
        try {
            return decode(Files.readAllBytes(file), file.toString());
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(file, e.getMessage(), e);
        }
    }

    /**
     * Parses the bytes of a {@code .npy} file.
     *
     * @param source label of the array (a file, or {@code file:array}); messages do not repeat it
     * @throws IllegalArgumentException if the bytes are not a readable .npy array, saying why
     */
    public static NpyArray decode(byte[] bytes, String source) {
        if (bytes.length < 10 || !startsWithMagic(bytes)) {
            throw new IllegalArgumentException("not a .npy file (it does not start with \\x93NUMPY)");
        }
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        long headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = le.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IllegalArgumentException("truncated .npy header");
            }
            headerLength = le.getInt(8) & 0xffffffffL;
            headerStart = 12;
        } else {
            throw new IllegalArgumentException("unsupported .npy format version " + major + "." + bytes[7]
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        if (headerStart + headerLength > bytes.length) {
            throw new IllegalArgumentException("truncated .npy header (it announces " + headerLength
                    + " bytes but the file has " + (bytes.length - headerStart) + " after the preamble)");
        }
        String header = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
        Descr descr = descr(header);
        boolean fortran = fortranOrder(header);
        long[] shape = shape(header);
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        int width = descr.type().width();
        long start = headerStart + headerLength;
        long needed = count * width;
        if (count > (Integer.MAX_VALUE - 16) / width || bytes.length - start < needed) {
            throw new IllegalArgumentException("truncated .npy data: shape " + NpyArray.shapeText(shape) + " of "
                    + descr.type().code() + " needs " + needed + " bytes, the file has " + (bytes.length - start));
        }
        byte[] data = new byte[(int) needed];
        System.arraycopy(bytes, (int) start, data, 0, data.length);
        if (descr.order() == ByteOrder.BIG_ENDIAN && width > 1) {
            swapBytes(data, width);
        }
        if (fortran && shape.length > 1) {
            data = fortranToC(data, shape, width);
        }
        return new NpyArray(source, descr.type(), shape, data);
    }

    /** The bytes {@code numpy.save} writes for {@code array}: format 1.0, little-endian, C order. */
    public static byte[] encode(NpyArray array) {
        long[] shape = array.shape();
        StringBuilder dict = new StringBuilder("{'descr': '").append(array.type().littleEndianDescr())
                .append("', 'fortran_order': False, 'shape': ").append(shapeTuple(shape)).append(", }");
        if (shape.length > 0) {
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        }
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int headerLength = text.length + 1;
        // numpy pads with at least one space: a header that is already aligned gets a whole block more.
        int padding = ALIGN - (MAGIC.length + 2 + 2 + headerLength) % ALIGN;
        int total = headerLength + padding;
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + 4 + total + array.data().length);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(total & 0xff);
        out.write(total >> 8);
        out.writeBytes(text);
        out.writeBytes(" ".repeat(padding).getBytes(StandardCharsets.ISO_8859_1));
        out.write('\n');
        out.writeBytes(array.data());
        return out.toByteArray();
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    private static String shapeTuple(long[] shape) {
        return NpyArray.shapeText(shape);
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private record Descr(NpyType type, ByteOrder order) {
    }

    private static Descr descr(String header) {
        if (STRUCTURED.matcher(header).find()) {
            throw new IllegalArgumentException("structured dtype in header " + header
                    + " is not supported (a plain numeric array is expected)");
        }
        Matcher m = DESCR.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("bad .npy header, no 'descr': " + header);
        }
        String text = m.group(2);
        Matcher simple = SIMPLE_DESCR.matcher(text);
        NpyType type = simple.matches() ? NpyType.of(simple.group(2).charAt(0), Integer.parseInt(simple.group(3)))
                : null;
        if (type == null) {
            throw new IllegalArgumentException("unsupported dtype '" + text
                    + "' (supported: b1, i1-i8, u1-u8, f2, f4, f8)");
        }
        ByteOrder order = switch (simple.group(1)) {
            case ">" -> ByteOrder.BIG_ENDIAN;
            case "=" -> ByteOrder.nativeOrder();
            default -> ByteOrder.LITTLE_ENDIAN; // '<', and '|' which single bytes do not care about
        };
        return new Descr(type, order);
    }

    private static boolean fortranOrder(String header) {
        Matcher m = FORTRAN.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("bad .npy header, no 'fortran_order': " + header);
        }
        return m.group(1).equals("True");
    }

    private static long[] shape(String header) {
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("bad .npy header, no 'shape' tuple: " + header);
        }
        List<Long> dims = new ArrayList<>();
        for (String part : m.group(1).split(",")) {
            String t = part.trim();
            if (t.endsWith("L")) {
                t = t.substring(0, t.length() - 1); // Python 2 long literals
            }
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
                throw new IllegalArgumentException("bad .npy header: shape (" + m.group(1).trim()
                        + ") is not a tuple of sizes");
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
            for (int k = rank - 1; k >= 0 && ++index[k] == shape[k]; k--) {
                index[k] = 0;
            }
        }
        return out;
    }
}
