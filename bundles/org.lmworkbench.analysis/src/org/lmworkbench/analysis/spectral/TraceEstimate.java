package org.lmworkbench.analysis.spectral;

/**
 * A stochastic estimate of {@code tr(A)} with its uncertainty and cost.
 *
 * @param method        estimator name ("Hutchinson" or "Hutch++")
 * @param trace         the estimate
 * @param standardError estimated standard error of {@code trace}: sample standard deviation of
 *                      the probe values divided by {@code sqrt(probes)}; for Hutch++ only the
 *                      stochastic (deflated) part contributes, the range part being exact.
 *                      {@code NaN} when fewer than two probes were used.
 * @param probes        number of random quadratic forms averaged
 * @param hvpCount      operator applications used in total
 */
public record TraceEstimate(String method, double trace, double standardError, int probes,
        long hvpCount) {

    /**
     * @param exact reference value
     * @return {@code |trace - exact| / standardError}, how many standard errors the estimate is off
     */
    public double zScore(double exact) {
        return Math.abs(trace - exact) / standardError;
    }
}
