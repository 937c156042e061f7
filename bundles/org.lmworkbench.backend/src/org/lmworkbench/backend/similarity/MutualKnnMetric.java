package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mutual k-nearest-neighbour alignment (Huh et al. 2024, "platonic representation"): rows are
 * scaled to unit L2 norm, each example's k nearest neighbours (largest inner product, itself
 * excluded) are found in both representations, and the score is the mean over examples of the
 * shared fraction of the two neighbour sets. Ties are broken by the lower example index, so the
 * value never depends on sort stability or threads.
 */
public final class MutualKnnMetric implements SimilarityMetric<int[][]> {

    private final int k;

    /**
     * @throws SimilarityException if {@code k < 1}
     */
    public MutualKnnMetric(int k) {
        if (k < 1) {
            throw new SimilarityException("mutual_knn topk must be at least 1, not " + k);
        }
        this.k = k;
    }

    @Override
    public String name() {
        return "mutual_knn-topk=" + k;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("family", "mutual_knn");
        s.put("topk", k);
        s.put("neighbourhood", "inner product of L2-normalised rows, self excluded");
        return s;
    }

    @Override
    public int minimumExamples() {
        return k + 1;
    }

    @Override
    public String minimumReason() {
        return "each example needs " + k + " neighbours besides itself";
    }

    @Override
    public int[][] prepare(Representation r) {
        InputChecks.requireExamples(name(), minimumExamples(), minimumReason(), r);
        NDArray x = r.data();
        int n = r.examples();
        double[] sim = Scratch.run(() -> {
            // Same epsilon as torch.nn.functional.normalize, so all-zero rows stay zero instead of NaN.
            NDArray unit = x.div(x.norm(new int[] {1}, true).maximum(1e-12));
            return unit.matMul(unit.transpose()).toDoubleArray();
        }, x);
        int[][] neighbours = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = topK(sim, i, n);
        }
        return neighbours;
    }

    /** Indices of the k largest entries of row i (excluding i), sorted ascending for merging. */
    private int[] topK(double[] sim, int i, int n) {
        int[] best = new int[k];
        int size = 0;
        int offset = i * n;
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            double v = sim[offset + j];
            if (size < k) {
                int pos = size++;
                while (pos > 0 && before(sim, offset, v, j, best[pos - 1])) {
                    best[pos] = best[pos - 1];
                    pos--;
                }
                best[pos] = j;
            } else if (before(sim, offset, v, j, best[k - 1])) {
                int pos = k - 1;
                while (pos > 0 && before(sim, offset, v, j, best[pos - 1])) {
                    best[pos] = best[pos - 1];
                    pos--;
                }
                best[pos] = j;
            }
        }
        Arrays.sort(best);
        return best;
    }

    /** True if candidate j (value v) ranks before neighbour other: larger value, then lower index. */
    private static boolean before(double[] sim, int offset, double v, int j, int other) {
        double w = sim[offset + other];
        return v > w || (v == w && j < other);
    }

    @Override
    public double compare(int[][] a, int[][] b) {
        long shared = 0;
        for (int i = 0; i < a.length; i++) {
            int[] x = a[i];
            int[] y = b[i];
            int p = 0;
            int q = 0;
            while (p < x.length && q < y.length) {
                if (x[p] == y[q]) {
                    shared++;
                    p++;
                    q++;
                } else if (x[p] < y[q]) {
                    p++;
                } else {
                    q++;
                }
            }
        }
        return shared / ((double) k * a.length);
    }
}
