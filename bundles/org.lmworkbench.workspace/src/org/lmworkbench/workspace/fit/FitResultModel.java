package org.lmworkbench.workspace.fit;

import java.util.Arrays;
import java.util.List;
import org.lmworkbench.analysis.fit.BootstrapResult;
import org.lmworkbench.analysis.fit.BrokenPowerLaw;
import org.lmworkbench.analysis.fit.ChinchillaLaw;
import org.lmworkbench.analysis.fit.FittedLaw;
import org.lmworkbench.analysis.fit.PowerLawWithOffset;
import org.lmworkbench.analysis.fit.ScalingLawForm;

/**
 * The result of a fit as a fit document keeps it: plain numbers, so that a reopened document
 * shows the same table, curves and band without fitting again.
 *
 * @param form the document's form word ({@link FitDocument#FORMS})
 * @param names natural parameter names in form order
 * @param params estimates in {@code names} order
 * @param stderr bootstrap standard errors, or {@code null} without a bootstrap
 * @param lower95 2.5th percentiles over resamples, or {@code null}
 * @param upper95 97.5th percentiles over resamples, or {@code null}
 * @param objective the minimised Huber objective
 * @param starts number of multistart starts
 * @param startsAtBest starts that reached the best objective
 * @param points the fitted points with their residuals, in data order
 * @param resamples natural parameters fitted on each bootstrap resample ({@code [r][k]};
 *        empty without a bootstrap): the band and extrapolation intervals come from these
 * @param skipped runs that gave no point, as {@code "run-id: state"} notes
 */
public record FitResultModel(String form, List<String> names, double[] params, double[] stderr,
        double[] lower95, double[] upper95, double objective, int starts, int startsAtBest,
        List<Point> points, double[][] resamples, List<String> skipped) {

    /**
     * One fitted point.
     *
     * @param id the run id, or {@code row <n>} (1-based CSV line) for CSV points
     * @param x inputs in form order (for chinchilla N and D, D in tokens)
     * @param loss observed loss
     * @param predicted the law's prediction
     * @param logResidual {@code log predicted - log loss}, the quantity the fit minimises
     */
    public record Point(String id, double[] x, double loss, double predicted, double logResidual) {
    }

    /** Copies the lists so that a result is immutable. */
    public FitResultModel {
        names = List.copyOf(names);
        points = List.copyOf(points);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param form a document form word
     * @return a fresh instance of the analysis law
     */
    public static ScalingLawForm law(String form) {
        return switch (form) {
            case "power_law" -> new PowerLawWithOffset();
            case "chinchilla" -> new ChinchillaLaw();
            case "broken_power_law" -> new BrokenPowerLaw();
            default -> throw new IllegalArgumentException("unknown form '" + form + "'");
        };
    }

    /** @return the fitted law. */
    public FittedLaw fitted() {
        return FittedLaw.fromNatural(law(form), params);
    }

    /** @return whether the result has bootstrap resamples. */
    public boolean hasBootstrap() {
        return resamples.length > 0 && stderr != null;
    }

    /**
     * @param k parameter index
     * @return whether the parameter is fitted as its logarithm, see
     *         {@link ScalingLawForm#fittedAsLogarithm(int)}
     */
    public boolean fittedAsLogarithm(int k) {
        return law(form).fittedAsLogarithm(k);
    }

    /**
     * The typical factor by which a parameter varies over the bootstrap refits,
     * {@code exp(sd of ln value)}; the parameter's spread when it is fitted as a logarithm.
     *
     * @param k parameter index
     * @return the factor, or NaN without a bootstrap or when a refit is not positive
     */
    public double multiplicativeError(int k) {
        return hasBootstrap() ? Math.exp(BootstrapResult.logStandardError(resamples, k)) : Double.NaN;
    }

    /**
     * @param name a parameter name
     * @return its estimate
     */
    public double param(String name) {
        int k = names.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("no parameter '" + name + "'");
        }
        return params[k];
    }

    /**
     * Predicts the loss at one point from the estimate.
     *
     * @param inputs positive inputs in form order
     * @return the prediction
     */
    public double predict(double... inputs) {
        return fitted().predict(inputs);
    }

    /**
     * Percentile 95% interval of the prediction over the bootstrap resamples (pointwise, the
     * same percentile rule as the parameter intervals: NumPy's linear interpolation).
     *
     * @param inputs positive inputs in form order
     * @return {lower, upper}, or {@code null} without a bootstrap
     */
    public double[] predictionInterval(double... inputs) {
        if (!hasBootstrap()) {
            return null;
        }
        ScalingLawForm law = law(form);
        double[] values = new double[resamples.length];
        for (int r = 0; r < resamples.length; r++) {
            values[r] = law.predict(resamples[r], inputs);
        }
        Arrays.sort(values);
        return new double[] {percentile(values, 0.025), percentile(values, 0.975)};
    }

    /**
     * Linear-interpolation percentile of sorted values (NumPy "linear"), the rule the analysis
     * bundle's bootstrap uses for parameter intervals.
     *
     * @param sorted ascending values, at least one
     * @param q quantile in [0, 1]
     * @return the percentile
     */
    static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * @param k input index
     * @return input {@code k} of every point, in point order
     */
    public double[] inputs(int k) {
        return points.stream().mapToDouble(p -> p.x()[k]).toArray();
    }

    /** @return the observed losses in point order. */
    public double[] losses() {
        return points.stream().mapToDouble(Point::loss).toArray();
    }

    /** @return the log residuals in point order. */
    public double[] logResiduals() {
        return points.stream().mapToDouble(Point::logResidual).toArray();
    }
}
