package org.lmworkbench.analysis.theory.zo;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The mean-square critical learning rate {@code eta*} of a zeroth-order optimizer on a quadratic
 * with a given Hessian spectrum (Song et al. 2026, arXiv 2604.14669), and its bounds.
 *
 * <p>In the notation of {@link ZoSettings} ({@code h} the effective step, {@code c}, {@code D} its
 * noise and curvature coefficients), {@code E|x|^2} is stable exactly when {@code h} is below the
 * root of
 * <pre>  sum_i c h lambda_i / (2 (1 - beta) - h lambda_i D) = 1,</pre>
 * the condition that the Perron root of the second-moment recursion ({@link ZoSecondMoments}) is 1.
 * It specialises to the paper's equations: ZO-GD with one Gaussian direction
 * {@code sum eta lambda / (2 (1 - eta lambda)) = 1}; {@code n} Gaussian directions
 * {@code sum eta lambda / (2n - (n+1) eta lambda) = 1}; ZO-GDM
 * {@code sum eta lambda / (2 (1-beta) (1 - eta lambda/(1 - beta^2))) = 1}; ZO-Adam
 * {@code sum eta lambda / (2 (1 - eta lambda/(1 + beta1))) = 1} on the eigenvalues of
 * {@code P^-1 H}. For one sphere direction it is the Gaussian equation with {@code eta} replaced by
 * {@code eta d/(d+2)}; with several sphere directions that substitution is only approximate and this
 * class solves the exact form. The left side increases from 0 to {@code +inf} in {@code h}, so the
 * root is unique; it is found by Brent's method inside the bounds.
 *
 * <p>Bounds ({@link #bounds}): each term lies between {@code c h lambda_i / (2(1-beta))} and
 * {@code c h lambda_i / (2(1-beta) - h lambda_max D)}, so
 * {@code 2(1-beta)/(c Tr + D lambda_max) <= h* <= 2(1-beta)/(c Tr)}; for ZO-GD
 * {@code 2/(Tr H + 2 lambda_max) <= eta* <= 2/Tr H}.
 *
 * <p>Eigenvalues that are zero or negative are left out of the equation and of the trace: a flat
 * direction neither feeds nor damps the noise of the others, and along negative curvature no step is
 * mean-square stable (that is a property of the loss, not of the step, and {@link
 * ZoSecondMoments#growthFactor()} reports it as a factor above 1). The spectrum must hold every
 * positive eigenvalue (of {@code P^-1 H} for Adam): a top-k spectrum gives a step that is too large.
 */
public final class ZoCriticalStep {

    private static final int MAX_EVALUATIONS = 500;

    private ZoCriticalStep() {
    }

    /**
     * The critical learning rate {@code eta*} of {@code settings} on {@code spectrum}.
     *
     * @return {@code +inf} when no eigenvalue is positive (nothing can become unstable)
     * @throws IllegalArgumentException if an eigenvalue is not finite
     */
    public static double of(double[] spectrum, ZoSettings settings) {
        double[] positive = positivePart(spectrum);
        if (positive.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double lambdaMax = 0;
        double trace = 0;
        for (double l : positive) {
            lambdaMax = Math.max(lambdaMax, l);
            trace += l;
        }
        double c = settings.crossNoise();
        double d = settings.curvatureCoefficient();
        double twoOneMinusBeta = 2 * (1 - settings.beta());
        double lo = twoOneMinusBeta / (c * trace + d * lambdaMax);
        // At this step the term of lambda_max alone equals 1, so the sum is at least 1.
        double hi = twoOneMinusBeta / (lambdaMax * (d + c));
        if (!(hi > lo)) {
            return settings.learningRate(hi);
        }
        double h = new BrentSolver(1e-16, 1e-16 * hi).solve(MAX_EVALUATIONS,
                x -> secularSum(positive, x, c, d, twoOneMinusBeta) - 1, lo, hi);
        return settings.learningRate(h);
    }

    /**
     * The left side {@code sum_i c h lambda_i / (2(1-beta) - h lambda_i D)} of the critical-step
     * equation at learning rate {@code eta}: below 1 the second moment is stable (for a positive
     * spectrum), above 1 it grows. Eigenvalues that are not positive are left out.
     *
     * @return {@code +inf} at or beyond the pole {@code h lambda_max D = 2(1-beta)}
     */
    public static double secularSum(double[] spectrum, double eta, ZoSettings settings) {
        return secularSum(positivePart(spectrum), settings.effectiveStep(eta), settings.crossNoise(),
                settings.curvatureCoefficient(), 2 * (1 - settings.beta()));
    }

    private static double secularSum(double[] positive, double h, double c, double d, double twoOneMinusBeta) {
        double sum = 0;
        for (double l : positive) {
            double denominator = twoOneMinusBeta - h * l * d;
            if (denominator <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            sum += c * h * l / denominator;
        }
        return sum;
    }

    /**
     * Bounds on {@code eta*} from the two numbers a sharpness probe measures.
     *
     * @param lambdaMax the largest eigenvalue (of {@code P^-1 H} for Adam)
     * @param trace     the trace (of {@code P^-1 H} for Adam)
     * @return {@code [2(1-beta)/(c Tr + D lambda_max), 2(1-beta)/(c Tr)]} mapped from the effective
     *         step to the learning rate; the upper end is {@code +inf} for a trace that is not positive
     */
    public static StepBounds bounds(double lambdaMax, double trace, ZoSettings settings) {
        if (!Double.isFinite(lambdaMax) || !Double.isFinite(trace)) {
            throw new IllegalArgumentException("lambda_max and trace must be finite, got " + lambdaMax + " and "
                    + trace);
        }
        double twoOneMinusBeta = 2 * (1 - settings.beta());
        double c = settings.crossNoise();
        double upper = trace > 0 ? twoOneMinusBeta / (c * trace) : Double.POSITIVE_INFINITY;
        double denominator = c * trace + settings.curvatureCoefficient() * Math.max(lambdaMax, 0);
        double lower = denominator > 0 ? twoOneMinusBeta / denominator : Double.POSITIVE_INFINITY;
        return new StepBounds(settings.learningRate(lower), settings.learningRate(upper));
    }

    /** Bounds on {@code eta*} from a spectrum (its positive part, as {@link #of} uses it). */
    public static StepBounds bounds(double[] spectrum, ZoSettings settings) {
        double lambdaMax = 0;
        double trace = 0;
        for (double l : positivePart(spectrum)) {
            lambdaMax = Math.max(lambdaMax, l);
            trace += l;
        }
        return bounds(lambdaMax, trace, settings);
    }

    static double[] positivePart(double[] spectrum) {
        int n = 0;
        double[] positive = new double[spectrum.length];
        for (int i = 0; i < spectrum.length; i++) {
            if (!Double.isFinite(spectrum[i])) {
                throw new IllegalArgumentException("eigenvalue " + i + " is not finite: " + spectrum[i]);
            }
            if (spectrum[i] > 0) {
                positive[n++] = spectrum[i];
            }
        }
        return java.util.Arrays.copyOf(positive, n);
    }
}
