package org.lmworkbench.analysis.theory.features;

/**
 * Pearson correlations of the entries of {@code W^T W} with three forms of the FACT right-hand side
 * {@code M = -(1/(n lambda)) sum_i g_i h_i^T}, each matrix minus the mean of its entries (as the
 * neural-feature-ansatz correlation is measured).
 *
 * @param raw       with {@code M} itself
 * @param symmetric with its symmetric part {@code (M + M^T)/2}
 * @param psd       with the nearest positive semi-definite matrix to the symmetric part (negative
 *                  eigenvalues set to 0)
 * @param relativeResidual {@code |W^T W - M|_F / |W^T W|_F}, 0 exactly at a critical point
 */
public record FactCorrelation(double raw, double symmetric, double psd, double relativeResidual) {
}
