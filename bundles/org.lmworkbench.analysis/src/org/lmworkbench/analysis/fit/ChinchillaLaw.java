package org.lmworkbench.analysis.fit;

import java.util.List;

/**
 * The Chinchilla form (Hoffmann et al. 2022) {@code L(N, D) = E + A / N^alpha + B / D^beta}.
 *
 * <p>Fitted as in the Epoch AI replication (Besiroglu et al. 2024):
 * {@code log L = LSE(a - alpha log N, b - beta log D, e)} with {@code A = e^a, B = e^b, E = e^e}.
 * Natural parameters, in order: {@code E, A, B, alpha, beta}; internal: {@code e, a, b, alpha,
 * beta}. Inputs, in order: N (parameters), D (tokens).
 *
 * <p>The default grid is Epoch's 4500-start grid: alpha, beta in 0..2 step 0.5; e in -1..1 step
 * 0.5; a, b in 0..25 step 5.
 */
public final class ChinchillaLaw extends LawFormSignature {

    /** Internal index of e = log E. */
    public static final int E = 0;
    /** Internal index of a = log A. */
    public static final int A = 1;
    /** Internal index of b = log B. */
    public static final int B = 2;
    /** Index of alpha. */
    public static final int ALPHA = 3;
    /** Index of beta. */
    public static final int BETA = 4;

    private static final List<String> NAMES = List.of("E", "A", "B", "alpha", "beta");
    private static final List<String> INTERNAL = List.of("e", "a", "b", "alpha", "beta");

    /** The form with its names; it holds no state. */
    public ChinchillaLaw() {
        super("chinchilla", NAMES, INTERNAL, 2);
    }

    @Override
    public double[] toNatural(double[] t) {
        return new double[] {Math.exp(t[E]), Math.exp(t[A]), Math.exp(t[B]), t[ALPHA], t[BETA]};
    }

    @Override
    public double[] toInternal(double[] p) {
        return new double[] {Math.log(p[E]), Math.log(p[A]), Math.log(p[B]), p[ALPHA], p[BETA]};
    }

    @Override
    public void logPredictions(double[] theta, double[][] logInputs, int[] index, int count,
            double[] out, double[][] jac) {
        final double e = theta[E];
        final double a = theta[A];
        final double b = theta[B];
        final double alpha = theta[ALPHA];
        final double beta = theta[BETA];
        final double expE = Math.exp(e);
        final double[] logN = logInputs[0];
        final double[] logD = logInputs[1];
        for (int j = 0; j < count; j++) {
            int i = index[j];
            double ln = logN[i];
            double ld = logD[i];
            double t1 = a - alpha * ln;
            double t2 = b - beta * ld;
            // Direct evaluation costs two exp and one log; only when it over/underflows (far
            // from any sensible optimum, e.g. during a wild line-search trial) do we pay for
            // the max-shifted log-sum-exp.
            double u1 = Math.exp(t1);
            double u2 = Math.exp(t2);
            double u3 = expE;
            double s = u1 + u2 + u3;
            if (!(s < Double.POSITIVE_INFINITY && s > 1e-290)) {
                double m = Math.max(t1, Math.max(t2, e));
                u1 = Math.exp(t1 - m);
                u2 = Math.exp(t2 - m);
                u3 = Math.exp(e - m);
                s = u1 + u2 + u3;
                out[j] = m + Math.log(s);
            } else {
                out[j] = Math.log(s);
            }
            if (jac != null) {
                double inv = 1.0 / s;
                double w1 = u1 * inv;
                double w2 = u2 * inv;
                jac[E][j] = u3 * inv;
                jac[A][j] = w1;
                jac[B][j] = w2;
                jac[ALPHA][j] = -w1 * ln;
                jac[BETA][j] = -w2 * ld;
            }
        }
    }

    /**
     * Fused hot path for {@link HuberLogObjective}: prediction, Huber term and gradient in one
     * pass over the points, without the Jacobian buffer. The multistart grid spends almost all
     * its time here, so this avoids writing and re-reading five arrays per evaluation.
     */
    static double huberObjective(double[] theta, double[] logN, double[] logD, double[] logLoss,
            int[] index, double[] weight, int count, double delta, double[] gradient) {
        final double e = theta[E];
        final double a = theta[A];
        final double b = theta[B];
        final double alpha = theta[ALPHA];
        final double beta = theta[BETA];
        final double expE = Math.exp(e);
        double value = 0;
        double ge = 0;
        double ga = 0;
        double gb = 0;
        double gAlpha = 0;
        double gBeta = 0;
        for (int j = 0; j < count; j++) {
            int i = index[j];
            double ln = logN[i];
            double ld = logD[i];
            double t1 = a - alpha * ln;
            double t2 = b - beta * ld;
            double u1 = Math.exp(t1);
            double u2 = Math.exp(t2);
            double u3 = expE;
            double s = u1 + u2 + u3;
            double logPrediction;
            if (!(s < Double.POSITIVE_INFINITY && s > 1e-290)) {
                double m = Math.max(t1, Math.max(t2, e));
                u1 = Math.exp(t1 - m);
                u2 = Math.exp(t2 - m);
                u3 = Math.exp(e - m);
                s = u1 + u2 + u3;
                logPrediction = m + Math.log(s);
            } else {
                logPrediction = Math.log(s);
            }
            double r = logPrediction - logLoss[i];
            double ar = Math.abs(r);
            double w = weight[j];
            double dh;
            if (ar <= delta) {
                value += w * 0.5 * r * r;
                dh = r;
            } else {
                value += w * delta * (ar - 0.5 * delta);
                dh = r > 0 ? delta : -delta;
            }
            if (gradient != null) {
                double c = w * dh / s;
                double c1 = c * u1;
                double c2 = c * u2;
                ge += c * u3;
                ga += c1;
                gb += c2;
                gAlpha -= c1 * ln;
                gBeta -= c2 * ld;
            }
        }
        if (gradient != null) {
            gradient[E] = ge;
            gradient[A] = ga;
            gradient[B] = gb;
            gradient[ALPHA] = gAlpha;
            gradient[BETA] = gBeta;
        }
        return value;
    }

    @Override
    public StartGrid defaultGrid(ScalingDataset data) {
        return StartGrid.epochChinchilla();
    }

    /**
     * Loss predicted at (N, D) from natural parameters; a convenience for {@link #predict}.
     *
     * @param natural {@code E, A, B, alpha, beta}
     * @param n parameter count
     * @param d token count
     * @return {@code E + A/N^alpha + B/D^beta}
     */
    public static double loss(double[] natural, double n, double d) {
        return natural[E] + natural[A] * Math.pow(n, -natural[ALPHA])
                + natural[B] * Math.pow(d, -natural[BETA]);
    }
}
