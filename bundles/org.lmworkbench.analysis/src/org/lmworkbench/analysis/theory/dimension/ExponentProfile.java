package org.lmworkbench.analysis.theory.dimension;

import java.util.Arrays;

/**
 * The sorted exponent profile of one minibatch Hessian: the values {@code ln|1 - eta alpha|} of its
 * eigenvalues {@code alpha}, each carrying a mass (1 per eigenvalue for an exact spectrum,
 * {@code d w_j} for a quadrature node with weight {@code w_j}), sorted in decreasing order.
 *
 * <p>It is represented by its cumulative sum {@code C(t)}, {@code t in [0, d]}: the integral of the
 * decreasing rearrangement of the exponents over the first {@code t} units of mass, piecewise linear
 * between mass boundaries. For an exact spectrum {@code C(k) = l_1 + ... + l_k} at integers; for a
 * quadrature the mass of a node is split across integer slots, so {@code C(k) - C(k-1)} is the
 * mass-weighted average exponent of slot {@code k}. Because the exponents are decreasing, {@code C}
 * is concave with {@code C(0) = 0}; averages of profiles keep both properties.
 */
public final class ExponentProfile {

    private final double[] values;
    private final double[] massBefore;
    private final double[] sumBefore;
    private final double totalMass;

    private ExponentProfile(double[] values, double[] masses) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        this.values = new double[n];
        this.massBefore = new double[n + 1];
        this.sumBefore = new double[n + 1];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            this.values[k] = values[i];
            massBefore[k + 1] = massBefore[k] + masses[i];
            // a zero-mass node contributes nothing, even at an infinite exponent
            sumBefore[k + 1] = sumBefore[k] + (masses[i] == 0 ? 0 : values[i] * masses[i]);
        }
        this.totalMass = massBefore[n];
    }

    /**
     * The profile of an exact spectrum: every eigenvalue has mass 1.
     *
     * @throws IllegalArgumentException for an empty spectrum, a non-finite eigenvalue or a step that
     *                                  is not positive
     */
    public static ExponentProfile ofSpectrum(double[] eigenvalues, double eta) {
        double[] masses = new double[eigenvalues.length];
        Arrays.fill(masses, 1);
        return of(eigenvalues, masses, eta);
    }

    /**
     * The profile of one stochastic Lanczos quadrature run: node {@code theta_j} with weight
     * {@code w_j} stands for {@code d w_j} eigenvalues (the weights of a run sum to 1).
     *
     * @param dimension the parameter count {@code d} (the dimension of the Hessian)
     */
    public static ExponentProfile ofQuadratureRun(double[] nodes, double[] weights, int dimension, double eta) {
        if (nodes.length != weights.length) {
            throw new IllegalArgumentException(nodes.length + " nodes but " + weights.length + " weights");
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        double[] masses = new double[weights.length];
        for (int j = 0; j < weights.length; j++) {
            if (!(weights[j] >= 0)) {
                throw new IllegalArgumentException("weight " + j + " is negative or not a number: " + weights[j]);
            }
            masses[j] = weights[j] * dimension;
        }
        return of(nodes, masses, eta);
    }

    /**
     * The profile of several quadrature runs pooled into one measure: run {@code r} of {@code R}
     * contributes its nodes with weights {@code w_rj / R} (the averaged density of the runs).
     *
     * @param skip a run to leave out (for a jackknife), or -1 for none
     */
    public static ExponentProfile ofPooledRuns(double[][] nodes, double[][] weights, int skip, int dimension,
            double eta) {
        if (nodes.length != weights.length) {
            throw new IllegalArgumentException(nodes.length + " runs of nodes but " + weights.length + " of weights");
        }
        int runs = skip >= 0 && skip < nodes.length ? nodes.length - 1 : nodes.length;
        if (runs < 1) {
            throw new IllegalArgumentException("no quadrature run to pool");
        }
        int size = 0;
        for (int r = 0; r < nodes.length; r++) {
            if (r != skip) {
                if (nodes[r].length != weights[r].length) {
                    throw new IllegalArgumentException("run " + r + " has " + nodes[r].length + " nodes but "
                            + weights[r].length + " weights");
                }
                size += nodes[r].length;
            }
        }
        double[] pooledNodes = new double[size];
        double[] pooledWeights = new double[size];
        int k = 0;
        for (int r = 0; r < nodes.length; r++) {
            if (r != skip) {
                for (int j = 0; j < nodes[r].length; j++, k++) {
                    pooledNodes[k] = nodes[r][j];
                    pooledWeights[k] = weights[r][j] / runs;
                }
            }
        }
        return ofQuadratureRun(pooledNodes, pooledWeights, dimension, eta);
    }

    private static ExponentProfile of(double[] alpha, double[] masses, double eta) {
        if (alpha.length == 0) {
            throw new IllegalArgumentException("no eigenvalues");
        }
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + eta);
        }
        double[] exponents = new double[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            if (!Double.isFinite(alpha[i])) {
                throw new IllegalArgumentException("eigenvalue " + i + " is not finite: " + alpha[i]);
            }
            exponents[i] = Math.log(Math.abs(1 - eta * alpha[i]));
        }
        return new ExponentProfile(exponents, masses);
    }

    /** The total mass: the dimension for an exact spectrum, {@code d} times the weight sum for a run. */
    public double totalMass() {
        return totalMass;
    }

    /**
     * {@code C(t)}, the sum of the largest exponents over the first {@code t} units of mass. Beyond the
     * total mass (a rounding excess of quadrature weights) it continues with the smallest exponent.
     */
    public double cumulative(double t) {
        if (t <= 0) {
            return 0;
        }
        int k = Arrays.binarySearch(massBefore, t);
        int segment = k >= 0 ? k - 1 : -k - 2;
        segment = Math.min(segment, values.length - 1);
        double into = t - massBefore[segment];
        return into == 0 ? sumBefore[segment] : sumBefore[segment] + values[segment] * into;
    }
}
