/**
 * The features-at-convergence theorem (FACT, Boix-Adsera, Mallinar, Simon, Belkin 2025, arXiv
 * 2507.05644): at a critical point of a weight-decayed loss, each layer's feature matrix
 * {@code W^T W} equals a sum over examples of input gradients times inputs.
 */
package org.lmworkbench.analysis.theory.features;
