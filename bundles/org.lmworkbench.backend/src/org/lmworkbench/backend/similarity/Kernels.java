package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * Gram matrices and their centrings on float64 NDArrays: the building blocks of CKA.
 * <ul>
 * <li>{@link #doubleCentre} is {@code H K H} with {@code H = I - 11^T/n} (Gretton's biased HSIC).</li>
 * <li>{@link #uCentre} is Szekely and Rizzo's U-centring: the diagonal is set to zero (by masking,
 * not by subtracting a broadcast vector, which is a known bug in peer tools), then rows and columns
 * are centred with the {@code n-2} and {@code (n-1)(n-2)} denominators and the diagonal is zero
 * again. {@code <U(K), U(L)> / (n(n-3))} is Song et al.'s unbiased HSIC.</li>
 * </ul>
 */
public final class Kernels {

    private Kernels() {
    }

    /** {@code x} minus its column means. */
    public static NDArray centreColumns(NDArray x) {
        return x.sub(x.mean(new int[] {0}, true));
    }

    /** {@code x x^T}. */
    public static NDArray linearGram(NDArray x) {
        return x.matMul(x.transpose());
    }

    /**
     * Squared Euclidean distances between rows, exactly zero on the diagonal and never negative
     * (the expansion {@code |a|^2 + |b|^2 - 2ab} can round below zero). Centre {@code x} first
     * for accuracy; distances do not change.
     */
    public static NDArray squaredDistances(NDArray x) {
        NDArray gram = linearGram(x);
        NDArray norms = gram.diagonal();
        NDArray d = norms.expandDims(1).add(norms.expandDims(0)).sub(gram.mul(2)).maximum(0.0);
        return d.mul(offDiagonalMask(x.getManager(), (int) x.getShape().get(0)));
    }

    /**
     * Median of all {@code n^2} entries of a symmetric matrix with zero diagonal, as numpy's
     * {@code np.median} on the full matrix computes it (Kornblith et al.'s RBF bandwidth): the
     * {@code n} zeros count, every off-diagonal value counts twice, and an even count averages the
     * two middle values. Sorting the upper triangle only halves the work.
     */
    public static double fullMatrixMedian(NDArray symmetricZeroDiagonal) {
        int n = (int) symmetricZeroDiagonal.getShape().get(0);
        double[] all = symmetricZeroDiagonal.toDoubleArray();
        double[] pairs = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs[k++] = all[i * n + j];
            }
        }
        Arrays.sort(pairs);
        long total = (long) n * n;
        double lower = fullMatrixOrderStatistic(pairs, n, total / 2 - 1);
        double upper = fullMatrixOrderStatistic(pairs, n, total / 2);
        return total % 2 == 0 ? 0.5 * (lower + upper) : upper;
    }

    private static double fullMatrixOrderStatistic(double[] sortedPairs, int n, long position) {
        // Sorted full matrix: n zeros (diagonal; distances are >= 0) then every pair value twice.
        return position < n ? 0.0 : sortedPairs[(int) ((position - n) / 2)];
    }

    /**
     * The RBF kernel {@code exp(-d^2 / (2 sigma^2 median(d^2)))}, Kornblith et al.'s bandwidth
     * relative to the median squared distance.
     *
     * @throws SimilarityException if all examples coincide (median distance 0)
     */
    public static NDArray rbfGram(NDArray centred, double sigma, String label) {
        NDArray d = squaredDistances(centred);
        double median = fullMatrixMedian(d);
        if (!(median > 0)) {
            throw new SimilarityException(label + ": the median squared distance between examples is 0 (most "
                    + "examples are identical), so the RBF bandwidth is undefined");
        }
        return d.div(-2.0 * sigma * sigma * median).exp();
    }

    /** {@code H K H}. */
    public static NDArray doubleCentre(NDArray k) {
        NDArray rows = k.mean(new int[] {1}, true);
        NDArray cols = k.mean(new int[] {0}, true);
        NDArray all = k.mean();
        return k.sub(rows).sub(cols).add(all);
    }

    /** U-centred {@code K} (zero diagonal); needs {@code n >= 4}. */
    public static NDArray uCentre(NDArray k) {
        int n = (int) k.getShape().get(0);
        NDArray mask = offDiagonalMask(k.getManager(), n);
        NDArray a = k.mul(mask);
        NDArray rows = a.sum(new int[] {1}, true).div(n - 2.0);
        NDArray cols = a.sum(new int[] {0}, true).div(n - 2.0);
        NDArray all = a.sum().div((n - 1.0) * (n - 2.0));
        return a.sub(rows).sub(cols).add(all).mul(mask);
    }

    /** {@code 1 - I} in float64. */
    static NDArray offDiagonalMask(NDManager manager, int n) {
        return manager.eye(n, n, 0, DataType.FLOAT64).neg().add(1.0);
    }

    /** {@code sum(a * b)} without a temporary {@code n x n} product. */
    public static double frobeniusDot(NDArray a, NDArray b) {
        return a.reshape(-1).dot(b.reshape(-1)).getDouble();
    }
}
