package org.lmworkbench.analysis.theory.deeplinear;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.Well19937c;

/**
 * A deep linear network trained by full-batch gradient descent on the population loss
 * {@code L = (1/2) tr(P Sxx P^T) - tr(Syx^T P)} of the product {@code P = W_L ... W_1} (the squared
 * error {@code (1/2) E|y - P x|^2} up to a constant, for input covariance {@code Sxx} and
 * input-output correlation {@code Syx}), in float64. Test code only.
 */
final class DeepLinearNet {

    private final RealMatrix sxx;
    private final RealMatrix syx;
    private List<RealMatrix> weights;

    DeepLinearNet(RealMatrix sxx, RealMatrix syx, List<RealMatrix> weights) {
        this.sxx = sxx;
        this.syx = syx;
        this.weights = new ArrayList<>(weights);
    }

    RealMatrix product() {
        RealMatrix p = weights.get(0);
        for (int l = 1; l < weights.size(); l++) {
            p = weights.get(l).multiply(p);
        }
        return p;
    }

    /** {@code dL/dW_l = (W_L..W_(l+1))^T (P Sxx - Syx) (W_(l-1)..W_1)^T}. */
    List<RealMatrix> gradients() {
        RealMatrix error = product().multiply(sxx).subtract(syx);
        List<RealMatrix> g = new ArrayList<>();
        for (int l = 0; l < weights.size(); l++) {
            RealMatrix left = identity(weights.get(weights.size() - 1).getRowDimension());
            for (int k = weights.size() - 1; k > l; k--) {
                left = left.multiply(weights.get(k));
            }
            RealMatrix right = identity(weights.get(0).getColumnDimension());
            for (int k = 0; k < l; k++) {
                right = weights.get(k).multiply(right);
            }
            g.add(left.transpose().multiply(error).multiply(right.transpose()));
        }
        return g;
    }

    void step(double eta) {
        List<RealMatrix> g = gradients();
        List<RealMatrix> next = new ArrayList<>();
        for (int l = 0; l < weights.size(); l++) {
            next.add(weights.get(l).subtract(g.get(l).scalarMultiply(eta)));
        }
        weights = next;
    }

    double loss() {
        RealMatrix p = product();
        return 0.5 * p.multiply(sxx).multiply(p.transpose()).getTrace() - syx.transpose().multiply(p).getTrace();
    }

    List<double[][]> weightArrays() {
        return weights.stream().map(RealMatrix::getData).toList();
    }

    static RealMatrix identity(int n) {
        return MatrixUtils.createRealIdentityMatrix(n);
    }

    static RealMatrix randomOrthogonal(int n, Well19937c rng) {
        return new QRDecomposition(gaussian(n, n, 1, rng)).getQ();
    }

    static RealMatrix gaussian(int rows, int cols, double scale, Well19937c rng) {
        double[][] g = new double[rows][cols];
        for (double[] row : g) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * rng.nextGaussian();
            }
        }
        return new Array2DRowRealMatrix(g, false);
    }
}
