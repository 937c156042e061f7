package org.lmworkbench.core.slurm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The index set of a job array in Slurm's notation: {@code 0-5%2}, {@code 1,3,5-7},
 * {@code 0-9:2}; squeue and scontrol print the still pending part of an array that way, squeue in
 * brackets after the job id ({@code 123_[2-5%2]}).
 *
 * @param indices the indices in ascending order, without repeats
 * @param limit   the concurrency limit after {@code %}, or 0 for none
 */
public record ArrayIndices(List<Integer> indices, int limit) {

    /** Slurm's default MaxArraySize is 1001; a pending range printed by a cluster can be larger, but not absurd. */
    private static final int MAX_EXPANDED = 10_000_000;

    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+)(?::(\\d+))?)?");

    /** Checks the values and sorts the indices. */
    public ArrayIndices {
        indices = List.copyOf(new TreeSet<>(indices));
        if (!indices.isEmpty() && indices.get(0) < 0) {
            throw new IllegalArgumentException("array indices are not negative, got " + indices.get(0));
        }
        if (limit < 0) {
            throw new IllegalArgumentException("the array limit is not negative, got " + limit);
        }
    }

    /** These indices with a concurrency limit (0 for none). */
    public static ArrayIndices of(Collection<Integer> indices, int limit) {
        return new ArrayIndices(new ArrayList<>(indices), limit);
    }

    /**
     * Reads an index set with or without the surrounding brackets.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ArrayIndices parse(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int limit = 0;
        int percent = t.indexOf('%');
        try {
            if (percent >= 0) {
                limit = Integer.parseInt(t.substring(percent + 1));
                t = t.substring(0, percent);
            }
            TreeSet<Integer> indices = new TreeSet<>();
            for (String part : t.split(",", -1)) {
                Matcher m = RANGE.matcher(part);
                if (!m.matches()) {
                    throw new IllegalArgumentException(part);
                }
                int first = Integer.parseInt(m.group(1));
                int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
                int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
                if (last < first || step < 1 || indices.size() + (last - first) / step >= MAX_EXPANDED) {
                    throw new IllegalArgumentException(part);
                }
                for (long i = first; i <= last; i += step) {
                    indices.add((int) i);
                }
            }
            return new ArrayIndices(new ArrayList<>(indices), limit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a Slurm array index set such as 0-5%2 or 1,3,5-7", e);
        }
    }

    /** The sbatch {@code --array} value: runs of consecutive indices as ranges, then {@code %limit}. */
    public String format() {
        if (indices.isEmpty()) {
            throw new IllegalStateException("an empty job array cannot be written");
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < indices.size()) {
            int j = i;
            while (j + 1 < indices.size() && indices.get(j + 1) == indices.get(j) + 1) {
                j++;
            }
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(indices.get(i));
            if (j > i) {
                b.append('-').append(indices.get(j));
            }
            i = j + 1;
        }
        if (limit > 0) {
            b.append('%').append(limit);
        }
        return b.toString();
    }
}
