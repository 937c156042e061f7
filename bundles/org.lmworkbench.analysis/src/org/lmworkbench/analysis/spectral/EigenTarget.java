package org.lmworkbench.analysis.spectral;

/**
 * Which end of the spectrum an eigensolver should resolve.
 *
 * <p>Sharpness (Cohen et al. 2021) is the {@link #LARGEST_ALGEBRAIC} eigenvalue; negative
 * curvature is read off the {@link #SMALLEST_ALGEBRAIC} end. Plain power iteration can only
 * deliver {@link #LARGEST_MAGNITUDE}, which coincides with the largest algebraic eigenvalue
 * only when the most negative eigenvalue is smaller in magnitude than the top one.
 */
public enum EigenTarget {
    /** Largest eigenvalues, in decreasing order (the "top" of the spectrum). */
    LARGEST_ALGEBRAIC,
    /** Smallest (most negative) eigenvalues, in increasing order (the "bottom"). */
    SMALLEST_ALGEBRAIC,
    /** Eigenvalues of largest absolute value, in decreasing order of magnitude. */
    LARGEST_MAGNITUDE
}
