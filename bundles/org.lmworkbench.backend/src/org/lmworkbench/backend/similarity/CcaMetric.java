package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Canonical correlation analysis family: the canonical correlations are the singular values of
 * {@code U_x^T U_y} for orthonormal bases of the centred column spaces ({@link PrincipalBasis});
 * the score is their mean over {@code min(rank_x, rank_y)} ({@code cca-score}, "mean CCA"
 * of Raghu et al. 2017). SVCCA first keeps, per representation, the fewest principal directions
 * explaining the given share of the variance ({@code svcca-var=0.99-score}). CCA is invariant to any
 * invertible linear map of either side; with {@code rank_x + rank_y >= n} correlations of 1 appear
 * trivially, so use it with many more examples than features.
 */
public final class CcaMetric implements SimilarityMetric<PrincipalBasis> {

    private final double varianceKept;

    private CcaMetric(double varianceKept) {
        this.varianceKept = varianceKept;
    }

    /** Mean canonical correlation on the full representations. */
    public static CcaMetric mean() {
        return new CcaMetric(1.0);
    }

    /**
     * SVCCA keeping {@code fraction} of the variance (0 &lt; fraction &lt;= 1).
     *
     * @throws SimilarityException for a fraction outside (0, 1]
     */
    public static CcaMetric svcca(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new SimilarityException("svcca variance share must be in (0, 1], not " + fraction);
        }
        return new CcaMetric(fraction);
    }

    @Override
    public String name() {
        return varianceKept >= 1.0 ? "cca-score" : "svcca-var=" + varianceKept + "-score";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("family", varianceKept >= 1.0 ? "cca" : "svcca");
        s.put("summary", "mean canonical correlation");
        if (varianceKept < 1.0) {
            s.put("variance_kept", varianceKept);
        }
        s.put("rank_tolerance", PrincipalBasis.RANK_TOLERANCE);
        return s;
    }

    @Override
    public int minimumExamples() {
        return 2;
    }

    @Override
    public PrincipalBasis prepare(Representation r) {
        PrincipalBasis b;
        try (Scratch scratch = new Scratch(r.data())) {
            b = PrincipalBasis.of(Kernels.centreColumns(r.data()));
            if (b.rank() == 0) {
                throw new SimilarityException(r.label() + ": zero variance (all examples identical), so CCA is undefined");
            }
            if (varianceKept < 1.0) {
                b = b.truncate(b.componentsFor(varianceKept));
            }
            // A truncated basis is a strided view; a contiguous copy makes later products cheaper.
            return new PrincipalBasis(scratch.keep(b.basis().duplicate()), b.values());
        }
    }

    @Override
    public double compare(PrincipalBasis a, PrincipalBasis b) {
        double[] rho = Scratch.run(() -> correlations(a.basis().transpose().matMul(b.basis())), a.basis(), b.basis());
        double sum = 0;
        for (double r : rho) {
            sum += Math.min(1.0, r);
        }
        return sum / rho.length;
    }

    /** Singular values of the small cross matrix, descending. */
    static double[] correlations(NDArray cross) {
        int rows = (int) cross.getShape().get(0);
        int cols = (int) cross.getShape().get(1);
        double[] flat = cross.toDoubleArray();
        double[][] data = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, data[i], 0, cols);
        }
        return new SingularValueDecomposition(MatrixUtils.createRealMatrix(data)).getSingularValues();
    }
}
