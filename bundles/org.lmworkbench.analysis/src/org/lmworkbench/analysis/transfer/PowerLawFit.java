package org.lmworkbench.analysis.transfer;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A power law {@code y = prefactor * x^exponent} fitted by ordinary least squares of {@code ln y} on
 * {@code ln x}, with the exponent's standard error {@code sqrt(SSE / (m - 2) / Sxx)} over the
 * {@code m} points used.
 *
 * @param exponent      the slope in log-log space; NaN with fewer than two usable points
 * @param exponentError its standard error; NaN with fewer than three points
 * @param prefactor     {@code e^intercept}
 * @param points        the number of points used (finite, positive {@code x} and {@code y})
 */
public record PowerLawFit(double exponent, double exponentError, double prefactor, int points) {

    /** Fits the points with finite, positive {@code x} and {@code y}; the others are left out. */
    public static PowerLawFit of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
        List<double[]> usable = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                usable.add(new double[] {Math.log(x[i]), Math.log(y[i])});
            }
        }
        if (usable.size() < 2) {
            return new PowerLawFit(Double.NaN, Double.NaN, Double.NaN, usable.size());
        }
        SimpleRegression regression = new SimpleRegression();
        for (double[] p : usable) {
            regression.addData(p[0], p[1]);
        }
        double error = usable.size() > 2 ? regression.getSlopeStdErr() : Double.NaN;
        return new PowerLawFit(regression.getSlope(), error, Math.exp(regression.getIntercept()), usable.size());
    }
}
