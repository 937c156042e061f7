package org.lmworkbench.analysis.theory.zo;

import java.util.Objects;

/**
 * The settings of a zeroth-order optimizer that its mean-square stability depends on, and the
 * coefficients of its second-moment recursion.
 *
 * <p>Every method reduces, per eigenmode of {@code H} (of {@code P^-1 H} for Adam), to the heavy-ball
 * recursion {@code x' = x + beta (x - x_prev) - h g} with an effective step {@code h} ({@code eta} for
 * GD and GDM, {@code eta (1 - beta1)} for Adam; {@code beta = 0} for GD). With {@code n} directions per
 * step whose fourth moments are {@code E[u u^T A u u^T] = k (2A + tr(A) I)} for symmetric {@code A}
 * ({@code k = 1} for Gaussian {@code u}, {@code k = d/(d+2)} for {@code u} uniform on the sphere of
 * radius {@code sqrt(d)}), the estimate {@code g} on a quadratic has mean {@code H x} and noise
 * covariance {@code q A + c tr(A) I} with {@code A = H x x^T H},
 * {@code c = k/n} ({@link #crossNoise()}) and {@code q = (2k - 1)/n} ({@link #selfNoise()}).
 *
 * @param method          the update rule
 * @param beta            momentum ({@code beta} of GDM, {@code beta1} of Adam); 0 for GD
 * @param directions      number {@code n} of directions averaged per step, at least 1
 * @param sphereDimension 0 for Gaussian directions, else the dimension {@code d >= 2} of the sphere
 *                        of radius {@code sqrt(d)} the directions are drawn from (the parameter count)
 */
public record ZoSettings(ZoMethod method, double beta, int directions, int sphereDimension) {

    /** Checks the values. */
    public ZoSettings {
        Objects.requireNonNull(method, "method");
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + beta);
        }
        if (method == ZoMethod.GD && beta != 0) {
            throw new IllegalArgumentException("ZO-GD has no momentum, got beta " + beta);
        }
        if (directions < 1) {
            throw new IllegalArgumentException("need at least one direction per step, got " + directions);
        }
        if (sphereDimension != 0 && sphereDimension < 2) {
            throw new IllegalArgumentException("sphere dimension must be 0 (Gaussian) or at least 2, got "
                    + sphereDimension);
        }
    }

    /** ZO-GD with one Gaussian direction per step. */
    public static ZoSettings gd() {
        return new ZoSettings(ZoMethod.GD, 0, 1, 0);
    }

    /** ZO-GDM (heavy ball) with momentum {@code beta} and one Gaussian direction per step. */
    public static ZoSettings gdm(double beta) {
        return new ZoSettings(ZoMethod.GDM, beta, 1, 0);
    }

    /** ZO-Adam with first-moment decay {@code beta1} and one Gaussian direction per step. */
    public static ZoSettings adam(double beta1) {
        return new ZoSettings(ZoMethod.ADAM, beta1, 1, 0);
    }

    /** A copy averaging {@code n} directions per step. */
    public ZoSettings withDirections(int n) {
        return new ZoSettings(method, beta, n, sphereDimension);
    }

    /** A copy drawing directions uniformly from the sphere of radius {@code sqrt(d)} in {@code R^d}. */
    public ZoSettings withSphere(int d) {
        return new ZoSettings(method, beta, directions, d);
    }

    /** True for sphere directions. */
    public boolean isSphere() {
        return sphereDimension != 0;
    }

    /** {@code k}: 1 for Gaussian directions, {@code d/(d+2)} for sphere directions. */
    public double fourthMomentFactor() {
        return isSphere() ? sphereDimension / (sphereDimension + 2.0) : 1.0;
    }

    /** {@code c = k/n}: the weight of {@code tr(H x x^T H)} in the estimate's noise covariance. */
    public double crossNoise() {
        return fourthMomentFactor() / directions;
    }

    /** {@code q = (2k - 1)/n}: the weight of {@code H x x^T H} itself in the noise covariance. */
    public double selfNoise() {
        return (2 * fourthMomentFactor() - 1) / directions;
    }

    /**
     * {@code D = (1 - beta)/(1 + beta) + q}: the curvature coefficient of the critical-step equation
     * {@code sum_i c h lambda_i / (2 (1 - beta) - h lambda_i D) = 1}.
     */
    public double curvatureCoefficient() {
        return (1 - beta) / (1 + beta) + selfNoise();
    }

    /** The effective heavy-ball step {@code h} of learning rate {@code eta}. */
    public double effectiveStep(double eta) {
        return method == ZoMethod.ADAM ? eta * (1 - beta) : eta;
    }

    /** The learning rate whose effective step is {@code h}. */
    public double learningRate(double h) {
        return method == ZoMethod.ADAM ? h / (1 - beta) : h;
    }

    /** A label such as {@code ZO-GDM(beta=0.9, n=2, sphere d=100)} for messages and tables. */
    public String label() {
        StringBuilder s = new StringBuilder("ZO-").append(method == ZoMethod.ADAM ? "Adam" : method.name());
        s.append('(');
        if (method != ZoMethod.GD) {
            s.append(method == ZoMethod.ADAM ? "beta1=" : "beta=").append(beta).append(", ");
        }
        s.append("n=").append(directions);
        s.append(isSphere() ? ", sphere d=" + sphereDimension : ", Gaussian").append(')');
        return s.toString();
    }
}
