/**
 * The one place where the training run's probes are registered
 * ({@link org.lmworkbench.backend.probe.ProbeRegistry}). It sits above the training loop
 * ({@code train}) and the probes' own packages ({@code hessian}), so neither depends on the other.
 */
package org.lmworkbench.backend.probe;
