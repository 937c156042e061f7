package org.lmworkbench.analysis.fit;

import java.util.Arrays;

/**
 * The Epoch/Chinchilla fitting objective: {@code sum_i w_i Huber_delta(r_i)} with residuals
 * {@code r_i = log prediction_i - log L_i} and the analytic gradient with respect to the
 * form's internal parameters.
 *
 * <p>{@code Huber_delta(r) = r^2 / 2} for {@code |r| <= delta}, else {@code delta (|r| - delta /
 * 2)} (scipy.special.huber's convention, which Epoch used). Integer weights let a bootstrap
 * resample be represented as multiplicities of the original points, so no data is copied and
 * points drawn zero times cost nothing.
 *
 * <p>An instance owns scratch buffers and is therefore <b>not thread-safe</b>: use one per
 * thread (the fitter creates one per start). Evaluation does not allocate.
 */
public final class HuberLogObjective implements LbfgsMinimizer.DifferentiableFunction {

    /** Default Huber threshold used by Hoffmann et al. and Epoch. */
    public static final double DEFAULT_DELTA = 1e-3;

    private final ScalingLawForm form;
    private final double[][] logInputs;
    private final double[] logLoss;
    private final int[] index;
    private final double[] weight;
    private final double delta;
    private final double[] logPrediction;
    private final double[][] jacobian;

    /**
     * Objective over all points with unit weights.
     *
     * @param form the law
     * @param data the points
     * @param delta Huber threshold (> 0)
     */
    public HuberLogObjective(ScalingLawForm form, ScalingDataset data, double delta) {
        this(form, data, null, delta);
    }

    /**
     * Objective with per-point multiplicities (bootstrap resamples); points with count 0 are
     * skipped entirely.
     *
     * @param form the law
     * @param data the points
     * @param counts multiplicity of each point, or {@code null} for all ones
     * @param delta Huber threshold (> 0)
     */
    public HuberLogObjective(ScalingLawForm form, ScalingDataset data, int[] counts,
            double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("Huber delta must be > 0, got " + delta);
        }
        if (data.inputCount() != form.inputCount()) {
            throw new IllegalArgumentException(data.source() + ": form '" + form.name()
                    + "' needs " + form.inputCount() + " input columns, data has "
                    + data.inputCount());
        }
        this.form = form;
        this.logInputs = data.logInputs();
        this.logLoss = data.logLoss();
        this.delta = delta;
        int n = data.size();
        int m = 0;
        int[] idx = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            int c = counts == null ? 1 : counts[i];
            if (c > 0) {
                idx[m] = i;
                w[m] = c;
                m++;
            }
        }
        this.index = Arrays.copyOf(idx, m);
        this.weight = Arrays.copyOf(w, m);
        this.logPrediction = new double[m];
        this.jacobian = new double[form.parameterCount()][m];
    }

    @Override
    public int dimension() {
        return form.parameterCount();
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        int m = index.length;
        if (form instanceof ChinchillaLaw) {
            return ChinchillaLaw.huberObjective(theta, logInputs[0], logInputs[1], logLoss, index,
                    weight, m, delta, gradient);
        }
        form.logPredictions(theta, logInputs, index, m, logPrediction, gradient == null ? null
                : jacobian);
        double value = 0;
        int p = form.parameterCount();
        if (gradient != null) {
            Arrays.fill(gradient, 0.0);
        }
        for (int j = 0; j < m; j++) {
            double r = logPrediction[j] - logLoss[index[j]];
            double ar = Math.abs(r);
            double h;
            double dh;
            if (ar <= delta) {
                h = 0.5 * r * r;
                dh = r;
            } else {
                h = delta * (ar - 0.5 * delta);
                dh = r > 0 ? delta : -delta;
            }
            double w = weight[j];
            value += w * h;
            if (gradient != null) {
                double c = w * dh;
                for (int k = 0; k < p; k++) {
                    gradient[k] += c * jacobian[k][j];
                }
            }
        }
        return value;
    }

    /**
     * Objective value only.
     *
     * @param theta internal parameters
     * @return the weighted Huber sum
     */
    public double value(double[] theta) {
        return valueAndGradient(theta, null);
    }

    /** @return the Huber threshold. */
    public double delta() {
        return delta;
    }
}
