package org.lmworkbench.analysis.theory.zo;

/**
 * An interval of learning rates known to contain a critical step.
 *
 * @param lower the smallest value the critical step can take (from {@code lambda_max} and the trace)
 * @param upper the largest (from the trace alone); {@code +inf} when the trace is not positive
 */
public record StepBounds(double lower, double upper) {

    /** True if {@code eta} lies in the closed interval. */
    public boolean contains(double eta) {
        return lower <= eta && eta <= upper;
    }
}
