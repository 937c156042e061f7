package org.lmworkbench.backend.model;

import java.util.Arrays;

/**
 * What a model needs to know about its data: the shape of one example, the output size and, for
 * token data, the vocabulary size.
 *
 * @param example    shape of one input example, e.g. {@code [784]}, {@code [3, 32, 32]} or {@code [3]} tokens
 * @param outputs    outputs of the network (classes, or regression targets)
 * @param vocabulary number of distinct token ids for token data, 0 for real-valued inputs
 */
public record DataShape(long[] example, int outputs, int vocabulary) {

    /** Copies the shape. */
    public DataShape {
        example = example.clone();
    }

    /** Number of input values per example. */
    public long flatSize() {
        long n = 1;
        for (long d : example) {
            n *= d;
        }
        return n;
    }

    /** True for integer token inputs. */
    public boolean isTokens() {
        return vocabulary > 0;
    }

    @Override
    public long[] example() {
        return example.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataShape d && Arrays.equals(example, d.example) && outputs == d.outputs
                && vocabulary == d.vocabulary;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(example) * 31 + outputs * 7 + vocabulary;
    }

    @Override
    public String toString() {
        return "DataShape" + Arrays.toString(example) + "->" + outputs + (isTokens() ? " vocab " + vocabulary : "");
    }
}
