package org.lmworkbench.backend.diagnostics;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Neural collapse metrics (Papyan, Han and Donoho 2020) of penultimate features {@code h_i} with
 * labels {@code y_i}, all in float64. With global mean {@code mu_G}, class means {@code mu_c} and
 * centred means {@code m_c = mu_c - mu_G}:
 * <ul>
 * <li>NC1 {@code = tr(Sigma_W Sigma_B^+) / C}, {@code Sigma_W} the within-class covariance (mean over
 * examples), {@code Sigma_B = (1/C) sum_c m_c m_c^T}, {@code +} the Moore-Penrose pseudo-inverse;</li>
 * <li>NC2 equinorm: coefficient of variation (std/mean) of {@code ||m_c||}; equiangularity: mean over
 * pairs {@code c != c'} of {@code |cos(m_c, m_c') + 1/(C-1)|};</li>
 * <li>NC3: {@code || W/||W||_F - M/||M||_F ||_F} for the classifier rows {@code W} ({@code C x d})
 * and the centred means {@code M} ({@code C x d});</li>
 * <li>NC4: the fraction of examples on which the network's prediction differs from the
 * nearest-class-centre rule {@code argmin_c ||h - mu_c||}.</li>
 * </ul>
 * A perfect simplex equiangular tight frame with zero within-class spread gives 0 for all.
 *
 * @param nc1             within-class variability collapse
 * @param nc2Equinorm     CV of the centred class-mean norms
 * @param nc2Equiangular  mean deviation from the simplex angle
 * @param nc3             self-duality distance (NaN without a classifier)
 * @param nc4             disagreement with the nearest class centre (NaN without predictions)
 */
public record NeuralCollapse(double nc1, double nc2Equinorm, double nc2Equiangular, double nc3, double nc4) {

    /**
     * Computes the metrics.
     *
     * @param features    {@code [N][d]} penultimate features
     * @param labels      class of each example, {@code 0..classes-1}
     * @param classes     number of classes C (every class needs an example)
     * @param classifier  {@code [C][d]} last-layer weights, or null
     * @param predictions the network's predicted class per example, or null
     */
    public static NeuralCollapse of(double[][] features, int[] labels, int classes, double[][] classifier,
            int[] predictions) {
        int n = features.length;
        int d = features[0].length;
        double[][] means = new double[classes][d];
        int[] counts = new int[classes];
        double[] global = new double[d];
        for (int i = 0; i < n; i++) {
            counts[labels[i]]++;
            for (int j = 0; j < d; j++) {
                means[labels[i]][j] += features[i][j];
                global[j] += features[i][j] / n;
            }
        }
        for (int c = 0; c < classes; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("class " + c + " has no examples; neural collapse needs every class");
            }
            for (int j = 0; j < d; j++) {
                means[c][j] /= counts[c];
            }
        }
        double[][] centred = new double[classes][d];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < d; j++) {
                centred[c][j] = means[c][j] - global[j];
            }
        }
        RealMatrix within = MatrixUtils.createRealMatrix(d, d);
        for (int i = 0; i < n; i++) {
            double[] diff = new double[d];
            for (int j = 0; j < d; j++) {
                diff[j] = features[i][j] - means[labels[i]][j];
            }
            RealMatrix v = MatrixUtils.createColumnRealMatrix(diff);
            within = within.add(v.multiply(v.transpose()));
        }
        within = within.scalarMultiply(1.0 / n);
        RealMatrix m = MatrixUtils.createRealMatrix(centred);
        RealMatrix between = m.transpose().multiply(m).scalarMultiply(1.0 / classes);
        RealMatrix pinv = new SingularValueDecomposition(between).getSolver().getInverse();
        double nc1 = within.multiply(pinv).getTrace() / classes;

        double[] norms = new double[classes];
        double meanNorm = 0;
        for (int c = 0; c < classes; c++) {
            norms[c] = m.getRowVector(c).getNorm();
            meanNorm += norms[c] / classes;
        }
        double var = 0;
        for (double v : norms) {
            var += (v - meanNorm) * (v - meanNorm) / classes;
        }
        double equinorm = Math.sqrt(var) / meanNorm;
        double angular = 0;
        for (int a = 0; a < classes; a++) {
            for (int b = 0; b < classes; b++) {
                if (a != b) {
                    double cos = m.getRowVector(a).dotProduct(m.getRowVector(b)) / (norms[a] * norms[b]);
                    angular += Math.abs(cos + 1.0 / (classes - 1));
                }
            }
        }
        angular /= classes * (classes - 1.0);

        double nc3 = Double.NaN;
        if (classifier != null) {
            RealMatrix w = MatrixUtils.createRealMatrix(classifier);
            nc3 = w.scalarMultiply(1 / w.getFrobeniusNorm()).subtract(m.scalarMultiply(1 / m.getFrobeniusNorm()))
                    .getFrobeniusNorm();
        }
        double nc4 = Double.NaN;
        if (predictions != null) {
            int disagree = 0;
            for (int i = 0; i < n; i++) {
                if (nearestCentre(features[i], means) != predictions[i]) {
                    disagree++;
                }
            }
            nc4 = disagree / (double) n;
        }
        return new NeuralCollapse(nc1, equinorm, angular, nc3, nc4);
    }

    private static int nearestCentre(double[] h, double[][] means) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < means.length; c++) {
            double s = 0;
            for (int j = 0; j < h.length; j++) {
                double diff = h[j] - means[c][j];
                s += diff * diff;
            }
            if (s < bestDistance) {
                bestDistance = s;
                best = c;
            }
        }
        return best;
    }
}
