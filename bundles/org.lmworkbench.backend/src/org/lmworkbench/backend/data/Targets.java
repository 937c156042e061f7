package org.lmworkbench.backend.data;

/**
 * Turns a label column read from a file into targets: class indices with one-hot rows when the run
 * classifies (cross-entropy loss, or MSE against several outputs as in Cohen et al.), the raw value
 * as a single regression target otherwise.
 */
final class Targets {

    private Targets() {
    }

    /**
     * @param x       inputs, row-major
     * @param example shape of one input
     * @param column  one label or target per example
     * @param where   names the file (and column) in error messages
     */
    static ArrayDataset build(double[] x, long[] example, double[] column, boolean classify, String where) {
        if (!classify) {
            return new ArrayDataset(x, example, column.clone(), 1, null, 0);
        }
        int[] labels = new int[column.length];
        int classes = 0;
        for (int i = 0; i < column.length; i++) {
            double v = column[i];
            if (v < 0 || v != Math.rint(v) || v > 100000) {
                throw new DataException(where + ": label " + v + " of example " + i
                        + " is not a class index (a whole number from 0); classification needs integer labels");
            }
            labels[i] = (int) v;
            classes = Math.max(classes, labels[i] + 1);
        }
        return ArrayDataset.classification(x, example, labels, Math.max(classes, 2), 0);
    }
}
