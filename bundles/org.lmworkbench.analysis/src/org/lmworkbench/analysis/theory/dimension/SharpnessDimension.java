package org.lmworkbench.analysis.theory.dimension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.lmworkbench.analysis.spectral.SpectralQuadrature;

/**
 * The sharpness dimension of Tuci, Korkmaz, Simsekli and Birdal (2026, arXiv 2604.19740).
 *
 * <p>For the gradient-descent map with Jacobian {@code I - eta H_B}, {@code H_B} a minibatch Hessian,
 * the Lyapunov-like exponents are {@code l_k}, the average over minibatches of the {@code k}-th
 * largest {@code ln|1 - eta alpha|} over the minibatch's eigenvalues {@code alpha}, so that
 * {@code l_1 >= l_2 >= ...}. With {@code j*} the largest {@code i} such that
 * {@code l_1 + ... + l_i >= 0}, the Kaplan-Yorke form is
 * <pre>  SD = j* + (l_1 + ... + l_j*) / |l_(j*+1)|,</pre>
 * {@code SD = 0} if {@code l_1 < 0}, and {@code SD = d} when every partial sum up to {@code d} is
 * non-negative (the map expands volumes in all directions). Zero eigenvalues have exponent 0 and
 * count toward {@code j*}, so the whole spectrum matters, not only its top. An eigenvalue with
 * {@code eta alpha = 1} has exponent {@code -inf}: partial sums past it are {@code -inf}, and the
 * fraction is 0 when it is {@code l_(j*+1)}.
 *
 * <p>Estimator. Each sample (an exact minibatch spectrum, or one SLQ run on a fresh minibatch) gives
 * an {@link ExponentProfile} {@code C_r(t)}; the profiles are averaged, {@code C(t) = mean_r C_r(t)},
 * and {@code SD = j* + C(j*) / (C(j*) - C(j*+1))} is read off at integers, which is the formula above
 * with {@code l_k = C(k) - C(k-1)} (exactly so for exact spectra). For SLQ, node {@code theta_j} of a
 * run with weight {@code w_j} stands for {@code d w_j} eigenvalues: the density is pushed through
 * {@code ln|1 - eta theta|} and its decreasing rearrangement integrated. The uncertainty is the
 * jackknife standard error over samples,
 * {@code sqrt((R-1)/R sum_r (SD_(-r) - mean SD_(-r))^2)} with {@code SD_(-r)} computed without sample
 * {@code r}; it covers both the minibatch-to-minibatch variation and the quadrature's randomness.
 */
public final class SharpnessDimension {

    private SharpnessDimension() {
    }

    /**
     * The averaged exponents {@code l_1 >= ... >= l_d} of exact minibatch spectra.
     *
     * @throws IllegalArgumentException if the spectra differ in length or there are none
     */
    public static double[] exponents(List<double[]> spectra, double eta) {
        profilesOf(spectra, eta); // the same checks of lengths, values and step as the estimate
        int d = spectra.get(0).length;
        double[] l = new double[d];
        for (double[] alpha : spectra) {
            double[] sorted = new double[d];
            for (int i = 0; i < d; i++) {
                sorted[i] = -Math.log(Math.abs(1 - eta * alpha[i]));
            }
            Arrays.sort(sorted);
            for (int k = 0; k < d; k++) {
                l[k] -= sorted[k] / spectra.size();
            }
        }
        return l;
    }

    /**
     * The first {@code count} exponents {@code l_k = C(k) - C(k-1)} of the profile averaged over SLQ
     * runs (see the class comment), for drawing the sorted exponent profile.
     *
     * @throws IllegalArgumentException if {@code count} exceeds the dimension or the quadratures differ
     */
    public static double[] exponents(List<SpectralQuadrature> quadratures, double eta, int count) {
        List<ExponentProfile> profiles = quadratureProfiles(quadratures, eta);
        if (count < 0 || count > quadratures.get(0).dimension()) {
            throw new IllegalArgumentException("count must be in [0, " + quadratures.get(0).dimension() + "], got "
                    + count);
        }
        double[] l = new double[count];
        double previous = 0;
        for (int k = 1; k <= count; k++) {
            double c = mean(profiles, k);
            l[k - 1] = c - previous;
            previous = c;
        }
        return l;
    }

    /**
     * The Kaplan-Yorke dimension of a decreasing exponent sequence {@code l_1 >= l_2 >= ...}.
     *
     * @throws IllegalArgumentException if the sequence is empty, increases somewhere or holds NaN
     */
    public static double kaplanYorke(double[] exponents) {
        if (exponents.length == 0) {
            throw new IllegalArgumentException("no exponents");
        }
        double[] cumulative = new double[exponents.length + 1];
        for (int k = 0; k < exponents.length; k++) {
            if (Double.isNaN(exponents[k]) || k > 0 && exponents[k] > exponents[k - 1]) {
                throw new IllegalArgumentException("exponents must be decreasing and not NaN; entry " + k + " is "
                        + exponents[k]);
            }
            cumulative[k + 1] = cumulative[k] + exponents[k];
        }
        return kaplanYorke(t -> cumulative[(int) t], exponents.length)[0];
    }

    /** The sharpness dimension of exact minibatch spectra (one eigenvalue array per minibatch). */
    public static SharpnessDimensionEstimate ofMinibatchSpectra(List<double[]> spectra, double eta) {
        return estimate(profilesOf(spectra, eta), spectra.get(0).length,
                "exact eigendecomposition of " + spectra.size() + " minibatch Hessian(s)");
    }

    /**
     * The sharpness dimension from stochastic Lanczos quadrature: every run of every quadrature is one
     * sample (the paper draws a fresh minibatch per run; pass one quadrature per minibatch, or one
     * quadrature whose runs share a Hessian).
     *
     * @throws IllegalArgumentException if the quadratures have different dimensions or no run
     */
    public static SharpnessDimensionEstimate ofQuadrature(List<SpectralQuadrature> quadratures, double eta) {
        List<ExponentProfile> profiles = quadratureProfiles(quadratures, eta);
        int steps = 0;
        for (SpectralQuadrature q : quadratures) {
            for (double[] run : q.nodes()) {
                steps = Math.max(steps, run.length);
            }
        }
        return estimate(profiles, quadratures.get(0).dimension(), "stochastic Lanczos quadrature, "
                + profiles.size() + " runs of up to " + steps + " steps, density pushed through ln|1 - eta alpha|");
    }

    private static List<ExponentProfile> quadratureProfiles(List<SpectralQuadrature> quadratures, double eta) {
        if (quadratures.isEmpty()) {
            throw new IllegalArgumentException("no quadrature");
        }
        int d = quadratures.get(0).dimension();
        List<ExponentProfile> profiles = new ArrayList<>();
        for (SpectralQuadrature q : quadratures) {
            if (q.dimension() != d) {
                throw new IllegalArgumentException("quadratures of different dimensions: " + d + " and "
                        + q.dimension());
            }
            for (int r = 0; r < q.runs(); r++) {
                profiles.add(ExponentProfile.ofQuadratureRun(q.nodes()[r], q.weights()[r], d, eta));
            }
        }
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("the quadratures hold no run");
        }
        return profiles;
    }

    private static SharpnessDimensionEstimate estimate(List<ExponentProfile> profiles, int d, String estimator) {
        double[] full = kaplanYorke(t -> mean(profiles, t), d);
        int n = profiles.size();
        double error = Double.NaN;
        if (n > 1) {
            double[] leaveOut = new double[n];
            double average = 0;
            for (int r = 0; r < n; r++) {
                List<ExponentProfile> rest = new ArrayList<>(profiles);
                rest.remove(r);
                leaveOut[r] = kaplanYorke(t -> mean(rest, t), d)[0];
                average += leaveOut[r] / n;
            }
            double squares = 0;
            for (double v : leaveOut) {
                squares += (v - average) * (v - average);
            }
            error = Math.sqrt((n - 1.0) / n * squares);
        }
        return new SharpnessDimensionEstimate(full[0], error, (int) full[1], d, n, estimator);
    }

    /** {@code {SD, j*}} of a concave cumulative exponent sum with {@code C(0) = 0}, read at integers. */
    private static double[] kaplanYorke(DoubleUnaryOperator cumulative, int d) {
        if (cumulative.applyAsDouble(1) < 0) {
            return new double[] {0, 0};
        }
        if (cumulative.applyAsDouble(d) >= 0) {
            return new double[] {d, d};
        }
        // concavity with C(0) = 0: once a partial sum is negative, all later ones are
        int lo = 1;
        int hi = d;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cumulative.applyAsDouble(mid) >= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double at = cumulative.applyAsDouble(lo);
        double next = cumulative.applyAsDouble(lo + 1);
        return new double[] {lo + at / (at - next), lo};
    }

    private static List<ExponentProfile> profilesOf(List<double[]> spectra, double eta) {
        if (spectra.isEmpty()) {
            throw new IllegalArgumentException("no minibatch spectrum");
        }
        int d = spectra.get(0).length;
        List<ExponentProfile> profiles = new ArrayList<>();
        for (int b = 0; b < spectra.size(); b++) {
            if (spectra.get(b).length != d) {
                throw new IllegalArgumentException("minibatch spectrum " + b + " has " + spectra.get(b).length
                        + " eigenvalues, the first has " + d);
            }
            profiles.add(ExponentProfile.ofSpectrum(spectra.get(b), eta));
        }
        return profiles;
    }

    private static double mean(List<ExponentProfile> profiles, double t) {
        double sum = 0;
        for (ExponentProfile p : profiles) {
            sum += p.cumulative(t);
        }
        return sum / profiles.size();
    }
}
