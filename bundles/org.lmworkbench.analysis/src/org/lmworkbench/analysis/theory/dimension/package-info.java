/**
 * The sharpness dimension (Tuci, Korkmaz, Simsekli, Birdal 2026, "Generalization at the Edge of
 * Stability", arXiv 2604.19740): a Kaplan-Yorke dimension of the gradient-descent map built from the
 * Lyapunov-like exponents {@code ln|1 - eta alpha|} of minibatch Hessian eigenvalues {@code alpha},
 * from exact spectra or from stochastic Lanczos quadrature.
 */
package org.lmworkbench.analysis.theory.dimension;
