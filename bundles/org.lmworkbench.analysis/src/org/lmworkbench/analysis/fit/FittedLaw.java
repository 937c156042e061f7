package org.lmworkbench.analysis.fit;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scaling-law form with concrete parameter values: prediction, extrapolation and residuals.
 *
 * <p>Holds the internal vector (what the optimiser found) and derives natural parameters on
 * demand so both views stay exactly consistent.
 */
public final class FittedLaw {

    private final ScalingLawForm form;
    private final double[] internal;

    /**
     * @param form the law
     * @param internal internal parameter vector (copied)
     */
    public FittedLaw(ScalingLawForm form, double[] internal) {
        if (internal.length != form.parameterCount()) {
            throw new IllegalArgumentException(form.name() + " has " + form.parameterCount()
                    + " parameters, got " + internal.length);
        }
        this.form = form;
        this.internal = internal.clone();
    }

    /**
     * Builds a law from natural parameters (e.g. published values).
     *
     * @param form the law
     * @param natural natural parameters in {@link ScalingLawForm#parameterNames()} order
     * @return the law
     */
    public static FittedLaw fromNatural(ScalingLawForm form, double... natural) {
        return new FittedLaw(form, form.toInternal(natural));
    }

    /** @return the form. */
    public ScalingLawForm form() {
        return form;
    }

    /** @return a copy of the internal parameter vector. */
    public double[] internal() {
        return internal.clone();
    }

    /** @return natural parameters in {@link ScalingLawForm#parameterNames()} order. */
    public double[] natural() {
        return form.toNatural(internal);
    }

    /** @return natural parameters by name, in form order. */
    public Map<String, Double> parameters() {
        Map<String, Double> out = new LinkedHashMap<>();
        double[] p = natural();
        List<String> names = form.parameterNames();
        for (int k = 0; k < p.length; k++) {
            out.put(names.get(k), p[k]);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * @param name a natural parameter name such as {@code "alpha"}
     * @return its value
     * @throws IllegalArgumentException for unknown names (the message lists the known ones)
     */
    public double parameter(String name) {
        int k = form.parameterNames().indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("form '" + form.name() + "' has no parameter '"
                    + name + "'; parameters: " + String.join(", ", form.parameterNames()));
        }
        return natural()[k];
    }

    /**
     * Predicts (or extrapolates) the loss at one point.
     *
     * @param inputs positive inputs in form order (x, or N then D)
     * @return predicted loss
     */
    public double predict(double... inputs) {
        return form.predict(natural(), inputs);
    }

    /**
     * Log predictions for every point of a dataset.
     *
     * @param data points with the form's input columns
     * @return {@code log L_hat} per point
     */
    public double[] logPredictions(ScalingDataset data) {
        int n = data.size();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        double[] out = new double[n];
        form.logPredictions(internal, data.logInputs(), idx, n, out, null);
        return out;
    }

    /**
     * Residuals in the space the fit minimises: {@code log L_hat_i - log L_i}, per point.
     *
     * @param data points with the form's input columns
     * @return residual per point, in dataset order
     */
    public double[] logResiduals(ScalingDataset data) {
        double[] r = logPredictions(data);
        double[] logLoss = data.logLoss();
        for (int i = 0; i < r.length; i++) {
            r[i] -= logLoss[i];
        }
        return r;
    }

    @Override
    public String toString() {
        return form.name() + parameters();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FittedLaw other && other.form.getClass() == form.getClass()
                && Arrays.equals(other.internal, internal);
    }

    @Override
    public int hashCode() {
        return form.getClass().hashCode() * 31 + Arrays.hashCode(internal);
    }
}
