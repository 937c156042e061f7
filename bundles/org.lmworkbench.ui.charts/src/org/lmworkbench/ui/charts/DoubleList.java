package org.lmworkbench.ui.charts;

import java.util.Arrays;

/**
 * A growable array of doubles: appends are amortised O(appended values) by doubling the capacity,
 * and the backing array is read directly (no boxing) by the decimation and painting code.
 */
final class DoubleList {

    private double[] values;
    private int size;

    DoubleList(int capacity) {
        values = new double[Math.max(capacity, 16)];
    }

    DoubleList(double[] initial) {
        this(initial.length);
        append(initial, 0, initial.length);
    }

    void append(double[] src, int from, int count) {
        ensure(size + count);
        System.arraycopy(src, from, values, size, count);
        size += count;
    }

    void add(double v) {
        ensure(size + 1);
        values[size++] = v;
    }

    private void ensure(int needed) {
        if (needed > values.length) {
            values = Arrays.copyOf(values, Math.max(needed, values.length * 2));
        }
    }

    int size() {
        return size;
    }

    double get(int i) {
        return values[i];
    }

    /** The backing array; only the first {@link #size()} entries are meaningful. */
    double[] raw() {
        return values;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
