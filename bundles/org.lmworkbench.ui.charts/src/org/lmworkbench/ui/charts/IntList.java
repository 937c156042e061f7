package org.lmworkbench.ui.charts;

import java.util.Arrays;

/** A growable array of ints (indices kept by the decimation), reused between redraws. */
final class IntList {

    private int[] values = new int[256];
    private int size;

    void clear() {
        size = 0;
    }

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return values[i];
    }

    int last() {
        return values[size - 1];
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
