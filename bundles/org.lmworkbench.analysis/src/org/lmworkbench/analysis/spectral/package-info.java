/**
 * Matrix-free spectral numerics for Hessians of neural-network losses: sharpness (top
 * eigenvalues), trace and spectral density, all written against {@link
 * org.lmworkbench.analysis.spectral.LinearOperator} so the same code runs on dense test matrices
 * and on exact Hessian-vector products from a deep-learning backend.
 *
 * <ul>
 *   <li>{@link org.lmworkbench.analysis.spectral.LanczosEigensolver} and
 *       {@link org.lmworkbench.analysis.spectral.PowerIteration} produce an
 *       {@link org.lmworkbench.analysis.spectral.EigenResult} with residual norms and HVP
 *       counts, so the two can be compared on cost for equal accuracy.</li>
 *   <li>{@link org.lmworkbench.analysis.spectral.HutchinsonTraceEstimator} and
 *       {@link org.lmworkbench.analysis.spectral.HutchPlusPlusTraceEstimator} produce a
 *       {@link org.lmworkbench.analysis.spectral.TraceEstimate}.</li>
 *   <li>{@link org.lmworkbench.analysis.spectral.StochasticLanczosQuadrature} produces a
 *       {@link org.lmworkbench.analysis.spectral.SpectralQuadrature}, from which a Gaussian
 *       broadened {@link org.lmworkbench.analysis.spectral.SpectralDensity} is derived.</li>
 * </ul>
 *
 * All algorithms are deterministic for a given seed (single-threaded, fixed operation order),
 * report progress and honour cancellation through
 * {@link org.lmworkbench.analysis.spectral.ProgressSink}, and count every operator application.
 */
package org.lmworkbench.analysis.spectral;
