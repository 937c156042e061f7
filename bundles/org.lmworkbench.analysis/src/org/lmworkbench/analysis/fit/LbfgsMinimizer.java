package org.lmworkbench.analysis.fit;

/**
 * Compact limited-memory BFGS (Nocedal &amp; Wright, Algorithm 7.4/7.5) with a strong-Wolfe line
 * search (Algorithms 3.5/3.6, cubic interpolation in the zoom phase).
 *
 * <p>Written by hand because commons-math3 3.6.1 has no L-BFGS: its gradient-based optimiser is
 * nonlinear conjugate gradient, and its BOBYQA/CMA-ES/simplex are derivative free; none
 * matches the algorithm Hoffmann et al. and Epoch used, and all allocate per iteration, which
 * matters for the 4500-start grid. All work arrays are allocated once per {@link #minimize}
 * call; an iteration does not allocate. An instance is stateless apart from its settings and
 * may be shared between threads.
 *
 * <p>Convergence (first hit wins): infinity norm of the gradient at most {@code
 * gradientTolerance}; or relative decrease {@code (f_prev - f) <= valueTolerance *
 * max(|f_prev|, |f|)} over an iteration; or {@code maxIterations}; or a line search that finds
 * no decrease (which, at a kink-free optimum, means the function is flat to rounding).
 */
public final class LbfgsMinimizer {

    /** A smooth function with an analytic gradient. */
    public interface DifferentiableFunction {
        /** @return number of variables. */
        int dimension();

        /**
         * @param x point (not modified)
         * @param gradient output for the gradient, or {@code null} when only the value is needed
         * @return function value ({@code NaN}/infinity are treated as "too far" by the search)
         */
        double valueAndGradient(double[] x, double[] gradient);
    }

    /**
     * Algorithm settings.
     *
     * @param memory number of correction pairs kept (typically 5..20)
     * @param maxIterations iteration cap
     * @param gradientTolerance stop when the gradient's infinity norm is at most this
     * @param valueTolerance stop when an iteration's relative objective decrease is at most this
     * @param maxLineSearchEvaluations cap on function evaluations per line search
     */
    public record Settings(int memory, int maxIterations, double gradientTolerance,
            double valueTolerance, int maxLineSearchEvaluations) {
        /** Defaults: memory 10, 2000 iterations, gradient 1e-10, value 1e-12, 30 evaluations. */
        public static Settings defaults() {
            return new Settings(10, 2000, 1e-10, 1e-12, 30);
        }
    }

    /** Why the minimisation stopped. */
    public enum Status {
        /** Gradient norm below tolerance. */
        GRADIENT_CONVERGED,
        /** Relative objective decrease below tolerance. */
        VALUE_CONVERGED,
        /** Iteration cap reached. */
        MAX_ITERATIONS,
        /** Line search could not decrease the objective along a descent direction. */
        LINE_SEARCH_STALLED,
        /** Objective not finite at the start point. */
        NON_FINITE_START
    }

    /**
     * Outcome of one minimisation.
     *
     * @param point final point
     * @param value objective at {@code point}
     * @param gradientNorm infinity norm of the gradient at {@code point}
     * @param iterations iterations performed
     * @param evaluations function+gradient evaluations performed
     * @param status stopping reason
     */
    public record Result(double[] point, double value, double gradientNorm, int iterations,
            int evaluations, Status status) {
    }

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    private final Settings settings;

    /** @param settings algorithm settings */
    public LbfgsMinimizer(Settings settings) {
        if (settings.memory() < 1 || settings.maxIterations() < 1
                || settings.maxLineSearchEvaluations() < 2) {
            throw new IllegalArgumentException("invalid L-BFGS settings " + settings);
        }
        this.settings = settings;
    }

    /**
     * Minimises {@code f} from {@code start}.
     *
     * @param f the function
     * @param start starting point (not modified)
     * @return the result
     */
    public Result minimize(DifferentiableFunction f, double[] start) {
        return new Run(f, start).execute();
    }

    /** One minimisation's state; holding it in fields keeps the line search allocation free. */
    private final class Run {
        final DifferentiableFunction f;
        final int n;
        final int m = settings.memory();
        double[] x;
        double[] g;
        double[] xTrial;
        double[] gTrial;
        final double[] dir;
        final double[][] s;
        final double[][] y;
        final double[] rho;
        final double[] alphaTmp;
        double fx;
        double fTrial;
        int evaluations;

        Run(DifferentiableFunction f, double[] start) {
            this.f = f;
            this.n = start.length;
            x = start.clone();
            g = new double[n];
            xTrial = new double[n];
            gTrial = new double[n];
            dir = new double[n];
            s = new double[m][n];
            y = new double[m][n];
            rho = new double[m];
            alphaTmp = new double[m];
        }

        Result execute() {
            fx = f.valueAndGradient(x, g);
            evaluations = 1;
            if (!Double.isFinite(fx)) {
                return new Result(x, fx, Double.NaN, 0, evaluations, Status.NON_FINITE_START);
            }
            int stored = 0;
            int newest = -1;
            int iter = 0;
            while (true) {
                double gNorm = normInf(g);
                if (gNorm <= settings.gradientTolerance()) {
                    return new Result(x, fx, gNorm, iter, evaluations, Status.GRADIENT_CONVERGED);
                }
                if (iter >= settings.maxIterations()) {
                    return new Result(x, fx, gNorm, iter, evaluations, Status.MAX_ITERATIONS);
                }
                twoLoop(stored, newest);
                double dg = dot(dir, g);
                double step = 1.0;
                if (stored == 0 || !(dg < 0)) {
                    // No curvature information yet (or it went bad): steepest descent with a
                    // first step of unit length in parameter space, as in scipy/L-BFGS-B.
                    for (int i = 0; i < n; i++) {
                        dir[i] = -g[i];
                    }
                    dg = -dot(g, g);
                    step = Math.min(1.0, 1.0 / Math.sqrt(-dg));
                    stored = 0;
                }
                double fPrev = fx;
                if (!lineSearch(dg, step)) {
                    return new Result(x, fx, gNorm, iter, evaluations, Status.LINE_SEARCH_STALLED);
                }
                // Accept the trial point; the new correction pair overwrites the oldest slot.
                int slot = (newest + 1) % m;
                double sy = 0;
                for (int i = 0; i < n; i++) {
                    s[slot][i] = xTrial[i] - x[i];
                    y[slot][i] = gTrial[i] - g[i];
                    sy += s[slot][i] * y[slot][i];
                }
                if (sy > 1e-300) {
                    rho[slot] = 1.0 / sy;
                    newest = slot;
                    stored = Math.min(stored + 1, m);
                }
                double[] t = x;
                x = xTrial;
                xTrial = t;
                t = g;
                g = gTrial;
                gTrial = t;
                fx = fTrial;
                iter++;
                if (fPrev - fx <= settings.valueTolerance() * Math.max(Math.abs(fPrev), Math.abs(fx))) {
                    return new Result(x, fx, normInf(g), iter, evaluations, Status.VALUE_CONVERGED);
                }
            }
        }

        /** dir = -H g by the two-loop recursion, with H0 = (s'y / y'y) I from the newest pair. */
        void twoLoop(int stored, int newest) {
            for (int i = 0; i < n; i++) {
                dir[i] = -g[i];
            }
            if (stored == 0) {
                return;
            }
            int k = newest;
            for (int c = 0; c < stored; c++) {
                double a = rho[k] * dot(s[k], dir);
                alphaTmp[k] = a;
                axpy(-a, y[k], dir);
                k = (k - 1 + m) % m;
            }
            double gamma = 1.0 / (rho[newest] * dot(y[newest], y[newest]));
            for (int i = 0; i < n; i++) {
                dir[i] *= gamma;
            }
            k = (newest - stored + 1 + m) % m;
            for (int c = 0; c < stored; c++) {
                double b = rho[k] * dot(y[k], dir);
                axpy(alphaTmp[k] - b, s[k], dir);
                k = (k + 1) % m;
            }
        }

        /** Evaluates at x + step * dir into xTrial/gTrial/fTrial; returns the directional slope. */
        double trial(double step) {
            for (int i = 0; i < n; i++) {
                xTrial[i] = x[i] + step * dir[i];
            }
            fTrial = f.valueAndGradient(xTrial, gTrial);
            evaluations++;
            if (!Double.isFinite(fTrial)) {
                fTrial = Double.POSITIVE_INFINITY;
                return Double.NaN;
            }
            return dot(gTrial, dir);
        }

        /** Strong-Wolfe search; on success xTrial/gTrial/fTrial hold the accepted point. */
        boolean lineSearch(double dg0, double step0) {
            double f0 = fx;
            double aPrev = 0;
            double fPrev = f0;
            double dPrev = dg0;
            double a = step0;
            int budget = settings.maxLineSearchEvaluations();
            for (int i = 0; i < budget; i++) {
                double da = trial(a);
                if (Double.isNaN(da)) {
                    // Overflow far along the ray: the minimiser is closer, shrink towards aPrev.
                    a = aPrev + 0.25 * (a - aPrev);
                    continue;
                }
                if (fTrial > f0 + C1 * a * dg0 || (i > 0 && fTrial >= fPrev)) {
                    return zoom(f0, dg0, aPrev, fPrev, dPrev, a, fTrial, da, budget - i - 1);
                }
                if (Math.abs(da) <= -C2 * dg0) {
                    return true;
                }
                if (da >= 0) {
                    return zoom(f0, dg0, a, fTrial, da, aPrev, fPrev, dPrev, budget - i - 1);
                }
                aPrev = a;
                fPrev = fTrial;
                dPrev = da;
                a *= 4;
            }
            return false;
        }

        boolean zoom(double f0, double dg0, double lo, double fLo, double dLo, double hi,
                double fHi, double dHi, int budget) {
            for (int j = 0; j < budget; j++) {
                double width = hi - lo;
                if (Math.abs(width) <= 1e-15 * Math.max(Math.abs(lo), Math.abs(hi))) {
                    break;
                }
                double a = cubicMinimizer(lo, fLo, dLo, hi, fHi, dHi);
                double margin = 0.1 * Math.abs(width);
                if (!(Math.abs(a - lo) >= margin && Math.abs(hi - a) >= margin)) {
                    a = lo + 0.5 * width;
                }
                double da = trial(a);
                if (Double.isNaN(da) || fTrial > f0 + C1 * a * dg0 || fTrial >= fLo) {
                    hi = a;
                    fHi = fTrial;
                    dHi = da;
                } else {
                    if (Math.abs(da) <= -C2 * dg0) {
                        return true;
                    }
                    if (da * (hi - lo) >= 0) {
                        hi = lo;
                        fHi = fLo;
                        dHi = dLo;
                    }
                    lo = a;
                    fLo = fTrial;
                    dLo = da;
                }
            }
            // Interval collapsed or budget spent: accept the best point seen if it decreased f
            // (sufficient decrease holds for it by construction), so progress is not thrown away.
            if (lo > 0 && fLo < f0) {
                trial(lo);
                return fTrial < f0;
            }
            return false;
        }
    }

    /** Minimiser of the cubic interpolating values and slopes at a and b (NaN if none). */
    static double cubicMinimizer(double a, double fa, double da, double b, double fb, double db) {
        if (!(Double.isFinite(fb) && Double.isFinite(db))) {
            return Double.NaN;
        }
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (disc < 0) {
            return Double.NaN;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    static double dot(double[] u, double[] v) {
        double r = 0;
        for (int i = 0; i < u.length; i++) {
            r += u[i] * v[i];
        }
        return r;
    }

    static void axpy(double a, double[] xv, double[] yv) {
        for (int i = 0; i < xv.length; i++) {
            yv[i] += a * xv[i];
        }
    }

    static double normInf(double[] v) {
        double r = 0;
        for (double d : v) {
            r = Math.max(r, Math.abs(d));
        }
        return r;
    }
}
