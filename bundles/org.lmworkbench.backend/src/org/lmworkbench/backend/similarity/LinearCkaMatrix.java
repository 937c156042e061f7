package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Linear CKA for every pair of many layers at once, by streaming the {@code n x n} Gram matrices in
 * row blocks instead of forming {@code Y^T X} for every pair.
 * <p>
 * Why: with column-centred layers, {@code ||Y^T X||_F^2 = <X X^T, Y Y^T>}. The feature form costs
 * {@code n p q} per pair; the Gram form costs {@code n^2 p / 2} per layer (upper triangle) plus a cheap
 * {@code n^2} inner product per pair. For a 12 x 12 layer matrix with n = 4096, p = 1024 the Gram
 * form needs 3.5x fewer operations, but 24 full float64 Grams would need 3.2 GB, so
 * {@link GramBlockProducts} streams the upper triangle in row blocks of about 256 MB. The diagonal
 * of every Gram (the squared row norms) is computed apart, in float64; debiased CKA needs only those
 * norms and their sums besides (see {@link CkaMetric}).
 * <p>
 * {@link Precision#MIXED} runs the Gram block products of a layer in float32, on its float64-centred
 * values, when the layer has at least {@value #FLOAT32_MIN_ENTRIES} entries, with every inner
 * dimension split at {@value GramBlockProducts#CHUNK}; everything else (centring, the Gram
 * diagonals, every sum of products, smaller layers) is float64. Rounding a centred layer to float32
 * moves CKA by about {@code 4 eps32 / sqrt(n p)} (errors of single entries average out over the
 * {@code n p} entries), 2e-10 at that size and 1e-10 for n = 4096, p = 1024, so the result agrees
 * with float64 to about 1e-10 and within 1e-9 also for layers much wider than n, nearly identical
 * or nearly orthogonal ones. The feature form has no such float32 variant: its float32 products of
 * length n lose 1e-8 to 1e-7 when n is large, which is when it is the cheaper form, so
 * {@link #gramFormIsCheaper} counts a float32 Gram at half the cost and otherwise the caller
 * computes in float64.
 */
public final class LinearCkaMatrix {

    /** Arithmetic of the Gram blocks. */
    public enum Precision {
        /** Everything in float64 (reference grade, the default). */
        FLOAT64,
        /** float32 Gram block products, float64 centring, diagonals and accumulation (about 2x faster). */
        MIXED
    }

    /** Entries ({@code n p}) from which a layer's Gram products run in float32 under {@link Precision#MIXED}. */
    static final long FLOAT32_MIN_ENTRIES = 1L << 20;

    private static final long BLOCK_BYTES = 256L << 20;
    private static final long CENTRING_BYTES = 4L << 20;

    private LinearCkaMatrix() {
    }

    /**
     * True if streaming Grams costs fewer multiply-adds than feature products for these layers
     * (or if one layer is wider than n, where the feature form is never cheaper), a float32 Gram
     * ({@link Precision#MIXED}) counting half as much as float64 work.
     */
    public static boolean gramFormIsCheaper(List<Representation> rows, List<Representation> cols, Precision precision) {
        List<Representation> unique = unique(rows, cols, new int[rows.size()], new int[cols.size()]);
        double n = unique.get(0).examples();
        double gram = 0;
        double feature = 0;
        for (Representation r : unique) {
            gram += n * n * r.features() / (inFloat32(precision, r) ? 4.0 : 2.0);
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
        double[][] s;
        double[] diagonalDots;
        double[] traces;
        // Every temporary (centred copies, float32 copies, blocks) lives in this scope and goes with it.
        try (Scratch scope = new Scratch(unique.stream().map(Representation::data).toArray(NDArray[]::new))) {
            List<NDArray> products = new ArrayList<>();
            NDList rowNorms = new NDList();
            for (Representation r : unique) {
                products.add(centred(r, inFloat32(precision, r), rowNorms));
            }
            NDArray norms = NDArrays.stack(rowNorms);
            diagonalDots = norms.matMul(norms.transpose()).toDoubleArray();
            traces = norms.sum(new int[] {1}).toDoubleArray();
            s = GramBlockProducts.offDiagonal(products, n, blockRows(layers, n));
        }
        double[] self = new double[layers];
        for (int l = 0; l < layers; l++) {
            self[l] = statistic(estimator, n, s[l][l] + diagonalDots[l * layers + l], diagonalDots[l * layers + l],
                    traces[l] * traces[l]);
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
                double dot = diagonalDots[a * layers + b];
                double cross = statistic(estimator, n, s[a][b] + dot, dot, traces[a] * traces[b]);
                out[i][j] = cross / Math.sqrt(self[a] * self[b]);
            }
        }
        return out;
    }

    /**
     * The column-centred layer, in float32 or float64, and its squared row norms in float64 (added
     * to {@code rowNorms}). Centred and squared in float64 a few megabytes of rows at a time,
     * written into the result: no temporary the size of the layer, which at n = 4096, p = 1024
     * would be 32 MB of fresh memory per layer and per temporary.
     */
    private static NDArray centred(Representation r, boolean float32, NDList rowNorms) {
        NDArray data = r.data();
        int n = r.examples();
        long p = r.features();
        NDArray mean = data.mean(new int[] {0}, true);
        NDArray out = data.getManager().create(new Shape(n, p), float32 ? DataType.FLOAT32 : DataType.FLOAT64);
        int chunk = (int) Math.max(1, Math.min(n, CENTRING_BYTES / (8 * p)));
        NDList norms = new NDList();
        for (int i = 0; i < n; i += chunk) {
            NDIndex rows = new NDIndex().addSliceDim(i, Math.min(n, i + chunk));
            try (NDArray raw = data.get(rows); NDArray centred = raw.sub(mean); NDArray squares = centred.square()) {
                norms.add(squares.sum(new int[] {1}));
                out.set(rows, centred);
            }
        }
        rowNorms.add(norms.size() == 1 ? norms.get(0) : NDArrays.concat(norms));
        return out;
    }

    /** Whether the Gram products of {@code r} run in float32. */
    static boolean inFloat32(Precision precision, Representation r) {
        return precision == Precision.MIXED && (long) r.examples() * r.features() >= FLOAT32_MIN_ENTRIES;
    }

    private static double statistic(CkaMetric.Estimator estimator, int n, double s, double diagonalDot,
            double traceProduct) {
        return estimator == CkaMetric.Estimator.GRETTON ? s : CkaMetric.songLinear(n, s, diagonalDot, traceProduct);
    }

    /** Rows per block so that the float64 block buffer of all layers takes about {@link #BLOCK_BYTES}. */
    private static int blockRows(int layers, int n) {
        return (int) Math.max(16, Math.min(n, BLOCK_BYTES / (8L * layers * n)));
    }

    /**
     * {@code <X_a X_a^T, X_b X_b^T>} for all pairs of centred layers {@code x} (float64, one
     * manager), streamed in blocks of {@code block} rows.
     */
    static double[][] streamedGramProducts(List<NDArray> x, int n, int block) {
        double[][] s = GramBlockProducts.offDiagonal(x, n, block);
        try (Scratch scope = new Scratch(x.toArray(NDArray[]::new))) {
            NDList rowNorms = new NDList();
            for (NDArray layer : x) {
                rowNorms.add(layer.square().sum(new int[] {1}));
            }
            NDArray norms = NDArrays.stack(rowNorms);
            double[] dots = norms.matMul(norms.transpose()).toDoubleArray();
            for (int a = 0; a < x.size(); a++) {
                for (int b = 0; b < x.size(); b++) {
                    s[a][b] += dots[a * x.size() + b];
                }
            }
        }
        return s;
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
