package org.lmworkbench.analysis.fit;

import java.util.List;

/**
 * Outcome of a multistart fit.
 *
 * <p>"Reaching the best" is defined relative to the best objective {@code f*}: start {@code i}
 * counts when {@code f_i - f* <= reachTolerance * |f*|} (default tolerance 1e-6). On the Epoch
 * data only a few percent of the 4500 grid starts qualify, which is why a single-start fit is
 * not acceptable there.
 *
 * @param best the law at the best start's optimum
 * @param objective best objective value (weighted Huber sum)
 * @param bestStartIndex index in the grid of the start that produced {@code best} (lowest index
 *        among exact ties)
 * @param starts number of starts run
 * @param startsReachingBest number of starts whose final objective is within the tolerance
 * @param reachTolerance relative objective tolerance used for {@code startsReachingBest}
 * @param finalObjectives final objective per start, in grid order (NaN if the start was not
 *        finite)
 * @param finalPoints final internal parameter vector per start, in grid order
 * @param bestStatus optimiser stopping reason for the best start
 * @param bestGradientNorm infinity norm of the gradient at the optimum
 * @param totalEvaluations objective+gradient evaluations over all starts
 */
public record MultiStartResult(FittedLaw best, double objective, int bestStartIndex, int starts,
        int startsReachingBest, double reachTolerance, double[] finalObjectives, double[][] finalPoints,
        LbfgsMinimizer.Status bestStatus, double bestGradientNorm, long totalEvaluations) {

    /** @return fraction of starts that reached the best objective. */
    public double fractionReachingBest() {
        return startsReachingBest / (double) starts;
    }

    /** @return natural parameter names of the fitted form. */
    public List<String> parameterNames() {
        return best.form().parameterNames();
    }

    /** @return natural parameter values at the optimum, in {@link #parameterNames()} order. */
    public double[] parameters() {
        return best.natural();
    }

    /**
     * Counts starts within a relative objective tolerance of the best.
     *
     * @param finalObjectives per-start objectives
     * @param best best objective
     * @param tolerance relative tolerance
     * @return the count
     */
    static int countReaching(double[] finalObjectives, double best, double tolerance) {
        int c = 0;
        for (double f : finalObjectives) {
            if (f - best <= tolerance * Math.abs(best)) {
                c++;
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return "MultiStartResult[" + best + ", objective=" + objective + ", starts=" + starts
                + ", reachingBest=" + startsReachingBest + ", bestStart=" + bestStartIndex
                + ", status=" + bestStatus + "]";
    }
}
