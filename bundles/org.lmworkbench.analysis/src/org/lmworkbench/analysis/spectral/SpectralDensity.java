package org.lmworkbench.analysis.spectral;

/**
 * A spectral density sampled on a grid, as plotted for Hessian eigenvalue densities
 * (Ghorbani et al. 2019, Figure 1 style; usually on a logarithmic density axis).
 *
 * @param grid   evaluation points
 * @param values density at each point
 * @param sigma  standard deviation of the Gaussian broadening used
 */
public record SpectralDensity(double[] grid, double[] values, double sigma) {

    /**
     * Half-width, in kernel standard deviations, of the padding added around the nodes by the
     * automatic grid and of the kernel truncation; the Gaussian tail mass beyond 8 sigma is
     * about {@code 1.2e-15}.
     */
    public static final double PADDING_SIGMAS = 8.0;

    /**
     * Trapezoidal integral of the density; close to 1 when the grid is uniform enough to
     * resolve {@code sigma} and spans all nodes with padding. Intended as a sanity check.
     *
     * @return {@code integral phi(t) dt} over the grid (grid assumed increasing)
     */
    public double integral() {
        return integralOf(0);
    }

    /**
     * Trapezoidal integral of {@code t^p phi(t)}; for {@code p = 1} this is the mean of the
     * broadened density (equal to the quadrature mean), for {@code p = 2} the quadrature's
     * second moment plus {@code sigma^2}.
     *
     * @param p non-negative power
     * @return {@code integral t^p phi(t) dt} over the grid
     */
    public double integralOf(int p) {
        double total = 0.0;
        for (int i = 1; i < grid.length; i++) {
            double a = Math.pow(grid[i - 1], p) * values[i - 1];
            double b = Math.pow(grid[i], p) * values[i];
            total += 0.5 * (grid[i] - grid[i - 1]) * (a + b);
        }
        return total;
    }
}
