/**
 * Hyperparameter transfer across width (muP, Yang et al. 2022, "Tensor Programs V"): from the runs
 * of a sweep over width and learning rate, the loss against log2(lr) per width with the optimum
 * per width and its drift ({@link org.lmworkbench.analysis.transfer.LrSweepTable},
 * {@link org.lmworkbench.analysis.transfer.TransferSummary}), and the coordinate check of
 * microsoft/mup: the RMS size of every layer's activation coordinates, and of their change since
 * initialisation, against width ({@link org.lmworkbench.analysis.transfer.CoordinateCheck}).
 * Headless: the transfer editor of the workbench draws what these classes compute.
 */
package org.lmworkbench.analysis.transfer;
