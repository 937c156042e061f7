package org.lmworkbench.backend.data;

import ai.djl.ndarray.NDArray;

/**
 * Inputs and targets of some examples as tensors on the training device, in the training dtype.
 *
 * @param x       inputs {@code [n, ...]} (token ids as numbers for token data)
 * @param y       targets {@code [n, outputs]}: regression values or one-hot class rows
 * @param labels  class index per example for classification data, or null for regression
 */
public record Batch(NDArray x, NDArray y, int[] labels) {

    /** Number of examples. */
    public int size() {
        return Math.toIntExact(x.getShape().get(0));
    }

    /** True for classification data. */
    public boolean isClassification() {
        return labels != null;
    }
}
