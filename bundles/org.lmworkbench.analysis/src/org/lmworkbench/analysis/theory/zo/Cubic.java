package org.lmworkbench.analysis.theory.zo;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/** The largest real root of a monic cubic, bracketed through its critical points. */
final class Cubic {

    private Cubic() {
    }

    /** The largest real root of {@code x^3 + b2 x^2 + b1 x + b0}. */
    static double largestRealRoot(double b2, double b1, double b0) {
        // Cauchy's bound: every root has modulus below it, and p > 0 beyond it.
        double bound = 1 + Math.max(Math.abs(b2), Math.max(Math.abs(b1), Math.abs(b0)));
        double lo = -bound;
        double hi = bound;
        double discriminant = b2 * b2 - 3 * b1;
        if (discriminant > 0) {
            double root = Math.sqrt(discriminant);
            double localMax = (-b2 - root) / 3;
            double localMin = (-b2 + root) / 3;
            double atMin = value(b2, b1, b0, localMin);
            if (atMin == 0) {
                return localMin;
            }
            // p rises from its local minimum if that is below zero, else the only crossing is left
            // of the local maximum; either way p is monotone on the bracket.
            if (atMin < 0) {
                lo = localMin;
            } else {
                hi = localMax;
            }
        }
        return new BrentSolver(1e-16, 1e-16 * bound).solve(1000, x -> value(b2, b1, b0, x), lo, hi);
    }

    private static double value(double b2, double b1, double b0, double x) {
        return ((x + b2) * x + b1) * x + b0;
    }
}
