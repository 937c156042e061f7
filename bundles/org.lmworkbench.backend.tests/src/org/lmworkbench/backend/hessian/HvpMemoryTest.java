package org.lmworkbench.backend.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Repeated Hessian-vector products keep memory flat: the number of arrays attached to the
 * parameters' manager is unchanged, and the resident set size grows by no more than a loose bound
 * over 1000 products in each mode (the allocator's footprint fluctuates by about 20 MB on its own) (a leak of the {@code JniUtils.backward(create_graph)} kind,
 * about 1.8 MB per product, would add well over a gigabyte).
 */
class HvpMemoryTest {

    private static final int PRODUCTS = 1000;
    /**
     * A leak detector, not a flatness target (the benchmark measures that): the JniUtils double
     * backward leaks about 1.8 MB per product, 1800 MB over this run, while allocator warm-up on a
     * loaded machine has been seen to add up to about 70 MB.
     */
    private static final double MAX_GROWTH_MB = 400;

    @Test
    void reusedGraphStaysFlat() throws IOException {
        run(HessianVectorProduct.Mode.REUSE_GRADIENT_GRAPH);
    }

    @Test
    void recomputedGraphStaysFlat() throws IOException {
        run(HessianVectorProduct.Mode.RECOMPUTE);
    }

    private static void run(HessianVectorProduct.Mode mode) throws IOException {
        try (NDManager m = HessianTestSupport.newManager()) {
            TestNetworks.Net net = TestNetworks.mlp(m, 16, 48, 4, 64, 7);
            NDList params = net.params(net.initial(), m);
            double[] v = TestNetworks.gaussian(new Random(1), net.initial().length, 1);
            double[] out = new double[v.length];
            try (HessianVectorProduct hvp = new HessianVectorProduct(params, net.inputs(), net.loss(), mode)) {
                // Warm-up: the allocator's and the JIT's working sets settle in the first hundreds.
                for (int i = 0; i < 200; i++) {
                    hvp.apply(v, out);
                }
                System.gc();
                int arraysBefore = m.getManagedArrays().size();
                double rssBefore = rssMegabytes();
                for (int i = 0; i < PRODUCTS; i++) {
                    hvp.apply(v, out);
                }
                System.gc();
                int arraysAfter = m.getManagedArrays().size();
                double rssAfter = rssMegabytes();
                System.out.printf("%s: %d products, managed arrays %d -> %d, VmRSS %.1f -> %.1f MB%n",
                        mode, PRODUCTS, arraysBefore, arraysAfter, rssBefore, rssAfter);
                assertEquals(arraysBefore, arraysAfter, "arrays left attached to the parameters' manager");
                if (!Double.isNaN(rssBefore)) {
                    assertTrue(rssAfter - rssBefore < MAX_GROWTH_MB,
                            "RSS grew by " + (rssAfter - rssBefore) + " MB");
                }
            }
        }
    }

    /** @return VmRSS from /proc/self/status in MB, NaN where there is no procfs */
    static double rssMegabytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.trim().split("\\s+");
                return Long.parseLong(parts[1]) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
