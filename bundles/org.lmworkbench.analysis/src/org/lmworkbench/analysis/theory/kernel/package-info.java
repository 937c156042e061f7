/**
 * Learning curves of kernel (ridge) regression predicted from the kernel's eigenvalues and the
 * target's coefficients: the eigenlearning framework (Simon, Dickens, Karkada, DeWeese 2021;
 * Bordelon, Canatar, Pehlevan 2020).
 */
package org.lmworkbench.analysis.theory.kernel;
