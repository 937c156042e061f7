package org.lmworkbench.backend.hessian;

import org.lmworkbench.analysis.spectral.EigenResult;
import org.lmworkbench.analysis.spectral.LanczosEigensolver;
import org.lmworkbench.analysis.spectral.ProgressSink;
import org.lmworkbench.analysis.spectral.SpectralDensity;
import org.lmworkbench.analysis.spectral.SpectralQuadrature;
import org.lmworkbench.analysis.spectral.StochasticLanczosQuadrature;
import org.lmworkbench.analysis.spectral.TraceEstimate;
import org.lmworkbench.core.run.CheckpointSpectrumFile;

/**
 * The three spectral summaries of {@code hessian <run-dir>}, each a section of
 * {@link CheckpointSpectrumFile} carrying its method, its cost in Hessian-vector products and its
 * accuracy evidence (residuals, standard error, the quadrature itself), computed on one shared
 * {@link HessianOperator}.
 */
public final class CheckpointSpectrum {

    private final HessianOperator op;
    private final long seed;

    /**
     * @param op   the Hessian at the checkpoint
     * @param seed seed of every random vector
     */
    public CheckpointSpectrum(HessianOperator op, long seed) {
        this.op = op;
        this.seed = seed;
    }

    /**
     * Top eigenvalues by Lanczos with explicit residuals.
     *
     * @param k             eigenvalues wanted
     * @param tolerance     relative residual tolerance
     * @param maxIterations step budget
     * @return the {@code top} section
     */
    public CheckpointSpectrumFile.Top top(int k, double tolerance, int maxIterations) {
        int n = op.dimension();
        int kk = Math.min(k, n);
        long before = op.hvpCount();
        EigenResult r = LanczosEigensolver.defaults().withEigenpairs(kk).withTolerance(tolerance)
                .withMaxIterations(Math.min(Math.max(maxIterations, kk + 1), n)).withSeed(seed)
                .solve(op, ProgressSink.NONE);
        double[] relative = new double[r.count()];
        for (int i = 0; i < relative.length; i++) {
            relative[i] = r.relativeResidual(i);
        }
        return new CheckpointSpectrumFile.Top("lanczos", kk, r.eigenvalues(), r.residualNorms(), relative, tolerance,
                r.iterations(), r.converged(), op.hvpCount() - before);
    }

    /**
     * Trace by Hutch++ (Hutchinson below three samples).
     *
     * @param samples product budget
     * @return the {@code trace} section
     */
    public CheckpointSpectrumFile.Trace trace(int samples) {
        long before = op.hvpCount();
        TraceEstimate t = TraceProbe.estimate(op, samples, seed);
        return new CheckpointSpectrumFile.Trace(t.method(), t.trace(), t.standardError(), t.probes(),
                op.hvpCount() - before);
    }

    /**
     * Spectral density by stochastic Lanczos quadrature, with the raw quadrature (so a reader can
     * re-broaden it) and a Gaussian-broadened density on a uniform grid.
     *
     * @param runs       start vectors
     * @param steps      Lanczos steps per start vector
     * @param sigma      kernel standard deviation, NaN for 1 % of the node range
     * @param gridPoints grid size
     * @return the {@code density} section
     */
    public CheckpointSpectrumFile.Density density(int runs, int steps, double sigma, int gridPoints) {
        long before = op.hvpCount();
        int lanczosSteps = Math.min(steps, op.dimension());
        SpectralQuadrature q = StochasticLanczosQuadrature.defaults().withRuns(runs)
                .withSteps(lanczosSteps).withSeed(seed).estimate(op, ProgressSink.NONE);
        double span = q.maxNode() - q.minNode();
        double s = Double.isNaN(sigma) ? Math.max(0.01 * span, 1e-12 * Math.max(1.0, Math.abs(q.maxNode())))
                : sigma;
        SpectralDensity d = q.density(s, gridPoints);
        return new CheckpointSpectrumFile.Density("slq", q.runs(), lanczosSteps, op.hvpCount() - before,
                q.dimension(), q.traceEstimate(), q.nodes(), q.weights(), s, d.grid(), d.values());
    }
}
