package org.lmworkbench.core.run;

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
 * Reads numpy {@code .npy} files (format versions 1.0, 2.0 and 3.0) as {@link NdArray}s of doubles:
 * what the workbench needs to look at activation captures ({@code activations/step-<n>/<layer>.npy})
 * without the training backend. Little- and big-endian data, C and Fortran order, booleans, signed
 * and unsigned integers of 1-8 bytes and floats of 2, 4 and 8 bytes are understood; everything else
 * (structured or object arrays, strings, complex numbers) is refused with a message naming the file.
 */
public final class NpyReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([<>|=]?)([a-zA-Z])(\\d*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @throws RunFileException if the file is not a readable .npy array; the message says what is wrong
     * @throws IOException      if the file cannot be read at all
     */
    public static NdArray read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw new RunFileException(file, "too large to read (" + size + " bytes)", null);
        }
        try {
            return decode(Files.readAllBytes(file), file.toString());
        } catch (IllegalArgumentException e) {
            throw new RunFileException(file, e.getMessage(), e);
        }
    }

    /**
     * Parses the bytes of a {@code .npy} file.
     *
     * @param source named in the {@link NdArray} (messages prefix it themselves when reading a file)
     * @throws IllegalArgumentException if the bytes are not a readable .npy array
     */
    public static NdArray decode(byte[] bytes, String source) {
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
        DType type = dtype(header);
        boolean fortran = fortranOrder(header);
        int[] shape = shape(header);
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        long start = headerStart + headerLength;
        long needed = count * type.width;
        if (count > Integer.MAX_VALUE - 16 || bytes.length - start < needed) {
            throw new IllegalArgumentException("truncated .npy data: shape " + shapeText(shape) + " of " + type.code
                    + " needs " + needed + " bytes, the file has " + (bytes.length - start));
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) start, (int) needed).slice().order(type.order);
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = type.read(data, i * type.width);
        }
        if (fortran && shape.length > 1) {
            values = fortranToC(values, shape);
        }
        return new NdArray(source, type.code, shape, values);
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static DType dtype(String header) {
        if (header.matches("(?s).*['\"]descr['\"]\\s*:\\s*\\[.*")) {
            throw new IllegalArgumentException("structured dtype " + field(header, "descr")
                    + " is not supported (a plain numeric array is expected)");
        }
        Matcher m = DESCR.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("bad .npy header, no 'descr': " + header);
        }
        String order = m.group(1);
        String kind = m.group(2);
        int width = m.group(3).isEmpty() ? 0 : Integer.parseInt(m.group(3));
        DType type = DType.of(kind, width, order);
        if (type == null) {
            throw new IllegalArgumentException("unsupported dtype '" + order + kind + m.group(3)
                    + "' (supported: b1, i1-i8, u1-u8, f2, f4, f8)");
        }
        return type;
    }

    private static boolean fortranOrder(String header) {
        Matcher m = FORTRAN.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("bad .npy header, no 'fortran_order': " + header);
        }
        return m.group(1).equals("True");
    }

    private static int[] shape(String header) {
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("bad .npy header, no 'shape' tuple: " + header);
        }
        List<Integer> dims = new ArrayList<>();
        for (String part : m.group(1).split(",")) {
            String t = part.trim();
            if (t.endsWith("L")) {
                t = t.substring(0, t.length() - 1); // Python 2 long literals
            }
            if (t.isEmpty()) {
                continue;
            }
            try {
                int d = Integer.parseInt(t);
                if (d < 0) {
                    throw new NumberFormatException();
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad .npy header: shape (" + m.group(1).trim()
                        + ") is not a tuple of sizes");
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String field(String header, String key) {
        int at = header.indexOf(key);
        return header.substring(at, Math.min(header.length(), at + 60)) + "...";
    }

    private static String shapeText(int[] shape) {
        return NdArray.shapeText(shape);
    }

    /** Column-major elements to row-major. */
    private static double[] fortranToC(double[] f, int[] shape) {
        int rank = shape.length;
        int[] fStride = new int[rank];
        int s = 1;
        for (int k = 0; k < rank; k++) {
            fStride[k] = s;
            s *= shape[k];
        }
        double[] c = new double[f.length];
        int[] index = new int[rank];
        for (int i = 0; i < c.length; i++) {
            int at = 0;
            for (int k = 0; k < rank; k++) {
                at += index[k] * fStride[k];
            }
            c[i] = f[at];
            for (int k = rank - 1; k >= 0 && ++index[k] == shape[k]; k--) {
                index[k] = 0;
            }
        }
        return c;
    }

    /** An element type of the file: kind, width in bytes and byte order. */
    private record DType(String code, char kind, int width, ByteOrder order) {

        static DType of(String kind, int width, String orderChar) {
            char k = kind.charAt(0);
            boolean known = switch (k) {
                case 'b' -> width == 1;
                case 'i', 'u' -> width == 1 || width == 2 || width == 4 || width == 8;
                case 'f' -> width == 2 || width == 4 || width == 8;
                default -> false;
            };
            if (!known) {
                return null;
            }
            ByteOrder order = switch (orderChar) {
                case ">" -> ByteOrder.BIG_ENDIAN;
                case "=" -> ByteOrder.nativeOrder();
                default -> ByteOrder.LITTLE_ENDIAN; // '<', and '|' which single bytes do not care about
            };
            return new DType(kind + width, k, width, order);
        }

        double read(ByteBuffer b, int at) {
            return switch (kind) {
                case 'b' -> b.get(at) != 0 ? 1 : 0;
                case 'i' -> switch (width) {
                    case 1 -> b.get(at);
                    case 2 -> b.getShort(at);
                    case 4 -> b.getInt(at);
                    default -> b.getLong(at);
                };
                case 'u' -> switch (width) {
                    case 1 -> b.get(at) & 0xff;
                    case 2 -> b.getShort(at) & 0xffff;
                    case 4 -> b.getInt(at) & 0xffffffffL;
                    default -> unsigned(b.getLong(at));
                };
                default -> switch (width) {
                    case 2 -> Float.float16ToFloat(b.getShort(at));
                    case 4 -> b.getFloat(at);
                    default -> b.getDouble(at);
                };
            };
        }

        private static double unsigned(long v) {
            return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
        }
    }
}
