package org.lmworkbench.backend.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Exact Hessian-vector products against central finite differences of the gradient,
 * {@code (g(w + eps v) - g(w - eps v)) / (2 eps)}, in float64 on an MLP, a CNN and a transformer
 * block. With {@code eps = 1e-5} the difference quotient is accurate to about 1e-10 relative, so
 * the 1e-6 bound tests the products, not the reference.
 */
class HessianVectorProductTest {

    private static final double EPS = 1e-5;

    @Test
    void mlpMatchesFiniteDifferences() {
        try (NDManager m = HessianTestSupport.newManager()) {
            check(TestNetworks.mlp(m, 5, 7, 3, 16, 1), m);
        }
    }

    @Test
    void cnnMatchesFiniteDifferences() {
        try (NDManager m = HessianTestSupport.newManager()) {
            check(TestNetworks.cnn(m, 3, 4, 8, 2), m);
        }
    }

    @Test
    void transformerMatchesFiniteDifferences() {
        try (NDManager m = HessianTestSupport.newManager()) {
            check(TestNetworks.transformer(m, 6, 4, 3, 5, 3), m);
        }
    }

    @Test
    void bothModesAgreeAndAreSymmetric() {
        try (NDManager m = HessianTestSupport.newManager()) {
            TestNetworks.Net net = TestNetworks.mlp(m, 4, 5, 2, 8, 4);
            NDList params = net.params(net.initial(), m);
            Random r = new Random(5);
            double[] u = TestNetworks.gaussian(r, net.initial().length, 1);
            double[] v = TestNetworks.gaussian(r, net.initial().length, 1);
            double[] hu = new double[u.length];
            double[] hv = new double[u.length];
            double[] hvRecomputed = new double[u.length];
            try (HessianVectorProduct reuse = HessianVectorProduct.of(params, net.inputs(), net.loss());
                 HessianVectorProduct fresh = new HessianVectorProduct(params, net.inputs(), net.loss(),
                         HessianVectorProduct.Mode.RECOMPUTE)) {
                reuse.apply(u, hu);
                reuse.apply(v, hv);
                fresh.apply(v, hvRecomputed);
                assertEquals(2, reuse.productCount());
                assertEquals(1, fresh.productCount());
            }
            assertTrue(HessianTestSupport.distance(hv, hvRecomputed) <= 1e-12 * HessianTestSupport.norm(hv));
            double uhv = dot(u, hv);
            double vhu = dot(v, hu);
            assertEquals(uhv, vhu, 1e-10 * Math.abs(uhv));
        }
    }

    /**
     * A gradient graph kept across garbage collections still gives exact products: constants the
     * graph saved must outlive the Java buffers DJL wraps them in (see {@link org.lmworkbench.backend.model.StableScalars}).
     * Whether freed memory is actually reused depends on the allocator, so this catches a
     * regression to {@code mul(double)} often but not always; it reliably checks the kept-graph
     * path against fresh products after collections.
     */
    @Test
    void keptGraphSurvivesGarbageCollection() throws InterruptedException {
        try (NDManager m = HessianTestSupport.newManager()) {
            TestNetworks.Net net = TestNetworks.transformer(m, 6, 4, 3, 5, 8);
            NDList params = net.params(net.initial(), m);
            double[] v = TestNetworks.gaussian(new Random(9), net.initial().length, 1);
            double[] kept = new double[v.length];
            double[] fresh = new double[v.length];
            try (HessianVectorProduct reuse = HessianVectorProduct.of(params, net.inputs(), net.loss());
                 HessianVectorProduct recompute = new HessianVectorProduct(params, net.inputs(), net.loss(),
                         HessianVectorProduct.Mode.RECOMPUTE)) {
                assertTrue(Double.isFinite(reuse.loss()));   // builds the graph now
                for (int i = 0; i < 5; i++) {
                    System.gc();
                    Thread.sleep(20);
                    for (int j = 0; j < 2000; j++) {
                        // Freed direct buffers are what the allocator hands out next: overwrite them.
                        java.nio.ByteBuffer.allocateDirect(8).putDouble(0, 12345.0);
                    }
                }
                reuse.apply(v, kept);
                recompute.apply(v, fresh);
            }
            double rel = HessianTestSupport.distance(kept, fresh) / HessianTestSupport.norm(fresh);
            assertTrue(rel < 1e-12, "kept graph drifted after GC: relative difference " + rel);
        }
    }

    private static void check(TestNetworks.Net net, NDManager m) {
        double[] w = net.initial();
        double[] v = HessianTestSupport.unit(TestNetworks.gaussian(new Random(11), w.length, 1));
        double[] hv = new double[w.length];
        try (HessianVectorProduct hvp = HessianVectorProduct.of(net.params(w, m), net.inputs(), net.loss())) {
            hvp.apply(v, hv);
        }
        double[] plus = gradientAt(net, HessianTestSupport.axpy(EPS, v, w), m);
        double[] minus = gradientAt(net, HessianTestSupport.axpy(-EPS, v, w), m);
        double[] fd = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            fd[i] = (plus[i] - minus[i]) / (2 * EPS);
        }
        double rel = HessianTestSupport.distance(hv, fd) / HessianTestSupport.norm(hv);
        System.out.printf("HVP vs FD: P=%d, ||Hv||=%.4g, relative error %.3g%n", w.length,
                HessianTestSupport.norm(hv), rel);
        assertTrue(rel < 1e-6, "relative error " + rel);
    }

    private static double[] gradientAt(TestNetworks.Net net, double[] w, NDManager m) {
        try (NDManager sub = m.newSubManager();
             HessianVectorProduct hvp = new HessianVectorProduct(net.params(w, sub), net.inputs(),
                     net.loss(), HessianVectorProduct.Mode.RECOMPUTE)) {
            return hvp.gradient();
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
