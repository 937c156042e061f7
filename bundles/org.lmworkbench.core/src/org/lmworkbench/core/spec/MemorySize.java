package org.lmworkbench.core.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes of memory as {@code execution.jvm_memory} writes them ({@code -Xmx} syntax with a unit:
 * {@code 512m}, {@code 2g}), the machine's physical memory, and sizes as messages show them
 * ({@code 1.5 GiB}). A bare number is refused: {@code -Xmx512} means 512 bytes, and a JVM given
 * that (or more memory than the machine has) dies before it can write a word to the run folder.
 */
public final class MemorySize {

    /** {@code execution.jvm_memory}: a whole number of kilo-, mega-, giga- or terabytes. */
    public static final Pattern JVM_MEMORY = Pattern.compile("([1-9][0-9]{0,6})([kKmMgGtT])");

    /** What {@link #JVM_MEMORY} accepts, for messages. */
    public static final String JVM_MEMORY_HINT = "use a whole number with a unit k, m, g or t, such as \"2g\" or"
            + " \"512m\" (a bare number would be bytes)";

    /** The least heap a backend process can train with. */
    public static final long MINIMUM_HEAP = 64L << 20;

    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+) kB");

    private MemorySize() {
    }

    /**
     * The bytes of a size in {@code -Xmx} syntax.
     *
     * @throws IllegalArgumentException if it is not one ({@link #JVM_MEMORY})
     */
    public static long bytes(String size) {
        Matcher m = JVM_MEMORY.matcher(size.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + size + "' is not a memory size; " + JVM_MEMORY_HINT);
        }
        int shift = switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 40;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    /**
     * Why {@code size} cannot be the heap of a backend process on a machine with {@code physical}
     * bytes of memory, or null if it can.
     *
     * @param physical the machine's memory, empty when unknown (then only the lower bound applies)
     */
    public static String heapProblem(String size, OptionalLong physical) {
        long bytes = bytes(size);
        if (bytes < MINIMUM_HEAP) {
            return "'" + size + "' is too little for a backend process; give it at least 64m";
        }
        if (physical.isPresent() && bytes > physical.getAsLong()) {
            return "'" + size + "' (" + show(bytes) + ") is more than the " + show(physical.getAsLong())
                    + " of memory this machine has";
        }
        return null;
    }

    /**
     * The physical memory of this machine, read from {@code /proc/meminfo}; empty where that does
     * not exist (the product ships for Linux, where it does).
     */
    public static OptionalLong physicalMemory() {
        try {
            Matcher m = MEM_TOTAL.matcher(Files.readString(Path.of("/proc/meminfo")));
            return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) << 10) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** A size for people: {@code 512 B}, {@code 1.5 KiB}, {@code 23.4 GiB}, {@code 7.3 TiB}. */
    public static String show(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return (long) v + " B";
        }
        return (v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)) + " "
                + units[u];
    }
}
