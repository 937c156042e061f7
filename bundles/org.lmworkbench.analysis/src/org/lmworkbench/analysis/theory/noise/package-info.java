/**
 * The gradient noise scale (McCandlish, Kaplan, Amodei et al. 2018, "An Empirical Model of
 * Large-Batch Training"): the ratio of the per-example gradient variance to the squared mean
 * gradient, which predicts the critical batch size.
 */
package org.lmworkbench.analysis.theory.noise;
