package org.lmworkbench.analysis.eos;

import java.util.Arrays;

/**
 * One sharpness measurement of {@code probes/sharpness.jsonl}: the top-k eigenvalues (largest
 * first) at a step, with the learning rate and the stability threshold the optimizer had then.
 *
 * @param step          optimizer steps completed when the Hessian was taken
 * @param eigenvalues   top-k eigenvalues, largest first (at least one)
 * @param lr            learning rate in effect, NaN when not recorded
 * @param threshold     the optimizer's stability threshold (2/lr for GD), NaN when there is none
 *                      (Adam before its first step)
 * @param thresholdKind the threshold's formula as recorded ({@code "2/lr"} ...), or {@code ""}
 */
public record SharpnessSample(long step, double[] eigenvalues, double lr, double threshold, String thresholdKind) {

    /** Copies the eigenvalues, which must not be empty. */
    public SharpnessSample {
        if (eigenvalues == null || eigenvalues.length == 0) {
            throw new IllegalArgumentException("a sharpness sample needs at least one eigenvalue (step " + step + ")");
        }
        eigenvalues = eigenvalues.clone();
        thresholdKind = thresholdKind == null ? "" : thresholdKind;
    }

    /**
     * A sample whose threshold is 2/lr, the gradient-descent case.
     *
     * @param step        the step
     * @param lr          the learning rate
     * @param eigenvalues top eigenvalues, largest first
     * @return the sample
     */
    public static SharpnessSample gd(long step, double lr, double... eigenvalues) {
        return new SharpnessSample(step, eigenvalues, lr, 2.0 / lr, "2/lr");
    }

    /** The sharpness, the largest eigenvalue. */
    public double lambdaMax() {
        return eigenvalues[0];
    }

    /** The i-th eigenvalue (0 = largest), NaN when fewer were recorded. */
    public double eigenvalue(int i) {
        return i < eigenvalues.length ? eigenvalues[i] : Double.NaN;
    }

    /** How many eigenvalues were recorded. */
    public int k() {
        return eigenvalues.length;
    }

    /** A copy of the eigenvalues. */
    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** lambda_max / threshold, NaN when there is no threshold. */
    public double ratio() {
        return Double.isFinite(threshold) && threshold > 0 ? eigenvalues[0] / threshold : Double.NaN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharpnessSample s && s.step == step && Arrays.equals(s.eigenvalues, eigenvalues)
                && Double.compare(s.lr, lr) == 0 && Double.compare(s.threshold, threshold) == 0
                && s.thresholdKind.equals(thresholdKind);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(step) * 31 + Arrays.hashCode(eigenvalues);
    }

    @Override
    public String toString() {
        return "step " + step + ": " + Arrays.toString(eigenvalues) + " (threshold " + threshold + ")";
    }
}
