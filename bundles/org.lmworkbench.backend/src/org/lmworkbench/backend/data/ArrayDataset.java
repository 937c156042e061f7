package org.lmworkbench.backend.data;

import java.util.Arrays;

/**
 * Examples held in Java arrays, before they go to a device: inputs row-major {@code [n, example...]},
 * targets {@code [n, outputs]} (one-hot rows for classification) and class labels.
 *
 * @param x          inputs, {@code n * prod(example)} values
 * @param example    shape of one input
 * @param y          targets, {@code n * outputs} values
 * @param outputs    target width
 * @param labels     class per example, or null for regression
 * @param vocabulary token vocabulary size for token inputs, 0 otherwise
 */
public record ArrayDataset(double[] x, long[] example, double[] y, int outputs, int[] labels, int vocabulary) {

    /** Checks that the arrays agree. */
    public ArrayDataset {
        long per = 1;
        for (long d : example) {
            per *= d;
        }
        if (per == 0 || x.length % per != 0 || y.length != (x.length / per) * outputs
                || (labels != null && labels.length != x.length / per)) {
            throw new IllegalArgumentException("inconsistent dataset arrays: x " + x.length + ", example "
                    + Arrays.toString(example) + ", y " + y.length + ", outputs " + outputs);
        }
    }

    /** A classification dataset with one-hot targets. */
    public static ArrayDataset classification(double[] x, long[] example, int[] labels, int classes, int vocabulary) {
        double[] y = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " outside [0, " + classes + ")");
            }
            y[i * classes + labels[i]] = 1.0;
        }
        return new ArrayDataset(x, example, y, classes, labels, vocabulary);
    }

    /** Number of examples. */
    public int size() {
        return y.length / outputs;
    }

    /** Values per input example. */
    public int exampleSize() {
        return x.length / Math.max(1, size());
    }

    /** True when the examples have class labels. */
    public boolean isClassification() {
        return labels != null;
    }

    /** The examples at positions {@code [from, to)}. */
    public ArrayDataset slice(int from, int to) {
        int per = exampleSize();
        return new ArrayDataset(Arrays.copyOfRange(x, from * per, to * per), example,
                Arrays.copyOfRange(y, from * outputs, to * outputs), outputs,
                labels == null ? null : Arrays.copyOfRange(labels, from, to), vocabulary);
    }

    /** The examples at the given positions, in that order. */
    public ArrayDataset select(int[] rows) {
        int per = exampleSize();
        double[] nx = new double[rows.length * per];
        double[] ny = new double[rows.length * outputs];
        int[] nl = labels == null ? null : new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * per, nx, i * per, per);
            System.arraycopy(y, rows[i] * outputs, ny, i * outputs, outputs);
            if (nl != null) {
                nl[i] = labels[rows[i]];
            }
        }
        return new ArrayDataset(nx, example, ny, outputs, nl, vocabulary);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayDataset d && Arrays.equals(x, d.x) && Arrays.equals(example, d.example)
                && Arrays.equals(y, d.y) && outputs == d.outputs && Arrays.equals(labels, d.labels)
                && vocabulary == d.vocabulary;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(x) * 31 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "ArrayDataset[n=" + size() + ", example=" + Arrays.toString(example) + ", outputs=" + outputs + "]";
    }
}
