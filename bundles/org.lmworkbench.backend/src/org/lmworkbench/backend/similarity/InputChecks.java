package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The checks every comparison makes before computing anything, each failing with a message that
 * names the offending input. Peer tools return NaN for n &lt; 4 or silently compare misaligned
 * example sets; here both are errors.
 */
public final class InputChecks {

    private InputChecks() {
    }

    /**
     * Fails on the first NaN or infinite value, giving its example and feature index. The fast
     * path is two reductions that allocate nothing (a minimum and a maximum are finite only if every
     * value is: both propagate NaN and reach an infinity); the scan that finds the position runs only
     * when something is wrong.
     */
    public static void requireFinite(String label, NDArray matrix) {
        if (matrix.size() == 0 || finite(matrix.min()) && finite(matrix.max())) {
            return;
        }
        double[] values = matrix.toDoubleArray();
        long p = matrix.getShape().dimension() > 1 ? matrix.getShape().get(1) : 1;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                String what = Double.isNaN(v) ? "NaN" : (v > 0 ? "+Inf" : "-Inf");
                throw new SimilarityException(label + ": " + what + " at example " + (i / p) + ", feature " + (i % p)
                        + " (flat index " + i + "); similarity needs finite activations");
            }
        }
    }

    private static boolean finite(NDArray scalar) {
        try (scalar; NDArray f64 = scalar.toType(ai.djl.ndarray.types.DataType.FLOAT64, false)) {
            return Double.isFinite(f64.getDouble());
        }
    }

    /** Fails unless both representations hold the same number of examples. */
    public static void requireSameExamples(Representation a, Representation b) {
        if (a.examples() != b.examples()) {
            throw new SimilarityException(a.label() + " has " + a.examples() + " examples but " + b.label() + " has "
                    + b.examples() + "; similarity compares the same examples in the same order");
        }
    }

    /** Fails unless all representations hold the same number of examples. */
    public static void requireSameExamples(List<Representation> all) {
        for (int i = 1; i < all.size(); i++) {
            requireSameExamples(all.get(0), all.get(i));
        }
    }

    /** Fails if {@code r} has fewer examples than {@code metric} needs. */
    public static void requireExamples(String metric, int minimum, String why, Representation r) {
        if (r.examples() < minimum) {
            throw new SimilarityException(metric + " needs at least " + minimum + " examples (" + why + "); "
                    + r.label() + " has " + r.examples());
        }
    }
}
