package org.lmworkbench.analysis.spectral;

/**
 * Outcome of an extremal eigenvalue computation ({@link LanczosEigensolver} or
 * {@link PowerIteration}), carrying the cost and accuracy evidence that must accompany every
 * sharpness estimate: HVP count and explicit residual norms.
 *
 * <p>Arrays are returned as stored (not copied, since eigenvectors may hold 10^7 entries each);
 * treat them as read-only.
 *
 * @param method            name of the algorithm that produced the result
 * @param target            which end of the spectrum was requested
 * @param eigenvalues       the {@code k} eigenvalue estimates, ordered as {@code target} says
 * @param eigenvectors      unit eigenvector estimates, {@code eigenvectors[i]} belonging to
 *                          {@code eigenvalues[i]}; {@code null} unless requested
 * @param residualNorms     explicitly computed {@code ||A v_i - lambda_i v_i||} for unit
 *                          {@code v_i}; {@code NaN} entries if residuals were not requested
 * @param residualEstimates the residual the stopping rule looked at, obtained without extra
 *                          applications (Lanczos: {@code |beta_m s_{m,i}|}; power iteration:
 *                          residual at the last step, of the deflated operator for eigenvalues
 *                          after the first under the residual rule)
 * @param hvpCount          operator applications used by the algorithm proper
 * @param residualHvpCount  additional applications used only to compute {@code residualNorms}
 * @param iterations        Lanczos steps, or total power-iteration steps over all eigenvalues
 * @param converged         whether the stopping rule was met for all {@code k} eigenvalues
 *                          (rather than the iteration budget running out)
 */
public record EigenResult(
        String method,
        EigenTarget target,
        double[] eigenvalues,
        double[][] eigenvectors,
        double[] residualNorms,
        double[] residualEstimates,
        long hvpCount,
        long residualHvpCount,
        int iterations,
        boolean converged) {

    /** @return number of eigenpairs reported */
    public int count() {
        return eigenvalues.length;
    }

    /** @return all operator applications, algorithm plus residual verification */
    public long totalHvpCount() {
        return hvpCount + residualHvpCount;
    }

    /**
     * @param i index of an eigenpair
     * @return {@code residualNorms[i] / |eigenvalues[i]|}, the relative residual quoted in
     *         convergence criteria
     */
    public double relativeResidual(int i) {
        return residualNorms[i] / Math.abs(eigenvalues[i]);
    }

    /** @return {@code true} if eigenvectors were computed and stored */
    public boolean hasEigenvectors() {
        return eigenvectors != null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(method).append('[').append(target);
        for (int i = 0; i < eigenvalues.length; i++) {
            sb.append(String.format(" lambda%d=%.10g (res %.3g)", i + 1, eigenvalues[i],
                    residualNorms[i]));
        }
        return sb.append(", hvps=").append(hvpCount).append('+').append(residualHvpCount)
                .append(", iterations=").append(iterations)
                .append(", converged=").append(converged).append(']').toString();
    }
}
