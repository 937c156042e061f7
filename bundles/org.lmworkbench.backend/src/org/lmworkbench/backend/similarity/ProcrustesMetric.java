package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Orthogonal Procrustes distance (Williams et al. 2021 shape metric with alpha = 1): after
 * centring and scaling both representations to unit Frobenius norm, the best rotation aligns them
 * with cosine {@code nu = ||X^T Y||_*} (nuclear norm); the angular distance is {@code arccos(nu)},
 * the Euclidean one {@code min_Q ||X - Y Q||_F = sqrt(2 - 2 nu)}. Representations of different
 * widths are compared as if zero-padded. Layers wider than the number of examples are first reduced
 * to their principal scores {@code U S}, which leaves every rotation-invariant quantity unchanged.
 */
public final class ProcrustesMetric implements SimilarityMetric<NDArray> {

    /** The two forms of the distance. */
    public enum Form { ANGULAR, EUCLIDEAN }

    private final Form form;

    /** A Procrustes distance. */
    public ProcrustesMetric(Form form) {
        this.form = form;
    }

    @Override
    public String name() {
        return "procrustes-distance=" + form.name().toLowerCase();
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("family", "procrustes");
        s.put("distance", form.name().toLowerCase());
        s.put("normalisation", "centred columns, unit Frobenius norm");
        return s;
    }

    @Override
    public int minimumExamples() {
        return 2;
    }

    @Override
    public NDArray prepare(Representation r) {
        try (Scratch scratch = new Scratch(r.data())) {
            return scratch.keep(normalised(r));
        }
    }

    private static NDArray normalised(Representation r) {
        NDArray x = Kernels.centreColumns(r.data());
        double norm = Math.sqrt(Kernels.frobeniusDot(x, x));
        if (!(norm > 0)) {
            throw new SimilarityException(r.label() + ": zero variance (all examples identical), so the Procrustes "
                    + "distance is undefined");
        }
        x = x.div(norm);
        if (r.features() > r.examples()) {
            PrincipalBasis b = PrincipalBasis.of(x);
            x = b.basis().mul(x.getManager().create(b.values()));
        }
        return x;
    }

    @Override
    public double compare(NDArray a, NDArray b) {
        double nu = Math.min(1.0, Scratch.run(() -> nuclearNorm(a.transpose().matMul(b)), a, b));
        return form == Form.ANGULAR ? Math.acos(nu) : Math.sqrt(Math.max(0.0, 2.0 - 2.0 * nu));
    }

    /** Sum of singular values of a small matrix (Commons Math SVD in float64). */
    static double nuclearNorm(NDArray matrix) {
        int rows = (int) matrix.getShape().get(0);
        int cols = (int) matrix.getShape().get(1);
        double[] flat = matrix.toDoubleArray();
        double[][] data = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, data[i], 0, cols);
        }
        double sum = 0;
        for (double s : new SingularValueDecomposition(MatrixUtils.createRealMatrix(data)).getSingularValues()) {
            sum += s;
        }
        return sum;
    }
}
