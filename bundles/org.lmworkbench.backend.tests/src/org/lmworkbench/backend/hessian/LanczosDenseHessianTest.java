package org.lmworkbench.backend.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.lmworkbench.analysis.spectral.EigenResult;
import org.lmworkbench.analysis.spectral.EigenTarget;
import org.lmworkbench.analysis.spectral.LanczosEigensolver;
import org.lmworkbench.analysis.spectral.ProgressSink;

/**
 * Lanczos on exact HVPs against a dense eigendecomposition of the full Hessian of a small tanh MLP
 * (P = 130). The dense Hessian is built independently of the HVP code, column by column from
 * central finite differences of the gradient, and symmetrised.
 */
class LanczosDenseHessianTest {

    private static final int K = 3;

    @Test
    void topEigenvaluesMatchDenseDecomposition() {
        try (NDManager m = HessianTestSupport.newManager()) {
            TestNetworks.Net net = TestNetworks.mlp(m, 4, 8, 2, 20, 21);
            double[] w = net.initial();
            int p = w.length;
            double[] dense = denseEigenvaluesDescending(net, w, m);

            NDList params = net.params(w, m);
            EigenResult top;
            EigenResult bottom;
            long products;
            try (HessianOperator op = new HessianOperator(
                    HessianVectorProduct.of(params, net.inputs(), net.loss()))) {
                top = LanczosEigensolver.defaults().withEigenpairs(K).withTolerance(1e-6)
                        .withMaxIterations(p).solve(op, ProgressSink.NONE);
                bottom = LanczosEigensolver.defaults().withTarget(EigenTarget.SMALLEST_ALGEBRAIC)
                        .withTolerance(1e-6).withMaxIterations(p).solve(op, ProgressSink.NONE);
                products = op.product().productCount();
                assertEquals(op.hvpCount(), products);
            }
            System.out.printf("dense top %s, bottom %.10g%n",
                    Arrays.toString(Arrays.copyOf(dense, K)), dense[p - 1]);
            System.out.println("lanczos " + top);
            System.out.println("lanczos " + bottom);
            for (int i = 0; i < K; i++) {
                double rel = Math.abs(top.eigenvalues()[i] - dense[i]) / Math.abs(dense[i]);
                assertTrue(rel < 1e-6, "eigenvalue " + i + " relative error " + rel);
                assertTrue(top.residualNorms()[i] < 1e-5 * Math.abs(dense[0]),
                        "residual " + top.residualNorms()[i]);
            }
            assertTrue(top.converged());
            double relBottom = Math.abs(bottom.eigenvalues()[0] - dense[p - 1]) / Math.abs(dense[0]);
            assertTrue(relBottom < 1e-6, "bottom eigenvalue error " + relBottom);
            // Every product the solvers asked for was computed once, none more.
            assertEquals(top.totalHvpCount() + bottom.totalHvpCount(), products);
        }
    }

    private static double[] denseEigenvaluesDescending(TestNetworks.Net net, double[] w, NDManager m) {
        int p = w.length;
        double eps = 1e-5;
        double[][] h = new double[p][p];
        for (int j = 0; j < p; j++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[j] += eps;
            minus[j] -= eps;
            double[] gp = gradientAt(net, plus, m);
            double[] gm = gradientAt(net, minus, m);
            for (int i = 0; i < p; i++) {
                h[i][j] = (gp[i] - gm[i]) / (2 * eps);
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(h, false)).getRealEigenvalues();
        double[] sorted = ev.clone();
        Arrays.sort(sorted);
        double[] desc = new double[p];
        for (int i = 0; i < p; i++) {
            desc[i] = sorted[p - 1 - i];
        }
        return desc;
    }

    private static double[] gradientAt(TestNetworks.Net net, double[] w, NDManager m) {
        try (NDManager sub = m.newSubManager();
             HessianVectorProduct hvp = new HessianVectorProduct(net.params(w, sub), net.inputs(),
                     net.loss(), HessianVectorProduct.Mode.RECOMPUTE)) {
            return hvp.gradient();
        }
    }
}
