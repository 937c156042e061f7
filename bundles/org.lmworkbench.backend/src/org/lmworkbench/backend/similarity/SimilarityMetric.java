package org.lmworkbench.backend.similarity;

import java.util.Map;

/**
 * A similarity (or distance) between two representations of the same examples, split into a
 * per-representation {@link #prepare} step and a cheap pairwise {@link #compare} step, so that a
 * layer x layer or model x model matrix computes each layer's Gram, centring or basis once and
 * reuses it for every pair.
 *
 * @param <P> what {@link #prepare} keeps about one representation (NDArrays in the representation's
 *            manager, scalars)
 */
public interface SimilarityMetric<P> {

    /** Full name in the similarity-repository convention, e.g. {@code cka-kernel=linear-hsic=song-score}. */
    String name();

    /** The parsed settings behind the name (kernel, estimator, sigma, k, ...), for results. */
    Map<String, Object> settings();

    /** Fewest examples the metric is defined for. */
    int minimumExamples();

    /** Why {@link #minimumExamples()} is what it is, for the error message. */
    default String minimumReason() {
        return "fewer examples leave it undefined";
    }

    /**
     * Everything about {@code r} that {@link #compare} needs.
     *
     * @throws SimilarityException if {@code r} is unusable for this metric (too few examples, zero variance)
     */
    P prepare(Representation r);

    /** The value for two prepared representations of the same examples. */
    double compare(P a, P b);

    /** Prepares both sides and compares them, after checking the example counts. */
    default double compute(Representation a, Representation b) {
        InputChecks.requireSameExamples(a, b);
        InputChecks.requireExamples(name(), minimumExamples(), minimumReason(), a);
        return compare(prepare(a), prepare(b));
    }
}
