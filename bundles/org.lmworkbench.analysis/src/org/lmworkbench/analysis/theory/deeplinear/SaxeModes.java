package org.lmworkbench.analysis.theory.deeplinear;

/**
 * The learning trajectories of the singular modes of a two-layer linear network trained by gradient
 * descent from a small balanced initialization (Saxe, McClelland, Ganguli 2014, "Exact solutions to
 * the nonlinear dynamics of learning in deep linear neural networks").
 *
 * <p>Setting: loss {@code (1/2) E|y - W2 W1 x|^2} (summed over outputs, averaged over examples),
 * whitened inputs {@code E[x x^T] = I}, input-output correlation {@code E[y x^T] = U S V^T} with
 * strengths {@code s_a}. Started balanced and aligned with the modes, the projection
 * {@code u_a = U_a^T W2 W1 V_a} follows {@code tau du/dt = 2 u (s - u)} with {@code tau = 1/eta} steps,
 * whose solution is
 * <pre>  u(t) = s e^(2 s t/tau) / (e^(2 s t/tau) - 1 + s/u0) = s / (1 + (s/u0 - 1) e^(-2 s t/tau)).</pre>
 * It reaches {@code s/2} at the exact half-time {@code (tau/(2s)) ln(s/u0 - 1)}, approximately
 * {@code (tau/(2s)) ln(s/u0)} for {@code u0 << s}. Gradient descent follows the flow up to its
 * discreteness (about one step per mode late at {@code eta = 0.01}).
 */
public final class SaxeModes {

    private final double[] strengths;
    private final double[] initial;
    private final double tau;

    private SaxeModes(double[] strengths, double[] initial, double tau) {
        this.strengths = strengths;
        this.initial = initial;
        this.tau = tau;
    }

    /**
     * Modes of the given strengths, each starting at {@code u0}, learned at rate {@code lr}.
     *
     * @throws IllegalArgumentException unless every {@code s > 0}, {@code 0 < u0 < s} and {@code lr > 0}
     */
    public static SaxeModes of(double[] strengths, double u0, double lr) {
        double[] initial = new double[strengths.length];
        java.util.Arrays.fill(initial, u0);
        return of(strengths, initial, lr);
    }

    /** Modes with one initial value per mode. */
    public static SaxeModes of(double[] strengths, double[] initial, double lr) {
        if (strengths.length == 0 || strengths.length != initial.length) {
            throw new IllegalArgumentException("need one initial value per strength (at least one), got "
                    + initial.length + " and " + strengths.length);
        }
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
        }
        for (int a = 0; a < strengths.length; a++) {
            if (!(strengths[a] > 0) || !Double.isFinite(strengths[a])) {
                throw new IllegalArgumentException("strength of mode " + a + " must be positive, got " + strengths[a]);
            }
            if (!(initial[a] > 0 && initial[a] < strengths[a])) {
                throw new IllegalArgumentException("initial value of mode " + a + " must lie in (0, " + strengths[a]
                        + "), got " + initial[a]);
            }
        }
        return new SaxeModes(strengths.clone(), initial.clone(), 1 / lr);
    }

    /** The number of modes. */
    public int modes() {
        return strengths.length;
    }

    /** {@code u_a(t)} at step {@code t} (real-valued). */
    public double value(int mode, double t) {
        double s = strengths[mode];
        return s / (1 + (s / initial[mode] - 1) * Math.exp(-2 * s * t / tau));
    }

    /** {@code u_a} at each of the given steps. */
    public double[] trajectory(int mode, double[] steps) {
        double[] u = new double[steps.length];
        for (int k = 0; k < steps.length; k++) {
            u[k] = value(mode, steps[k]);
        }
        return u;
    }

    /** The exact step at which {@code u_a = s_a/2}: {@code (tau/(2s)) ln(s/u0 - 1)}. */
    public double halfTime(int mode) {
        double s = strengths[mode];
        return tau / (2 * s) * Math.log(s / initial[mode] - 1);
    }

    /** The approximate half-time {@code (tau/(2s)) ln(s/u0)} quoted for {@code u0 << s}. */
    public double approximateHalfTime(int mode) {
        double s = strengths[mode];
        return tau / (2 * s) * Math.log(s / initial[mode]);
    }

    /**
     * The first step at which a measured curve reaches {@code level}, linearly interpolated between
     * the two samples around the crossing (the predicted counterpart of {@link #halfTime}).
     *
     * @return the first step itself if the curve starts at or above the level, NaN if it never gets
     *         there
     */
    public static double crossingTime(double[] steps, double[] values, double level) {
        if (steps.length != values.length) {
            throw new IllegalArgumentException(steps.length + " steps but " + values.length + " values");
        }
        for (int k = 0; k < values.length; k++) {
            if (values[k] >= level) {
                if (k == 0) {
                    return steps[0];
                }
                double f = (level - values[k - 1]) / (values[k] - values[k - 1]);
                return steps[k - 1] + f * (steps[k] - steps[k - 1]);
            }
        }
        return Double.NaN;
    }
}
