package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sum_{i != j} K_a[i,j] K_b[i,j]} for the linear Grams {@code K = X X^T} of every pair of
 * layers, without ever holding a Gram: the upper triangle is streamed in blocks of rows, every
 * layer's block {@code X[r] X[r0:]^T} is copied into one float64 buffer (the strictly upper part of
 * its leading square, then the rest of the row block), and one float64 product of that buffer with
 * itself adds the block's share of every pair, counted twice for the lower triangle.
 * <p>
 * Why the diagonal is left out: its entries are the squared row norms, which the caller computes in
 * float64 anyway; they are the largest entries of a Gram and, for wide layers, dominate its norm,
 * so in float32 they would carry most of the rounding error into CKA (and debiased CKA subtracts
 * them again).
 * <p>
 * Why this shape: the buffer is allocated once, so the stream allocates only one block per layer at
 * a time and touches no fresh memory after the first block, and the float64 accumulation is one
 * matrix product per block instead of one small product per pair. With float32 inputs the block
 * products run at float32 speed; an inner dimension longer than {@link #CHUNK} is split and the
 * parts are summed in float64, which bounds the rounding of each entry to that of a
 * {@value #CHUNK}-term float32 dot product.
 */
final class GramBlockProducts {

    /** Longest inner dimension of one float32 block product; longer ones are summed in float64. */
    static final int CHUNK = 1024;

    private GramBlockProducts() {
    }

    /**
     * @param x     column-centred layers {@code [n, p_l]}, each float32 or float64, attached to one
     *              manager (temporaries go to a sub-manager of it)
     * @param n     number of examples
     * @param block rows per block
     * @return the off-diagonal Frobenius products, symmetric
     */
    static double[][] offDiagonal(List<NDArray> x, int n, int block) {
        int layers = x.size();
        double[][] s = new double[layers][layers];
        NDManager owner = x.get(0).getManager();
        try (NDManager work = owner.newSubManager()) {
            NDArray stacked = work.zeros(new Shape(layers, (long) block * n), DataType.FLOAT64);
            for (int r0 = 0; r0 < n; r0 += block) {
                int rows = Math.min(block, n - r0);
                long m = (long) rows * (n - r0);
                try (NDManager scope = work.newSubManager()) {
                    // Operations attach their results to their first operand's manager: attach the
                    // inputs here for the block, so that every temporary goes with it.
                    NDList inputs = new NDList(x);
                    inputs.add(stacked);
                    scope.tempAttachAll(inputs);
                    Map<DataType, NDArray> masks = new EnumMap<>(DataType.class);
                    for (int l = 0; l < layers; l++) {
                        NDArray layer = x.get(l);
                        NDArray mask = masks.computeIfAbsent(layer.getDataType(), t -> strictUpper(scope, rows, t));
                        NDArray target = stacked.get(new NDIndex().addIndices(l).addSliceDim(0, m));
                        blockInto(layer, r0, rows, mask, target);
                    }
                    NDArray used = stacked.get(new NDIndex().addAllDim().addSliceDim(0, m));
                    double[] dots = used.matMul(used.transpose()).toDoubleArray();
                    for (int a = 0; a < layers; a++) {
                        for (int b = a; b < layers; b++) {
                            // Each block product counts twice: once for the upper and once for the lower triangle.
                            s[a][b] += 2 * dots[a * layers + b];
                            s[b][a] = s[a][b];
                        }
                    }
                }
            }
        }
        return s;
    }

    /**
     * Writes {@code X[r0:r0+rows] X[r0:]^T}, its leading square reduced to the strict upper
     * triangle, row by row into {@code target} (float64), summing over chunks of the inner
     * dimension.
     */
    private static void blockInto(NDArray layer, int r0, int rows, NDArray mask, NDArray target) {
        long p = layer.getShape().get(1);
        NDArray head = layer.get(new NDIndex().addSliceDim(r0, r0 + rows));
        NDArray tail = layer.get(new NDIndex().addSliceDim(r0, layer.getShape().get(0)));
        for (long c0 = 0; c0 < p; c0 += CHUNK) {
            long c1 = Math.min(p, c0 + CHUNK);
            NDArray a = p <= CHUNK ? head : head.get(new NDIndex().addAllDim().addSliceDim(c0, c1));
            NDArray b = p <= CHUNK ? tail : tail.get(new NDIndex().addAllDim().addSliceDim(c0, c1));
            // Views keep their base alive: close them with the product so only one block is held.
            try (NDArray g = a.matMul(b.transpose());
                    NDArray lead = g.get(new NDIndex().addAllDim().addSliceDim(0, rows));
                    NDArray flat = g.reshape(-1)) {
                lead.muli(mask);
                if (c0 == 0) {
                    target.set(new NDIndex().addSliceDim(0, flat.size()), flat);
                } else {
                    target.addi(flat);
                }
            }
        }
    }

    /** {@code [rows, rows]}: 1 above the diagonal, 0 on and below it. */
    private static NDArray strictUpper(NDManager manager, int rows, DataType type) {
        float[] values = new float[rows * rows];
        for (int i = 0; i < rows; i++) {
            for (int j = i + 1; j < rows; j++) {
                values[i * rows + j] = 1;
            }
        }
        NDArray mask = manager.create(values, new Shape(rows, rows));
        return type == DataType.FLOAT32 ? mask : mask.toType(type, false);
    }
}
