package org.lmworkbench.backend.data;

/**
 * The training and held-out examples of a run, and the fixed probe subset.
 *
 * @param train training examples
 * @param test  held-out examples (may be empty)
 * @param probe the fixed probe subset: {@code data.probe_size} training examples chosen once with the
 *              data seed
 */
public record DataSplits(ArrayDataset train, ArrayDataset test, ArrayDataset probe) {
}
