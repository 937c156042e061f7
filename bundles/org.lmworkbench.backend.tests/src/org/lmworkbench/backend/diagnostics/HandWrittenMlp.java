package org.lmworkbench.backend.diagnostics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * A tanh MLP with two hidden layers and a linear read-out, written out in plain doubles from the
 * parameters of the backend's standard-parameterization {@code Mlp}, with the half squared error of
 * each example. Gives each layer's inputs {@code h_i} and, by central differences of the loss of one
 * example through the rest of the network, the input gradients {@code g_i}: a computation that
 * shares nothing with autograd.
 */
final class HandWrittenMlp {

    private static final double EPS = 1e-6;

    private final double[][][] weights = new double[3][][];
    private final double[][] biases = new double[3][];
    private final double[][] x;
    private final double[][] y;

    HandWrittenMlp(ParameterSet p, Batch batch) {
        String[] layers = {"hidden1", "hidden2", "output"};
        for (int l = 0; l < 3; l++) {
            weights[l] = matrix(p.get(layers[l] + ".weight"));
            biases[l] = p.get(layers[l] + ".bias").toType(DataType.FLOAT64, true).toDoubleArray();
        }
        x = matrix(batch.x());
        y = matrix(batch.y());
    }

    /** Inputs of layer {@code layer} (0 = first), one row per example. */
    double[][] inputs(int layer) {
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] h = x[i];
            for (int l = 0; l < layer; l++) {
                h = apply(l, h);
            }
            rows[i] = h;
        }
        return rows;
    }

    /** Gradient of each example's loss w.r.t. the input of layer {@code layer}, by central differences. */
    double[][] inputGradients(int layer) {
        double[][] h = inputs(layer);
        double[][] g = new double[h.length][];
        for (int i = 0; i < h.length; i++) {
            g[i] = new double[h[i].length];
            for (int a = 0; a < h[i].length; a++) {
                double[] plus = h[i].clone();
                double[] minus = h[i].clone();
                plus[a] += EPS;
                minus[a] -= EPS;
                g[i][a] = (loss(layer, plus, y[i]) - loss(layer, minus, y[i])) / (2 * EPS);
            }
        }
        return g;
    }

    private double loss(int layer, double[] h, double[] target) {
        double[] out = h;
        for (int l = layer; l < 3; l++) {
            out = apply(l, out);
        }
        double s = 0;
        for (int k = 0; k < out.length; k++) {
            s += 0.5 * (out[k] - target[k]) * (out[k] - target[k]);
        }
        return s;
    }

    private double[] apply(int l, double[] h) {
        double[][] w = weights[l];
        double[] z = biases[l].clone();
        for (int a = 0; a < h.length; a++) {
            for (int b = 0; b < z.length; b++) {
                z[b] += h[a] * w[a][b];
            }
        }
        if (l < 2) {
            for (int b = 0; b < z.length; b++) {
                z[b] = Math.tanh(z[b]);
            }
        }
        return z;
    }

    private static double[][] matrix(NDArray a) {
        return NeuralFeatureAnsatz.toRect(a.reshape(a.getShape().get(0), -1));
    }
}
