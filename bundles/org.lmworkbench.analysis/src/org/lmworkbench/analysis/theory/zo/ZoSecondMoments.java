package org.lmworkbench.analysis.theory.zo;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The exact second-moment dynamics of a zeroth-order optimizer on the quadratic
 * {@code f(x) = x^T H x / 2}, per eigenmode of {@code H} (of {@code P^-1 H} for ZO-Adam).
 *
 * <p>Derivation. For one Gaussian direction the covariance {@code S = E[x x^T]} of ZO-GD obeys
 * {@code S' = S - eta (HS + SH) + eta^2 (2 HSH + tr(HSH) I)}. In general (see {@link ZoSettings}) each
 * mode follows {@code x_i' = r_i x_i - beta x_i^prev - h xi_i} with {@code r_i = 1 + beta - h lambda_i}
 * and a noise {@code xi} of variance {@code q lambda_i^2 P_i + c sum_j lambda_j^2 P_j} that is
 * uncorrelated with the past. The per-mode moments {@code P = E[x_i^2]},
 * {@code C = E[x_i x_i^prev]} and {@code Q = E[(x_i^prev)^2]} therefore form a closed linear system
 * (cross-mode covariances never feed back into them):
 * <pre>
 *   P' = a_i P - 2 r_i beta C + beta^2 Q + h^2 c sum_j lambda_j^2 P_j,   a_i = r_i^2 + h^2 q lambda_i^2
 *   C' = r_i P - beta C
 *   Q' = P
 * </pre>
 * a block-diagonal matrix plus a rank-one coupling. {@code E|x_t|^2 = sum_i P_i(t)} is propagated
 * exactly by {@link #expectedSquaredNorm}. For ZO-Adam with a diagonal {@code P} the coupling only
 * depends on the eigenvalues of {@code P^-1 H} when written for {@code y = P x}, so the propagated
 * moments are those of {@code P x} (of {@code x} up to a factor when {@code P} is a multiple of the
 * identity); the growth factor is the same for both.
 *
 * <p>Growth factor. The map preserves the cone of covariance matrices, so its spectral radius is a
 * real eigenvalue with a covariance-shaped eigenvector (Krein-Rutman). Writing
 * {@code R_i(rho) = [(rho - B_i)^-1]_11 = rho (rho + beta) / det(rho - B_i)} for the block
 * {@code B_i} of mode {@code i}, that eigenvalue is the largest root of
 * <pre>  h^2 c sum_i lambda_i^2 R_i(rho) = 1</pre>
 * above the largest eigenvalue of every block (the secular equation of a rank-one update), or that
 * block eigenvalue itself when the secular root does not exist. At {@code rho = 1} the equation is
 * exactly the critical-step equation of {@link ZoCriticalStep}. A zero eigenvalue gives a block
 * eigenvalue of exactly 1 (flat directions keep the noise they receive), so a spectrum with zeros
 * never has a factor below 1; a negative eigenvalue gives a block eigenvalue above 1.
 *
 * <p>Instances are immutable.
 */
public final class ZoSecondMoments {

    /**
     * Per-mode second moments.
     *
     * @param variance         {@code P_i = E[x_i^2]}
     * @param lagCovariance    {@code C_i = E[x_i x_i^prev]} (the previous iterate)
     * @param previousVariance {@code Q_i = E[(x_i^prev)^2]}
     */
    public record ModeMoments(double[] variance, double[] lagCovariance, double[] previousVariance) {

        /** {@code E|x|^2 = sum_i P_i}. */
        public double squaredNorm() {
            double s = 0;
            for (double p : variance) {
                s += p;
            }
            return s;
        }
    }

    private static final int MAX_EVALUATIONS = 1000;

    private final double[] lambda;
    private final double h;
    private final double beta;
    private final double c;
    private final double q;
    private final double blockRadius;
    private final double growth;

    private ZoSecondMoments(double[] lambda, double h, double beta, double c, double q) {
        this.lambda = lambda;
        this.h = h;
        this.beta = beta;
        this.c = c;
        this.q = q;
        double radius = Double.NEGATIVE_INFINITY;
        for (double l : lambda) {
            radius = Math.max(radius, blockRoot(l));
        }
        this.blockRadius = radius;
        this.growth = solveGrowth();
    }

    /**
     * The recursion of {@code settings} at learning rate {@code eta} on a quadratic with the given
     * eigenvalues (all of them; omitted eigenvalues would be zero, which changes the growth factor).
     *
     * @throws IllegalArgumentException for an empty spectrum, a non-finite eigenvalue or a step that is
     *                                  not positive
     */
    public static ZoSecondMoments of(double[] spectrum, double eta, ZoSettings settings) {
        if (spectrum.length == 0) {
            throw new IllegalArgumentException("spectrum is empty");
        }
        for (int i = 0; i < spectrum.length; i++) {
            if (!Double.isFinite(spectrum[i])) {
                throw new IllegalArgumentException("eigenvalue " + i + " is not finite: " + spectrum[i]);
            }
        }
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + eta);
        }
        return new ZoSecondMoments(spectrum.clone(), settings.effectiveStep(eta), settings.beta(),
                settings.crossNoise(), settings.selfNoise());
    }

    /**
     * The asymptotic factor by which {@code E|x|^2} is multiplied per step: the spectral radius of the
     * second-moment recursion. Above 1 the mean square diverges, below 1 it converges.
     */
    public double growthFactor() {
        return growth;
    }

    private double solveGrowth() {
        boolean coupled = false;
        for (double l : lambda) {
            coupled |= l != 0;
        }
        if (!coupled) {
            return blockRadius;
        }
        double scale = Math.max(1, Math.abs(blockRadius));
        double from = blockRadius + 1e-12 * scale;
        if (!(secular(from) > 1)) {
            return blockRadius;
        }
        double step = scale;
        while (secular(blockRadius + step) > 1) {
            step *= 2;
        }
        return new BrentSolver(1e-15, 1e-15 * scale).solve(MAX_EVALUATIONS, rho -> secular(rho) - 1, from,
                blockRadius + step);
    }

    /**
     * The eigenvector of the growth factor: the shape the per-mode moments settle into, normalised to
     * {@code E|x|^2 = 1}. Started from it, {@code E|x_t|^2} is exactly {@code growthFactor()^t}.
     *
     * @throws IllegalStateException when the growth factor is the eigenvalue of a single uncoupled
     *                               block (for example 1 from zero eigenvalues), whose eigenvector is
     *                               not coupled to the rest
     */
    public ModeMoments dominantShape() {
        double rho = growthFactor();
        if (!(rho > blockRadius)) {
            throw new IllegalStateException("the growth factor " + rho + " belongs to a single mode's own"
                    + " dynamics (a zero or negative eigenvalue), not to the coupled second moments");
        }
        int d = lambda.length;
        double[] p = new double[d];
        double[] cov = new double[d];
        double[] prev = new double[d];
        double total = 0;
        for (int i = 0; i < d; i++) {
            p[i] = h * h * c * resolvent(i, rho);
            total += p[i];
        }
        for (int i = 0; i < d; i++) {
            p[i] /= total;
            cov[i] = r(i) * p[i] / (rho + beta);
            prev[i] = p[i] / rho;
        }
        return new ModeMoments(p, cov, prev);
    }

    /**
     * {@code E|x_t|^2} for {@code t = 0..steps} from independent initial coordinates with the given
     * variances along the eigenvectors, starting at rest (zero momentum: the previous iterate equals
     * the first).
     */
    public double[] expectedSquaredNorm(double[] initialVariance, int steps) {
        return expectedSquaredNorm(new ModeMoments(initialVariance, initialVariance, initialVariance), steps);
    }

    /** {@code E|x_t|^2} for {@code t = 0..steps} from the given per-mode moments. */
    public double[] expectedSquaredNorm(ModeMoments initial, int steps) {
        int d = lambda.length;
        if (initial.variance().length != d || initial.lagCovariance().length != d
                || initial.previousVariance().length != d) {
            throw new IllegalArgumentException("initial moments need " + d + " entries per mode, got "
                    + initial.variance().length);
        }
        double[] p = initial.variance().clone();
        double[] cov = initial.lagCovariance().clone();
        double[] prev = initial.previousVariance().clone();
        double[] norms = new double[steps + 1];
        norms[0] = initial.squaredNorm();
        for (int t = 1; t <= steps; t++) {
            double injected = 0;
            for (int i = 0; i < d; i++) {
                injected += lambda[i] * lambda[i] * p[i];
            }
            injected *= h * h * c;
            double sum = 0;
            for (int i = 0; i < d; i++) {
                double r = r(i);
                double a = r * r + h * h * q * lambda[i] * lambda[i];
                double next = a * p[i] - 2 * r * beta * cov[i] + beta * beta * prev[i] + injected;
                cov[i] = r * p[i] - beta * cov[i];
                prev[i] = p[i];
                p[i] = next;
                sum += next;
            }
            norms[t] = sum;
        }
        return norms;
    }

    private double r(int i) {
        return 1 + beta - h * lambda[i];
    }

    private double secular(double rho) {
        double sum = 0;
        for (int i = 0; i < lambda.length; i++) {
            if (lambda[i] != 0) {
                sum += lambda[i] * lambda[i] * resolvent(i, rho);
            }
        }
        return h * h * c * sum;
    }

    /** {@code [(rho - B_i)^-1]_11}, positive above the block's largest eigenvalue. */
    private double resolvent(int i, double rho) {
        double r = r(i);
        double a = r * r + h * h * q * lambda[i] * lambda[i];
        double det = (rho - a) * (rho + beta) * rho + 2 * r * r * beta * rho - beta * beta * (rho + beta);
        return rho * (rho + beta) / det;
    }

    /** The largest real eigenvalue of the block of an eigenvalue {@code l}. */
    private double blockRoot(double l) {
        double r = 1 + beta - h * l;
        double a = r * r + h * h * q * l * l;
        if (beta == 0) {
            return a;
        }
        return Cubic.largestRealRoot(beta - a, -a * beta + 2 * r * r * beta - beta * beta,
                -beta * beta * beta);
    }
}
