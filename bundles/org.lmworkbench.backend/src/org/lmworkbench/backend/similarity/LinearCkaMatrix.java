package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Linear CKA for every pair of many layers at once, by streaming the {@code n x n} Gram matrices in
 * row blocks instead of forming {@code Y^T X} for every pair.
 * <p>
 * Why: with column-centred layers, {@code ||Y^T X||_F^2 = <X X^T, Y Y^T>}. The feature form costs
 * {@code n p q} per pair; the Gram form costs {@code n^2 p / 2} per layer (upper triangle) plus a cheap
 * {@code n^2} inner product per pair. For a 12 x 12 layer matrix with n = 4096, p = 1024 the Gram
 * form needs 3.5x fewer operations, but 24 full float64 Grams would need 3.2 GB, so the upper
 * triangle is processed in row blocks of about 256 MB: for each block, every layer's block
 * {@code X[r] X[r:]^T} is computed once and all pairwise inner products come from one small matrix
 * product of the stacked blocks (off-diagonal blocks count twice). Debiased CKA needs only the row
 * norms and traces besides (see {@link CkaMetric}).
 * <p>
 * {@link Precision#MIXED} computes the Gram blocks with float32 products of float64-centred data and
 * accumulates every inner product in float64; {@link Precision#FLOAT64} does everything in float64.
 */
public final class LinearCkaMatrix {

    /** Arithmetic of the Gram blocks. */
    public enum Precision {
        /** Everything in float64 (reference grade, the default). */
        FLOAT64,
        /** float32 Gram blocks, float64 centring and accumulation (about 2x faster on CPU). */
        MIXED
    }

    private static final long BLOCK_BYTES = 256L << 20;

    private LinearCkaMatrix() {
    }

    /**
     * True if streaming Grams costs fewer multiply-adds than feature products for these layers
     * (or if one layer is wider than n, where the feature form is never cheaper).
     */
    public static boolean gramFormIsCheaper(List<Representation> rows, List<Representation> cols) {
        List<Representation> unique = unique(rows, cols, new int[rows.size()], new int[cols.size()]);
        double n = unique.get(0).examples();
        double gram = 0;
        double feature = 0;
        for (Representation r : unique) {
            gram += n * n * r.features() / 2.0;
            feature += n * Math.min((double) r.features() * r.features(), n * r.features());
        }
        gram += unique.size() * (double) unique.size() * n * n / 2.0;
        for (Representation a : rows) {
            for (Representation b : cols) {
                feature += n * a.features() * b.features();
            }
        }
        return gram < feature;
    }

    /** CKA of every row layer with every column layer. Inputs must have the same n (checked). */
    public static double[][] compute(List<Representation> rows, List<Representation> cols, CkaMetric.Estimator estimator,
            Precision precision) {
        int[] rowIndex = new int[rows.size()];
        int[] colIndex = new int[cols.size()];
        List<Representation> unique = unique(rows, cols, rowIndex, colIndex);
        InputChecks.requireSameExamples(unique);
        int n = unique.get(0).examples();
        CkaMetric metric = CkaMetric.linear(estimator);
        for (Representation r : unique) {
            InputChecks.requireExamples(metric.name(), metric.minimumExamples(), metric.minimumReason(), r);
        }
        int layers = unique.size();
        List<NDArray> centred = new ArrayList<>();
        List<NDArray> products = new ArrayList<>();
        NDList rowNorms = new NDList();
        for (Representation r : unique) {
            NDArray x = Kernels.centreColumns(r.data());
            centred.add(x);
            products.add(precision == Precision.MIXED ? x.toType(DataType.FLOAT32, false) : x);
            rowNorms.add(x.square().sum(new int[] {1}));
        }
        double[][] s = streamedGramProducts(products, n);
        NDArray norms = NDArrays.stack(rowNorms);
        double[] diagonalDots = norms.matMul(norms.transpose()).toDoubleArray();
        double[] traces = norms.sum(new int[] {1}).toDoubleArray();
        double[] self = new double[layers];
        for (int l = 0; l < layers; l++) {
            self[l] = statistic(estimator, n, s[l][l], diagonalDots[l * layers + l], traces[l] * traces[l]);
            if (!(self[l] > 0)) {
                throw new SimilarityException(unique.get(l).label() + ": zero variance or non-positive unbiased HSIC,"
                        + " so CKA is undefined");
            }
        }
        double[][] out = new double[rows.size()][cols.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                int a = rowIndex[i];
                int b = colIndex[j];
                double cross = statistic(estimator, n, s[a][b], diagonalDots[a * layers + b], traces[a] * traces[b]);
                out[i][j] = cross / Math.sqrt(self[a] * self[b]);
            }
        }
        return out;
    }

    private static double statistic(CkaMetric.Estimator estimator, int n, double s, double diagonalDot,
            double traceProduct) {
        return estimator == CkaMetric.Estimator.GRETTON ? s : CkaMetric.songLinear(n, s, diagonalDot, traceProduct);
    }

    /** {@code <X_a X_a^T, X_b X_b^T>} for all pairs of layers, accumulated in float64. */
    static double[][] streamedGramProducts(List<NDArray> x, int n) {
        return streamedGramProducts(x, n, (int) Math.max(16, Math.min(n, BLOCK_BYTES / (8L * x.size() * n))));
    }

    /** As {@link #streamedGramProducts(List, int)} with a given number of rows per block. */
    static double[][] streamedGramProducts(List<NDArray> x, int n, int block) {
        int layers = x.size();
        double[][] s = new double[layers][layers];
        for (int r0 = 0; r0 < n; r0 += block) {
            int r1 = Math.min(n, r0 + block);
            NDList diagonal = new NDList();
            NDList off = new NDList();
            for (NDArray layer : x) {
                try (NDArray rows = layer.get(r0 + ":" + r1)) {
                    diagonal.add(flatF64(rows.matMul(rows.transpose())));
                    if (r1 < n) {
                        try (NDArray rest = layer.get(r1 + ":")) {
                            off.add(flatF64(rows.matMul(rest.transpose())));
                        }
                    }
                }
            }
            accumulate(s, diagonal, 1.0);
            if (!off.isEmpty()) {
                accumulate(s, off, 2.0);
            }
            diagonal.close();
            off.close();
        }
        return s;
    }

    private static void accumulate(double[][] s, NDList blocks, double weight) {
        try (NDArray stacked = NDArrays.stack(blocks); NDArray dots = stacked.matMul(stacked.transpose())) {
            double[] d = dots.toDoubleArray();
            int layers = s.length;
            for (int a = 0; a < layers; a++) {
                for (int b = 0; b < layers; b++) {
                    s[a][b] += weight * d[a * layers + b];
                }
            }
        }
    }

    /**
     * The block as a flat float64 vector. Every intermediate handle is closed at once: a leaked
     * handle would keep its block's storage alive until the command ends, i.e. all Grams at once.
     */
    private static NDArray flatF64(NDArray block) {
        NDArray f64 = block;
        if (block.getDataType() != DataType.FLOAT64) {
            f64 = block.toType(DataType.FLOAT64, false);
            block.close();
        }
        NDArray flat = f64.reshape(-1);
        f64.close();
        return flat;
    }

    /** The distinct representations (by identity) of rows and cols, filling the index maps. */
    private static List<Representation> unique(List<Representation> rows, List<Representation> cols, int[] rowIndex,
            int[] colIndex) {
        List<Representation> unique = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            rowIndex[i] = indexOf(unique, rows.get(i));
        }
        for (int j = 0; j < cols.size(); j++) {
            colIndex[j] = indexOf(unique, cols.get(j));
        }
        return unique;
    }

    private static int indexOf(List<Representation> unique, Representation r) {
        for (int i = 0; i < unique.size(); i++) {
            if (unique.get(i) == r) {
                return i;
            }
        }
        unique.add(r);
        return unique.size() - 1;
    }
}
