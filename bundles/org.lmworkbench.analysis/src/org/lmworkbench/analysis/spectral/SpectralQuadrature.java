package org.lmworkbench.analysis.spectral;

/**
 * Gauss quadrature rules from {@link StochasticLanczosQuadrature}: one set of nodes and weights
 * per random start vector, together approximating the spectral measure
 * {@code (1/n) sum_i delta(lambda_i)} of the operator.
 *
 * <p>Each run's weights sum to 1 (they are squared components of a unit vector). Arrays are
 * returned as stored; treat them as read-only.
 *
 * @param nodes     {@code nodes[r]} are the Ritz values of run {@code r}, decreasing; a run that
 *                  hit an invariant subspace has fewer nodes than the step budget
 * @param weights   {@code weights[r][j]} belongs to {@code nodes[r][j]}
 * @param dimension dimension {@code n} of the operator, to turn averages into traces
 * @param hvpCount  operator applications used
 */
public record SpectralQuadrature(double[][] nodes, double[][] weights, int dimension,
        long hvpCount) {

    /** @return number of runs (random start vectors) */
    public int runs() {
        return nodes.length;
    }

    /**
     * Estimate of the {@code p}-th spectral moment {@code (1/n) tr(A^p) = (1/n) sum lambda_i^p},
     * the average over runs of {@code sum_j w_j theta_j^p}; exact per run (in expectation over
     * start vectors) for {@code p <= 2m - 1}.
     *
     * @param p non-negative power
     * @return the moment estimate
     */
    public double moment(int p) {
        double total = 0.0;
        for (int r = 0; r < nodes.length; r++) {
            for (int j = 0; j < nodes[r].length; j++) {
                total += weights[r][j] * Math.pow(nodes[r][j], p);
            }
        }
        return total / nodes.length;
    }

    /** @return {@code n} times the first moment, an estimate of {@code tr(A)} */
    public double traceEstimate() {
        return dimension * moment(1);
    }

    /** @return smallest node over all runs */
    public double minNode() {
        double min = Double.POSITIVE_INFINITY;
        for (double[] run : nodes) {
            for (double x : run) {
                min = Math.min(min, x);
            }
        }
        return min;
    }

    /** @return largest node over all runs */
    public double maxNode() {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] run : nodes) {
            for (double x : run) {
                max = Math.max(max, x);
            }
        }
        return max;
    }

    /**
     * Gaussian-broadened density on an automatic uniform grid spanning the nodes plus
     * {@link SpectralDensity#PADDING_SIGMAS} standard deviations on each side, so that the
     * density integrates to 1 up to {@code ~1e-15} of lost tail mass as long as the grid
     * resolves {@code sigma} (spacing at most about {@code sigma}).
     *
     * @param sigma      standard deviation of the Gaussian kernel (not PyHessian's variance
     *                   parameter {@code sigma_squared})
     * @param gridPoints number of grid points, at least 2
     * @return the density
     */
    public SpectralDensity density(double sigma, int gridPoints) {
        if (!(sigma > 0.0)) {
            throw new IllegalArgumentException("sigma must be positive");
        }
        if (gridPoints < 2) {
            throw new IllegalArgumentException("need at least 2 grid points");
        }
        double lo = minNode() - SpectralDensity.PADDING_SIGMAS * sigma;
        double hi = maxNode() + SpectralDensity.PADDING_SIGMAS * sigma;
        double[] grid = new double[gridPoints];
        for (int i = 0; i < gridPoints; i++) {
            grid[i] = lo + (hi - lo) * i / (gridPoints - 1);
        }
        return density(sigma, grid);
    }

    /**
     * Gaussian-broadened density evaluated at caller-chosen points:
     * {@code phi(t) = (1/runs) sum_r sum_j w_rj N(t; theta_rj, sigma^2)}.
     *
     * @param sigma standard deviation of the Gaussian kernel
     * @param grid  evaluation points (not copied; any order)
     * @return the density
     */
    public SpectralDensity density(double sigma, double[] grid) {
        double[] values = new double[grid.length];
        double norm = 1.0 / (nodes.length * sigma * Math.sqrt(2.0 * Math.PI));
        double cutoff = SpectralDensity.PADDING_SIGMAS * sigma;
        for (int r = 0; r < nodes.length; r++) {
            for (int j = 0; j < nodes[r].length; j++) {
                double c = nodes[r][j];
                double w = weights[r][j] * norm;
                for (int i = 0; i < grid.length; i++) {
                    double d = grid[i] - c;
                    // beyond the cutoff exp(-d^2/2s^2) < 1e-14: skipping it saves most exp calls
                    if (Math.abs(d) <= cutoff) {
                        values[i] += w * Math.exp(-0.5 * (d / sigma) * (d / sigma));
                    }
                }
            }
        }
        return new SpectralDensity(grid, values, sigma);
    }
}
