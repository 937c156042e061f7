package org.lmworkbench.analysis.fit;

/**
 * Compute-optimal model size and data for a fitted {@link ChinchillaLaw} under {@code C = 6 N D}
 * (Hoffmann et al. 2022, Approach 3).
 *
 * <p>Minimising {@code E + A N^-alpha + B D^-beta} subject to {@code 6 N D = C} gives
 *
 * <pre>
 *   N*(C) = G (C/6)^(beta/(alpha+beta)),   D*(C) = G^-1 (C/6)^(alpha/(alpha+beta)),
 *   G = (alpha A / (beta B))^(1/(alpha+beta)).
 * </pre>
 *
 * <p>Evaluated in log space so that large budgets (1e25 FLOP and beyond) and extreme exponent
 * ratios cannot overflow intermediate powers.
 */
public final class ComputeOptimalAllocation {

    /**
     * The optimal split of one compute budget.
     *
     * @param flops compute budget C in FLOP
     * @param parameters N*(C)
     * @param tokens D*(C)
     * @param tokensPerParameter D* divided by N*
     * @param loss predicted loss L(N*, D*)
     */
    public record Allocation(double flops, double parameters, double tokens,
            double tokensPerParameter, double loss) {
    }

    private final double e;
    private final double a;
    private final double b;
    private final double alpha;
    private final double beta;

    /**
     * @param law a fitted law whose form is {@link ChinchillaLaw}
     * @throws IllegalArgumentException for other forms or non-positive exponents
     */
    public ComputeOptimalAllocation(FittedLaw law) {
        if (!(law.form() instanceof ChinchillaLaw)) {
            throw new IllegalArgumentException("compute-optimal allocation needs the chinchilla"
                    + " form, got '" + law.form().name() + "'");
        }
        double[] p = law.natural();
        this.e = p[ChinchillaLaw.E];
        this.a = p[ChinchillaLaw.A];
        this.b = p[ChinchillaLaw.B];
        this.alpha = p[ChinchillaLaw.ALPHA];
        this.beta = p[ChinchillaLaw.BETA];
        if (!(alpha > 0 && beta > 0)) {
            throw new IllegalArgumentException("alpha and beta must be > 0 for a finite optimum,"
                    + " got alpha=" + alpha + ", beta=" + beta);
        }
    }

    /** @return log G = log(alpha A / (beta B)) / (alpha + beta). */
    public double logG() {
        return (Math.log(alpha * a) - Math.log(beta * b)) / (alpha + beta);
    }

    /** @return exponent of C in N*(C): beta / (alpha + beta). */
    public double parameterExponent() {
        return beta / (alpha + beta);
    }

    /** @return exponent of C in D*(C): alpha / (alpha + beta). */
    public double tokenExponent() {
        return alpha / (alpha + beta);
    }

    /**
     * @param flops compute budget C (> 0)
     * @return the compute-optimal allocation at C
     */
    public Allocation at(double flops) {
        if (!(flops > 0) || !Double.isFinite(flops)) {
            throw new IllegalArgumentException("compute budget must be finite and > 0, got "
                    + flops);
        }
        double logC6 = Math.log(flops / 6);
        double logG = logG();
        double logN = logG + parameterExponent() * logC6;
        double logD = -logG + tokenExponent() * logC6;
        double n = Math.exp(logN);
        double d = Math.exp(logD);
        double loss = e + a * Math.exp(-alpha * logN) + b * Math.exp(-beta * logD);
        return new Allocation(flops, n, d, Math.exp(logD - logN), loss);
    }
}
