package org.lmworkbench.analysis.spectral;

import java.util.concurrent.CancellationException;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Dense vector kernels and random probe generation shared by the algorithms.
 *
 * <p>Hand-written loops over {@code double[]} rather than commons-math {@code RealVector}s:
 * the vectors hold up to 10^7 parameters and the wrappers would add a copy per operation.
 * All loops run sequentially in index order so that results are bit-reproducible for a
 * given seed.
 */
final class Vectors {

    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** {@code y += alpha * x}. */
    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    static void scale(double alpha, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    /** {@code ||a - lambda b||} without allocating a temporary. */
    static double residualNorm(double[] a, double lambda, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - lambda * b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /**
     * Removes from {@code w} its components along the first {@code count} rows of {@code basis}
     * (assumed orthonormal) with classical Gram-Schmidt applied twice. Two passes restore
     * orthogonality to working precision ("twice is enough", Giraud et al. 2005) while keeping
     * the cheaper, block-friendly classical form; {@code coeffs} must hold {@code count} entries.
     */
    static void orthogonalizeTwice(double[][] basis, int count, double[] w, double[] coeffs) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < count; i++) {
                coeffs[i] = dot(basis[i], w);
            }
            for (int i = 0; i < count; i++) {
                axpy(-coeffs[i], basis[i], w);
            }
        }
    }

    /** Fills {@code out} with independent standard normal entries. */
    static void gaussian(RandomGenerator rng, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextGaussian();
        }
    }

    /**
     * Fills {@code out} with independent Rademacher (+-1) entries, drawing 32 signs per
     * {@code nextInt()} so probe generation stays negligible next to an HVP.
     */
    static void rademacher(RandomGenerator rng, double[] out) {
        int bits = 0;
        for (int i = 0; i < out.length; i++) {
            if ((i & 31) == 0) {
                bits = rng.nextInt();
            }
            out[i] = ((bits >>> (i & 31)) & 1) == 0 ? 1.0 : -1.0;
        }
    }

    /** Applies {@code op} and reports one unit of work; the single call site of {@code apply}. */
    static void applyCounted(LinearOperator op, double[] v, double[] out, ProgressSink sink) {
        op.apply(v, out);
        sink.worked(1);
    }

    /** Throws if the user cancelled; called before each expensive step. */
    static void checkCanceled(ProgressSink sink) {
        if (sink.isCanceled()) {
            throw new CancellationException("spectral computation canceled");
        }
    }

    static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
