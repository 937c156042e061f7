package org.lmworkbench.analysis.fit;

import java.util.List;

/**
 * A parametric scaling-law family fitted in log space.
 *
 * <p>Every form is written as {@code log L = f(theta; log x)} where {@code theta} is an
 * <em>internal</em> parameter vector chosen so the optimiser works on an unconstrained, well
 * scaled space (for example {@code a = log A} instead of {@code A}). Users see the
 * <em>natural</em> parameters ({@link #parameterNames()}), which {@link #toNatural(double[])}
 * and {@link #toInternal(double[])} convert to and from. Both vectors use the same order.
 *
 * <p>The batch method {@link #logPredictions} evaluates all selected points at once so that a
 * form can hoist per-evaluation work (such as {@code exp(e)}) out of the point loop; the fitter
 * calls it hundreds of thousands of times per multistart grid, so implementations must not
 * allocate.
 */
public interface ScalingLawForm {

    /** @return short identifier used in messages, e.g. {@code "chinchilla"}. */
    String name();

    /** @return names of the natural parameters, in the order of the parameter vectors. */
    List<String> parameterNames();

    /** @return names of the internal (optimised) coordinates, same order as the natural ones. */
    List<String> internalParameterNames();

    /** @return number of independent variables the law takes (1 for L(x), 2 for L(N, D)). */
    int inputCount();

    /** @return number of parameters (length of the internal and natural vectors). */
    default int parameterCount() {
        return parameterNames().size();
    }

    /**
     * Whether natural parameter {@code k} is fitted as its logarithm (an amplitude, offset or scale
     * that must stay positive). Its bootstrap refits then spread multiplicatively and are skewed: a
     * few refits far out dominate their plain standard deviation, so a spread on the log scale
     * (or a percentile interval) describes them better.
     *
     * @param k parameter index
     * @return true when the internal coordinate is the logarithm of the natural one
     */
    default boolean fittedAsLogarithm(int k) {
        double[] natural = new double[parameterCount()];
        java.util.Arrays.fill(natural, 1.0);
        natural[k] = Math.E;
        return Math.abs(toInternal(natural)[k] - 1.0) < 1e-12;
    }

    /** Converts an internal vector (log-amplitudes etc.) to natural parameters. */
    double[] toNatural(double[] internal);

    /** Converts natural parameters to the internal vector; amplitudes must be positive. */
    double[] toInternal(double[] natural);

    /**
     * Evaluates {@code log L} for selected points and, optionally, its Jacobian.
     *
     * @param theta internal parameters
     * @param logInputs {@code logInputs[k][i]} = log of input {@code k} at point {@code i}
     * @param index point indices to evaluate (only the first {@code count} are used)
     * @param count number of entries of {@code index} to evaluate
     * @param logPrediction output, {@code logPrediction[j]} for point {@code index[j]}
     * @param jacobian output or {@code null}; {@code jacobian[p][j]} = d logPrediction[j] / d theta[p]
     */
    void logPredictions(double[] theta, double[][] logInputs, int[] index, int count,
            double[] logPrediction, double[][] jacobian);

    /**
     * Default multistart grid for this form on the given data (internal coordinates).
     *
     * @param data the points to be fitted; data-dependent forms place breaks inside its range
     * @return the grid of starting points
     */
    StartGrid defaultGrid(ScalingDataset data);

    /**
     * Predicts the loss at one point from natural parameters.
     *
     * @param natural natural parameter vector
     * @param inputs positive input values, {@link #inputCount()} of them
     * @return predicted loss
     */
    default double predict(double[] natural, double... inputs) {
        if (inputs.length != inputCount()) {
            throw new IllegalArgumentException(name() + " takes " + inputCount() + " inputs, got "
                    + inputs.length);
        }
        double[][] logInputs = new double[inputCount()][1];
        for (int k = 0; k < inputs.length; k++) {
            if (!(inputs[k] > 0)) {
                throw new IllegalArgumentException("input " + k + " must be > 0, got " + inputs[k]);
            }
            logInputs[k][0] = Math.log(inputs[k]);
        }
        double[] out = new double[1];
        logPredictions(toInternal(natural), logInputs, new int[] {0}, 1, out, null);
        return Math.exp(out[0]);
    }
}
