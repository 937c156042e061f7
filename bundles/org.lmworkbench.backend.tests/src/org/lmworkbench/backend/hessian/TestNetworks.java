package org.lmworkbench.backend.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.lmworkbench.backend.model.StableScalars;

/**
 * Small float64 networks written as pure functions of explicit parameters, for checking Hessian
 * products independently of the backend's model zoo: a tanh MLP with MSE, a CNN (convolution,
 * average pooling) and a one-block transformer (softmax attention, layer norm, GELU), both with
 * cross-entropy. Every activation is smooth, so central finite differences of the gradient are a
 * valid reference (a ReLU kink between {@code w - eps v} and {@code w + eps v} would not be).
 * Constants are applied with {@link StableScalars} (see there for why {@code mul(double)} is not
 * safe under a kept graph).
 */
final class TestNetworks {

    /**
     * A network instance: parameter shapes, a flat initial parameter vector, fixed data and the
     * loss.
     *
     * @param shapes  parameter shapes in order
     * @param initial flat initial parameters
     * @param inputs  fixed data arrays
     * @param loss    loss as a function of the parameters
     */
    record Net(List<Shape> shapes, double[] initial, NDList inputs, HessianLoss loss) {

        /**
         * @param flat    flat parameter vector
         * @param manager owner of the new arrays
         * @return independent leaf arrays (not views, so they can require gradients)
         */
        NDList params(double[] flat, NDManager manager) {
            NDList out = new NDList();
            int offset = 0;
            for (Shape s : shapes) {
                int n = (int) s.size();
                double[] block = new double[n];
                System.arraycopy(flat, offset, block, 0, n);
                out.add(manager.create(block, s));
                offset += n;
            }
            return out;
        }
    }

    private TestNetworks() {
    }

    /** tanh MLP in -> hidden -> hidden -> out, MSE 0.5 ||f - y||^2 averaged over examples. */
    static Net mlp(NDManager m, int in, int hidden, int out, int n, long seed) {
        Random r = new Random(seed);
        List<Shape> shapes = List.of(new Shape(hidden, in), new Shape(hidden),
                new Shape(hidden, hidden), new Shape(hidden), new Shape(out, hidden), new Shape(out));
        NDArray x = m.create(gaussian(r, n * in, 1.0), new Shape(n, in));
        NDArray y = m.create(gaussian(r, n * out, 1.0), new Shape(n, out));
        HessianLoss loss = (p, mgr) -> {
            NDArray h = Activation.tanh(Linear.linear(x, p.get(0), p.get(1)).singletonOrThrow());
            h = Activation.tanh(Linear.linear(h, p.get(2), p.get(3)).singletonOrThrow());
            NDArray f = Linear.linear(h, p.get(4), p.get(5)).singletonOrThrow();
            return StableScalars.times(f.sub(y).square().sum(), 0.5 / n);
        };
        return new Net(shapes, init(r, shapes), new NDList(x, y), loss);
    }

    /** conv 3x3 (c channels) -> tanh -> 2x2 average pool -> linear, cross-entropy. */
    static Net cnn(NDManager m, int c, int classes, int n, long seed) {
        Random r = new Random(seed);
        int side = 6;
        int pooled = (side - 2) / 2;
        List<Shape> shapes = List.of(new Shape(c, 1, 3, 3), new Shape(c),
                new Shape(classes, (long) c * pooled * pooled), new Shape(classes));
        NDArray x = m.create(gaussian(r, n * side * side, 1.0), new Shape(n, 1, side, side));
        NDArray y = oneHot(m, r, n, classes);
        HessianLoss loss = (p, mgr) -> {
            NDArray h = Conv2d.conv2d(x, p.get(0), p.get(1)).singletonOrThrow();
            h = Pool.avgPool2d(Activation.tanh(h), new Shape(2, 2), new Shape(2, 2),
                    new Shape(0, 0), false, true);
            NDArray logits = Linear.linear(h.reshape(n, -1), p.get(2), p.get(3)).singletonOrThrow();
            return crossEntropy(logits, y, n);
        };
        return new Net(shapes, init(r, shapes), new NDList(x, y), loss);
    }

    /**
     * One pre-pooling transformer block on continuous tokens: single-head softmax attention with
     * residual and layer norm, a GELU MLP with residual and layer norm, mean over tokens, linear
     * readout, cross-entropy.
     */
    static Net transformer(NDManager m, int d, int tokens, int classes, int n, long seed) {
        Random r = new Random(seed);
        List<Shape> shapes = List.of(new Shape(d, d), new Shape(d, d), new Shape(d, d),
                new Shape(d, d), new Shape(d), new Shape(d), new Shape(2 * d, d), new Shape(2 * d),
                new Shape(d, 2 * d), new Shape(d), new Shape(d), new Shape(d),
                new Shape(classes, d), new Shape(classes));
        NDArray x = m.create(gaussian(r, n * tokens * d, 1.0), new Shape(n, tokens, d));
        NDArray y = oneHot(m, r, n, classes);
        double scale = 1.0 / Math.sqrt(d);
        HessianLoss loss = (p, mgr) -> {
            NDArray q = x.matMul(p.get(0));
            NDArray k = x.matMul(p.get(1));
            NDArray v = x.matMul(p.get(2));
            NDArray att = StableScalars.times(q.batchMatMul(k.transpose(0, 2, 1)), scale).softmax(-1);
            NDArray h = x.add(att.batchMatMul(v).matMul(p.get(3)));
            h = LayerNorm.layerNorm(h, new Shape(d), p.get(4), p.get(5), 1e-5f).singletonOrThrow();
            NDArray mlp = Activation.gelu(Linear.linear(h, p.get(6), p.get(7)).singletonOrThrow());
            h = h.add(Linear.linear(mlp, p.get(8), p.get(9)).singletonOrThrow());
            h = LayerNorm.layerNorm(h, new Shape(d), p.get(10), p.get(11), 1e-5f).singletonOrThrow();
            NDArray logits = Linear.linear(h.mean(new int[] {1}), p.get(12), p.get(13))
                    .singletonOrThrow();
            return crossEntropy(logits, y, n);
        };
        double[] init = init(r, shapes);
        // Layer-norm gains start at 1 (plus noise) as in a real model.
        int offset = 0;
        for (int i = 0; i < shapes.size(); i++) {
            int size = (int) shapes.get(i).size();
            if (i == 4 || i == 10) {
                for (int j = 0; j < size; j++) {
                    init[offset + j] += 1.0;
                }
            }
            offset += size;
        }
        return new Net(shapes, init, new NDList(x, y), loss);
    }

    static NDArray crossEntropy(NDArray logits, NDArray oneHot, int n) {
        return StableScalars.times(logits.logSoftmax(-1).mul(oneHot).sum(), -1.0 / n);
    }

    private static NDArray oneHot(NDManager m, Random r, int n, int classes) {
        double[] y = new double[n * classes];
        for (int i = 0; i < n; i++) {
            y[i * classes + r.nextInt(classes)] = 1.0;
        }
        return m.create(y, new Shape(n, classes));
    }

    /** Gaussian init with std 1/sqrt(fan-in) for matrices and 0.1 for vectors. */
    private static double[] init(Random r, List<Shape> shapes) {
        List<double[]> blocks = new ArrayList<>();
        int total = 0;
        for (Shape s : shapes) {
            int n = (int) s.size();
            double std = s.dimension() == 1 ? 0.1 : 1.0 / Math.sqrt(s.size() / s.get(0));
            blocks.add(gaussian(r, n, std));
            total += n;
        }
        double[] flat = new double[total];
        int offset = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, flat, offset, b.length);
            offset += b.length;
        }
        return flat;
    }

    static double[] gaussian(Random r, int n, double std) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = std * r.nextGaussian();
        }
        return out;
    }
}
