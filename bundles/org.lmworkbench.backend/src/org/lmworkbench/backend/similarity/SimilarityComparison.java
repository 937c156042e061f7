package org.lmworkbench.backend.similarity;

import java.util.ArrayList;
import java.util.List;

/**
 * Similarity matrices between lists of representations (layer x layer of two models, or model x
 * model at one layer). Each representation is prepared once and reused for every pair; a matrix of
 * a list with itself computes the upper triangle and mirrors it, so it is exactly symmetric. Linear
 * CKA goes through {@link LinearCkaMatrix} when streaming Gram blocks is cheaper than feature
 * products.
 */
public final class SimilarityComparison {

    /**
     * A computed matrix.
     *
     * @param matrix        values, rows x cols
     * @param method        how it was computed, for the result file
     * @param prepareNanos  time spent preparing representations
     * @param compareNanos  time spent on pairs
     */
    public record Result(double[][] matrix, String method, long prepareNanos, long compareNanos) {
    }

    private SimilarityComparison() {
    }

    /**
     * Compares every row representation with every column representation.
     *
     * @throws SimilarityException for mismatched example counts or inputs the metric cannot use
     */
    public static Result matrix(SimilarityMetric<?> metric, List<Representation> rows, List<Representation> cols,
            LinearCkaMatrix.Precision precision) {
        List<Representation> all = new ArrayList<>(rows);
        all.addAll(cols);
        InputChecks.requireSameExamples(all);
        if (metric instanceof CkaMetric cka && cka.kernel() == CkaMetric.Kernel.LINEAR
                && LinearCkaMatrix.gramFormIsCheaper(rows, cols, precision)) {
            long start = System.nanoTime();
            double[][] m = LinearCkaMatrix.compute(rows, cols, cka.estimator(), precision);
            return new Result(m, "streamed Gram blocks (" + precision.name().toLowerCase() + ")", 0,
                    System.nanoTime() - start);
        }
        return generic(metric, rows, cols);
    }

    private static <P> Result generic(SimilarityMetric<P> metric, List<Representation> rows, List<Representation> cols) {
        for (Representation r : rows) {
            InputChecks.requireExamples(metric.name(), metric.minimumExamples(), metric.minimumReason(), r);
        }
        long start = System.nanoTime();
        List<P> preparedRows = new ArrayList<>();
        for (Representation r : rows) {
            preparedRows.add(metric.prepare(r));
        }
        boolean same = sameList(rows, cols);
        List<P> preparedCols = new ArrayList<>();
        if (same) {
            preparedCols = preparedRows;
        } else {
            for (Representation c : cols) {
                preparedCols.add(metric.prepare(c));
            }
        }
        long prepared = System.nanoTime();
        double[][] m = new double[rows.size()][cols.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = same ? i : 0; j < cols.size(); j++) {
                m[i][j] = metric.compare(preparedRows.get(i), preparedCols.get(j));
                if (same) {
                    m[j][i] = m[i][j];
                }
            }
        }
        String method = metric instanceof CkaMetric ? "prepared once per layer (feature or Gram form)" : "prepared once per layer";
        return new Result(m, method, prepared - start, System.nanoTime() - prepared);
    }

    private static boolean sameList(List<Representation> rows, List<Representation> cols) {
        if (rows.size() != cols.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) != cols.get(i)) {
                return false;
            }
        }
        return true;
    }
}
