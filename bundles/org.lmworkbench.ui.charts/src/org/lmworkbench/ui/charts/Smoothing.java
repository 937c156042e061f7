package org.lmworkbench.ui.charts;

/**
 * Curve smoothing as TensorBoard does it, so that smoothed curves in the workbench match what
 * people see there.
 */
public final class Smoothing {

    private Smoothing() {
    }

    /**
     * TensorBoard's debiased exponential moving average. With weight {@code w}, the running value is
     * {@code last = w * last + (1 - w) * y} starting from 0, and each output is divided by
     * {@code 1 - w^count} (count = finite values seen so far) so the start of the curve is not pulled
     * towards zero. Non-finite values (NaN, infinities) are passed through unchanged and skipped by
     * the average, so one NaN does not poison the rest of the curve. A constant input is returned
     * unchanged, as in TensorBoard (avoids rounding noise on flat lines).
     *
     * @param y the values, in step order; not modified
     * @param weight the smoothing weight in [0, 1); 0 returns a copy of {@code y}
     * @return a new array of the same length
     * @throws IllegalArgumentException if the weight is outside [0, 1) or NaN
     */
    public static double[] debiasedEma(double[] y, double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("Smoothing weight must be in [0, 1), got " + weight);
        }
        double[] out = new double[y.length];
        boolean constant = true;
        for (int i = 1; i < y.length && constant; i++) {
            constant = Double.compare(y[i], y[0]) == 0;
        }
        double last = 0;
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            if (constant || !Double.isFinite(v)) {
                out[i] = v;
                continue;
            }
            last = last * weight + (1 - weight) * v;
            count++;
            double debias = weight == 0 ? 1 : 1 - Math.pow(weight, count);
            out[i] = last / debias;
        }
        return out;
    }
}
