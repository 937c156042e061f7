package org.lmworkbench.backend.hessian;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.lmworkbench.analysis.spectral.EigenResult;
import org.lmworkbench.analysis.spectral.LanczosEigensolver;
import org.lmworkbench.analysis.spectral.ProgressSink;
import org.lmworkbench.analysis.spectral.SpectralDensity;
import org.lmworkbench.analysis.spectral.SpectralQuadrature;
import org.lmworkbench.analysis.spectral.StochasticLanczosQuadrature;
import org.lmworkbench.analysis.spectral.TraceEstimate;

/**
 * The three spectral summaries of {@code hessian <run-dir>}, each as a JSON section carrying its
 * method, its cost in Hessian-vector products and its accuracy evidence (residuals, standard
 * error, the quadrature itself), computed on one shared {@link HessianOperator}.
 *
 * <p>JSON has no NaN; non-finite numbers are written as {@code null}.
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
     * @return the {@code "top"} section
     */
    public JsonObject top(int k, double tolerance, int maxIterations) {
        int n = op.dimension();
        int kk = Math.min(k, n);
        long before = op.hvpCount();
        EigenResult r = LanczosEigensolver.defaults().withEigenpairs(kk).withTolerance(tolerance)
                .withMaxIterations(Math.min(Math.max(maxIterations, kk + 1), n)).withSeed(seed)
                .solve(op, ProgressSink.NONE);
        JsonObject o = new JsonObject();
        o.addProperty("method", "lanczos");
        o.addProperty("k", kk);
        o.add("eigenvalues", array(r.eigenvalues()));
        o.add("residuals", array(r.residualNorms()));
        double[] relative = new double[r.count()];
        for (int i = 0; i < relative.length; i++) {
            relative[i] = r.relativeResidual(i);
        }
        o.add("relative_residuals", array(relative));
        o.addProperty("tolerance", tolerance);
        o.addProperty("iterations", r.iterations());
        o.addProperty("converged", r.converged());
        o.addProperty("hvps", op.hvpCount() - before);
        return o;
    }

    /**
     * Trace by Hutch++ (Hutchinson below three samples).
     *
     * @param samples product budget
     * @return the {@code "trace"} section
     */
    public JsonObject trace(int samples) {
        long before = op.hvpCount();
        TraceEstimate t = TraceProbe.estimate(op, samples, seed);
        JsonObject o = new JsonObject();
        o.addProperty("method", t.method());
        number(o, "estimate", t.trace());
        number(o, "standard_error", t.standardError());
        o.addProperty("probes", t.probes());
        o.addProperty("hvps", op.hvpCount() - before);
        return o;
    }

    /**
     * Spectral density by stochastic Lanczos quadrature, with the raw quadrature (so a reader can
     * re-broaden it) and a Gaussian-broadened density on a uniform grid.
     *
     * @param runs       start vectors
     * @param steps      Lanczos steps per start vector
     * @param sigma      kernel standard deviation, NaN for 1 % of the node range
     * @param gridPoints grid size
     * @return the {@code "density"} section
     */
    public JsonObject density(int runs, int steps, double sigma, int gridPoints) {
        long before = op.hvpCount();
        SpectralQuadrature q = StochasticLanczosQuadrature.defaults().withRuns(runs)
                .withSteps(Math.min(steps, op.dimension())).withSeed(seed).estimate(op, ProgressSink.NONE);
        double span = q.maxNode() - q.minNode();
        double s = Double.isNaN(sigma) ? Math.max(0.01 * span, 1e-12 * Math.max(1.0, Math.abs(q.maxNode())))
                : sigma;
        SpectralDensity d = q.density(s, gridPoints);
        JsonObject o = new JsonObject();
        o.addProperty("method", "slq");
        o.addProperty("runs", q.runs());
        o.addProperty("steps", Math.min(steps, op.dimension()));
        o.addProperty("hvps", op.hvpCount() - before);
        o.addProperty("dimension", q.dimension());
        number(o, "trace_estimate", q.traceEstimate());
        JsonArray nodes = new JsonArray();
        JsonArray weights = new JsonArray();
        for (int r = 0; r < q.runs(); r++) {
            nodes.add(array(q.nodes()[r]));
            weights.add(array(q.weights()[r]));
        }
        o.add("nodes", nodes);
        o.add("weights", weights);
        o.addProperty("sigma", s);
        o.add("grid", array(d.grid()));
        o.add("values", array(d.values()));
        return o;
    }

    static JsonArray array(double[] values) {
        JsonArray a = new JsonArray(values.length);
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.add((Number) null);
            }
        }
        return a;
    }

    static void number(JsonObject o, String key, double value) {
        if (Double.isFinite(value)) {
            o.addProperty(key, value);
        } else {
            o.add(key, com.google.gson.JsonNull.INSTANCE);
        }
    }
}
