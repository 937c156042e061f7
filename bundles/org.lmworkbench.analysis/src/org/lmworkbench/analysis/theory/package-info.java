/**
 * Theory predictions to put next to measurements: closed forms and small solvers from the papers
 * the workbench reproduces, each in plain Java (Commons Math where a solver is needed) so the
 * backend's probes and the editors call the same code.
 *
 * <ul>
 *   <li>{@link org.lmworkbench.analysis.theory.zo}: mean-square stability of zeroth-order
 *       optimizers (Song et al. 2026).</li>
 *   <li>{@link org.lmworkbench.analysis.theory.dimension}: the sharpness dimension (Tuci et al.
 *       2026).</li>
 *   <li>{@link org.lmworkbench.analysis.theory.kernel}: eigenlearning learning curves (Simon et al.
 *       2021).</li>
 *   <li>{@link org.lmworkbench.analysis.theory.deeplinear}: deep linear network mode dynamics
 *       (Saxe et al. 2014) and the balancedness conservation law.</li>
 *   <li>{@link org.lmworkbench.analysis.theory.noise}: the gradient noise scale (McCandlish et al.
 *       2018).</li>
 *   <li>{@link org.lmworkbench.analysis.theory.features}: the features-at-convergence relation
 *       (Boix-Adsera et al. 2025).</li>
 * </ul>
 */
package org.lmworkbench.analysis.theory;
