package org.lmworkbench.analysis.theory.dimension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
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
 * <p>Both estimators read the dimension off a concave cumulative exponent sum {@code C(t)} (see
 * {@link ExponentProfile}) at integers: {@code SD = j* + C(j*) / (C(j*) - C(j*+1))}, which is the
 * formula above with {@code l_k = C(k) - C(k-1)}.
 * <ul>
 *   <li>Exact minibatch spectra ({@link #ofMinibatchSpectra}): {@code C} is the average of the
 *       minibatches' profiles, i.e. of their sorted exponents rank by rank, exactly the definition.
 *       Uncertainty: the jackknife over minibatches.</li>
 *   <li>Stochastic Lanczos quadrature ({@link #ofQuadrature}): as in the paper, the quadrature
 *       density of all runs (a fresh minibatch per run) is averaged and pushed through
 *       {@code ln|1 - eta alpha|}; node {@code theta_j} with weight {@code w_j} of one of {@code R}
 *       runs stands for {@code d w_j / R} eigenvalues, and {@code C} is the integral of the decreasing
 *       rearrangement of the pooled exponents. Uncertainty: the jackknife over runs,
 *       {@code sqrt((R-1)/R sum_r (SD_(-r) - mean SD_(-r))^2)} with {@code SD_(-r)} computed from the
 *       other runs; it covers the minibatch-to-minibatch variation and the quadrature's random
 *       weights. Pooling before rearranging matters: the rearrangement is concave in the weights, so
 *       rearranging each run's noisy weights and averaging would be biased low by an amount that
 *       more runs do not reduce (measured on Wishart matrices like those of this bundle's tests,
 *       {@code d = 150}, 20 runs of 80 steps: -1.1 +- 0.3 of 92 dimensions, against +0.3 +- 0.3
 *       pooled). The pooled profile belongs to the
 *       minibatch-averaged spectral measure; it is never below the rank-wise average of exact
 *       profiles and equals it when the minibatch spectra agree.</li>
 * </ul>
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
     * The first {@code count} exponents {@code l_k = C(k) - C(k-1)} of the pooled profile of SLQ runs
     * (see the class comment), for drawing the sorted exponent profile.
     *
     * @throws IllegalArgumentException if {@code count} exceeds the dimension or the quadratures differ
     */
    public static double[] exponents(List<SpectralQuadrature> quadratures, double eta, int count) {
        Runs runs = Runs.of(quadratures);
        if (count < 0 || count > runs.dimension) {
            throw new IllegalArgumentException("count must be in [0, " + runs.dimension + "], got " + count);
        }
        ExponentProfile pooled = ExponentProfile.ofPooledRuns(runs.nodes, runs.weights, -1, runs.dimension, eta);
        double[] l = new double[count];
        double previous = 0;
        for (int k = 1; k <= count; k++) {
            double c = pooled.cumulative(k);
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
        List<ExponentProfile> profiles = profilesOf(spectra, eta);
        IntFunction<DoubleUnaryOperator> without = skip -> t -> {
            double sum = 0;
            for (int b = 0; b < profiles.size(); b++) {
                sum += b == skip ? 0 : profiles.get(b).cumulative(t);
            }
            return sum / (skip >= 0 ? profiles.size() - 1 : profiles.size());
        };
        return estimate(without, profiles.size(), spectra.get(0).length,
                "exact eigendecomposition of " + spectra.size() + " minibatch Hessian(s)");
    }

    /**
     * The sharpness dimension from stochastic Lanczos quadrature: the runs of all quadratures are
     * pooled, each run one sample (the paper draws a fresh minibatch per run; pass one quadrature per
     * minibatch, or one quadrature whose runs share a Hessian).
     *
     * @throws IllegalArgumentException if the quadratures have different dimensions or no run
     */
    public static SharpnessDimensionEstimate ofQuadrature(List<SpectralQuadrature> quadratures, double eta) {
        Runs runs = Runs.of(quadratures);
        int steps = 0;
        for (double[] run : runs.nodes) {
            steps = Math.max(steps, run.length);
        }
        IntFunction<DoubleUnaryOperator> without = skip -> ExponentProfile.ofPooledRuns(runs.nodes, runs.weights,
                skip, runs.dimension, eta)::cumulative;
        return estimate(without, runs.nodes.length, runs.dimension, "stochastic Lanczos quadrature, "
                + runs.nodes.length + " runs of up to " + steps + " steps, pooled density pushed through"
                + " ln|1 - eta alpha|");
    }

    /** The runs of several quadratures, checked to share one dimension. */
    private record Runs(double[][] nodes, double[][] weights, int dimension) {

        static Runs of(List<SpectralQuadrature> quadratures) {
            if (quadratures.isEmpty()) {
                throw new IllegalArgumentException("no quadrature");
            }
            int d = quadratures.get(0).dimension();
            List<double[]> nodes = new ArrayList<>();
            List<double[]> weights = new ArrayList<>();
            for (SpectralQuadrature q : quadratures) {
                if (q.dimension() != d) {
                    throw new IllegalArgumentException("quadratures of different dimensions: " + d + " and "
                            + q.dimension());
                }
                nodes.addAll(Arrays.asList(q.nodes()));
                weights.addAll(Arrays.asList(q.weights()));
            }
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("the quadratures hold no run");
            }
            return new Runs(nodes.toArray(double[][]::new), weights.toArray(double[][]::new), d);
        }
    }

    /**
     * The dimension of the full cumulative sum ({@code without.apply(-1)}) and the jackknife error
     * from the {@code n} leave-one-out sums.
     */
    private static SharpnessDimensionEstimate estimate(IntFunction<DoubleUnaryOperator> without, int n, int d,
            String estimator) {
        double[] full = kaplanYorke(without.apply(-1), d);
        double error = Double.NaN;
        if (n > 1) {
            double[] leaveOut = new double[n];
            double average = 0;
            for (int r = 0; r < n; r++) {
                leaveOut[r] = kaplanYorke(without.apply(r), d)[0];
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
}
