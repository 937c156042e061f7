/**
 * Mean-square stability of zeroth-order optimizers with the two-point estimator (Song, Zhang, Li,
 * He, Muehlebach, Oh 2026, arXiv 2604.14669).
 *
 * <p>On a quadratic with Hessian {@code H} the two-point estimate with direction {@code u} is exactly
 * {@code u u^T H x}, so the mean iterate is stable for {@code eta < 2/lambda_max} but the second
 * moment {@code E|x|^2} is governed by the whole spectrum. {@link
 * org.lmworkbench.analysis.theory.zo.ZoCriticalStep} gives the critical step {@code eta*} and its
 * bounds from {@code lambda_max} and {@code Tr H}; {@link
 * org.lmworkbench.analysis.theory.zo.ZoEdgeBand} the per-sample band check
 * {@code Tr H <= 2/eta <= Tr H + 2 lambda_max} in each optimizer's form; {@link
 * org.lmworkbench.analysis.theory.zo.ZoSecondMoments} the exact second-moment recursion, its
 * per-step growth factor and the predicted {@code E|x_t|^2}.
 */
package org.lmworkbench.analysis.theory.zo;
