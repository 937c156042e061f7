package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Centered kernel alignment {@code HSIC(K,L) / sqrt(HSIC(K,K) HSIC(L,L))} (Kornblith et al. 2019)
 * with a linear or RBF kernel and either HSIC estimator:
 * <ul>
 * <li>{@code gretton}: biased, {@code tr(KHLH)/(n-1)^2}. Inflated for independent representations
 * when n is not much larger than the width.</li>
 * <li>{@code song}: Song et al. 2012's unbiased HSIC (U-centred Gram matrices); needs {@code n >= 4},
 * can be negative, near 0 for independent representations.</li>
 * </ul>
 * The linear kernel never forms an {@code n x n} matrix when {@code p <= n}: with column-centred
 * X, {@code tr(KHLH) = ||Y^T X||_F^2}, the Gram row sums vanish, and Song's estimator reduces to
 * {@code ||Y^T X||^2}, the row norms {@code d} and the traces:
 * {@code [S - (1 + 2/(n-2)) d_x.d_y + tr_x tr_y/((n-1)(n-2))] / (n(n-3))}. Wider layers use
 * the Gram form {@code <K, L>}.
 */
public final class CkaMetric implements SimilarityMetric<CkaMetric.Prepared> {

    /** The kernel. */
    public enum Kernel { LINEAR, RBF }

    /** The HSIC estimator. */
    public enum Estimator {
        /** Biased (Gretton et al. 2005). */
        GRETTON,
        /** Unbiased (Song et al. 2012). */
        SONG
    }

    private final Kernel kernel;
    private final Estimator estimator;
    private final double sigma;

    /**
     * @param sigma RBF bandwidth relative to the median distance; ignored for the linear kernel
     */
    public CkaMetric(Kernel kernel, Estimator estimator, double sigma) {
        if (kernel == Kernel.RBF && !(sigma > 0 && Double.isFinite(sigma))) {
            throw new SimilarityException("RBF sigma must be a positive number, not " + sigma);
        }
        this.kernel = kernel;
        this.estimator = estimator;
        this.sigma = sigma;
    }

    /** Linear CKA with the given estimator. */
    public static CkaMetric linear(Estimator estimator) {
        return new CkaMetric(Kernel.LINEAR, estimator, Double.NaN);
    }

    /** RBF CKA with the given estimator and bandwidth. */
    public static CkaMetric rbf(double sigma, Estimator estimator) {
        return new CkaMetric(Kernel.RBF, estimator, sigma);
    }

    @Override
    public String name() {
        String k = kernel == Kernel.LINEAR ? "linear" : "(rbf-sigma=" + sigma + ")";
        return "cka-kernel=" + k + "-hsic=" + estimator.name().toLowerCase() + "-score";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("family", "cka");
        s.put("kernel", kernel.name().toLowerCase());
        if (kernel == Kernel.RBF) {
            s.put("sigma", sigma);
            s.put("bandwidth", "sigma^2 * median of all n^2 squared distances (Kornblith et al.)");
        }
        s.put("hsic", estimator.name().toLowerCase());
        s.put("debiased", estimator == Estimator.SONG);
        return s;
    }

    @Override
    public int minimumExamples() {
        return estimator == Estimator.SONG ? 4 : 2;
    }

    @Override
    public String minimumReason() {
        return estimator == Estimator.SONG ? "the unbiased HSIC divides by n(n-3)" : "centring needs two examples";
    }

    /**
     * One side's statistics. For the linear kernel {@code centred} is X with centred columns and
     * {@code gram} is {@code X X^T} only for wide layers; for RBF {@code gram} is the centred kernel.
     */
    public record Prepared(String label, int n, NDArray centred, NDArray gram, NDArray rowNorms, double trace,
            double self) {
    }

    @Override
    public Prepared prepare(Representation r) {
        InputChecks.requireExamples(name(), minimumExamples(), minimumReason(), r);
        Prepared p;
        try (Scratch scratch = new Scratch(r.data())) {
            p = prepare(r, scratch);
        }
        if (!(p.self() > 0)) {
            throw new SimilarityException(r.label() + ": " + (estimator == Estimator.GRETTON
                    ? "zero variance (all examples identical), so CKA is undefined"
                    : "the unbiased HSIC of the representation with itself is " + p.self()
                            + " (not positive), so debiased CKA is undefined; use more examples or the biased estimator"));
        }
        return p;
    }

    private Prepared prepare(Representation r, Scratch scratch) {
        int n = r.examples();
        NDArray x = Kernels.centreColumns(r.data());
        if (kernel == Kernel.LINEAR) {
            boolean wide = r.features() > n;
            NDArray gram = wide ? Kernels.linearGram(x) : null;
            NDArray rowNorms = x.square().sum(new int[] {1});
            double trace = rowNorms.sum().getDouble();
            double s = wide ? Kernels.frobeniusDot(gram, gram) : squaredFrobenius(x.transpose().matMul(x));
            double self = estimator == Estimator.GRETTON ? s
                    : songLinear(n, s, Kernels.frobeniusDot(rowNorms, rowNorms), trace * trace);
            return new Prepared(r.label(), n, scratch.keep(x), gram == null ? null : scratch.keep(gram),
                    scratch.keep(rowNorms), trace, self);
        }
        NDArray k = Kernels.rbfGram(x, sigma, r.label());
        NDArray centredKernel = estimator == Estimator.GRETTON ? Kernels.doubleCentre(k) : Kernels.uCentre(k);
        return new Prepared(r.label(), n, null, scratch.keep(centredKernel), null, Double.NaN,
                Kernels.frobeniusDot(centredKernel, centredKernel));
    }

    @Override
    public double compare(Prepared a, Prepared b) {
        double cross = Scratch.run(() -> {
            if (kernel == Kernel.RBF) {
                return Kernels.frobeniusDot(a.gram(), b.gram());
            }
            double s = a.gram() != null && b.gram() != null ? Kernels.frobeniusDot(a.gram(), b.gram())
                    : squaredFrobenius(a.centred().transpose().matMul(b.centred()));
            return estimator == Estimator.GRETTON ? s
                    : songLinear(a.n(), s, Kernels.frobeniusDot(a.rowNorms(), b.rowNorms()), a.trace() * b.trace());
        }, a.centred(), a.gram(), a.rowNorms(), b.centred(), b.gram(), b.rowNorms());
        return cross / Math.sqrt(a.self() * b.self());
    }

    /**
     * Song's unbiased HSIC of two linear kernels of column-centred data, times {@code n(n-3)}
     * (which cancels in CKA), from {@code S = <K, L>}, {@code d_x . d_y} and {@code tr K tr L}.
     */
    static double songLinear(int n, double s, double diagonalDot, double traceProduct) {
        return s - (1.0 + 2.0 / (n - 2.0)) * diagonalDot + traceProduct / ((n - 1.0) * (n - 2.0));
    }

    static double squaredFrobenius(NDArray m) {
        return Kernels.frobeniusDot(m, m);
    }

    /** The kernel. */
    public Kernel kernel() {
        return kernel;
    }

    /** The estimator. */
    public Estimator estimator() {
        return estimator;
    }
}
