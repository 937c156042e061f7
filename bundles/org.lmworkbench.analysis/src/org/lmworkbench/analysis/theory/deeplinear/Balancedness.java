package org.lmworkbench.analysis.theory.deeplinear;

import java.util.ArrayList;
import java.util.List;

/**
 * The balancedness matrices {@code D_l = W_l W_l^T - W_(l+1)^T W_(l+1)} of a chain of weight
 * matrices ({@code W_l} is {@code out_l x in_l}, {@code W_1} next to the input, {@code in_(l+1) =
 * out_l}).
 *
 * <p>Under gradient flow on any loss of the product {@code W_L ... W_1} (deep linear networks, and
 * the analogous per-neuron law of homogeneous networks), every {@code D_l} is conserved (Arora,
 * Cohen, Hazan 2018; Du, Hu, Lee 2018): the first-order changes {@code -eta (W_l G_l^T + G_l W_l^T)}
 * and {@code -eta (W_(l+1)^T G_(l+1) + G_(l+1)^T W_(l+1))} cancel. A gradient-descent step therefore
 * changes {@code D_l} by exactly {@code eta^2 (G_l G_l^T - G_(l+1)^T G_(l+1))}: the drift of the
 * balancedness from its initial value, {@link #distanceTo}, measures how far the steps are from the
 * flow.
 *
 * @param matrices {@code D_1 .. D_(L-1)}, each {@code out_l x out_l}
 */
public record Balancedness(List<double[][]> matrices) {

    /** Freezes the list. */
    public Balancedness {
        matrices = List.copyOf(matrices);
    }

    /**
     * The balancedness of the chain {@code W_1 .. W_L} (input side first).
     *
     * @throws IllegalArgumentException naming the layer whose shape does not chain
     */
    public static Balancedness of(List<double[][]> weights) {
        if (weights.size() < 2) {
            throw new IllegalArgumentException("balancedness needs at least two layers, got " + weights.size());
        }
        for (int l = 0; l < weights.size(); l++) {
            double[][] w = weights.get(l);
            if (w.length == 0 || w[0].length == 0) {
                throw new IllegalArgumentException("layer " + (l + 1) + " is empty");
            }
            for (double[] row : w) {
                if (row.length != w[0].length) {
                    throw new IllegalArgumentException("layer " + (l + 1) + " is not a rectangular matrix");
                }
            }
            if (l > 0 && w[0].length != weights.get(l - 1).length) {
                throw new IllegalArgumentException("layer " + (l + 1) + " takes " + w[0].length + " inputs but layer "
                        + l + " has " + weights.get(l - 1).length + " outputs");
            }
        }
        List<double[][]> d = new ArrayList<>();
        for (int l = 0; l + 1 < weights.size(); l++) {
            double[][] w = weights.get(l);
            double[][] next = weights.get(l + 1);
            int m = w.length;
            double[][] out = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int k = 0; k < w[0].length; k++) {
                        s += w[i][k] * w[j][k];
                    }
                    for (double[] row : next) {
                        s -= row[i] * row[j];
                    }
                    out[i][j] = s;
                }
            }
            d.add(out);
        }
        return new Balancedness(d);
    }

    /** {@code sqrt(sum_l |D_l|_F^2)}. */
    public double norm() {
        double s = 0;
        for (double[][] m : matrices) {
            for (double[] row : m) {
                for (double x : row) {
                    s += x * x;
                }
            }
        }
        return Math.sqrt(s);
    }

    /**
     * {@code sqrt(sum_l |D_l - D'_l|_F^2)}: with {@code other} the balancedness at initialization,
     * the drift that gradient flow would keep at 0.
     *
     * @throws IllegalArgumentException if the two chains have different shapes
     */
    public double distanceTo(Balancedness other) {
        if (other.matrices.size() != matrices.size()) {
            throw new IllegalArgumentException("chains of " + (matrices.size() + 1) + " and "
                    + (other.matrices.size() + 1) + " layers");
        }
        double s = 0;
        for (int l = 0; l < matrices.size(); l++) {
            double[][] a = matrices.get(l);
            double[][] b = other.matrices.get(l);
            if (a.length != b.length) {
                throw new IllegalArgumentException("layer " + (l + 1) + " has " + a.length
                        + " outputs in one chain and " + b.length + " in the other");
            }
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < a.length; j++) {
                    double d = a[i][j] - b[i][j];
                    s += d * d;
                }
            }
        }
        return Math.sqrt(s);
    }
}
