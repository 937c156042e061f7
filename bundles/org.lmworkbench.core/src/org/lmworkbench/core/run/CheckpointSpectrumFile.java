package org.lmworkbench.core.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Hessian spectrum of one checkpoint, {@code probes/hessian-step-<step>.json}, as the backend's
 * {@code hessian <run-dir> --checkpoint <step> [--top-k K] [--trace] [--density]} writes it and the
 * sharpness editor reads it: top eigenvalues by Lanczos with residuals, optionally the trace
 * (Hutch++ with standard error) and the spectral density (stochastic Lanczos quadrature, with its
 * nodes and weights and a Gaussian-broadened density on a grid). This class owns the keys. JSON has
 * no NaN: a non-finite value is left out (an array holds {@code null} in its place), and read as NaN.
 *
 * @param file          where the document lives (read from, or to be written to)
 * @param run           run id
 * @param step          checkpoint step
 * @param checkpoint    the checkpoint file relative to the run folder
 * @param examples      training examples the Hessian was taken over
 * @param mode          the network's mode for the Hessian ({@code train})
 * @param parameters    number of parameters (the Hessian's dimension)
 * @param lr            learning rate at the checkpoint
 * @param threshold     stability threshold of the loss Hessian (2/lr for GD), NaN when none
 * @param thresholdKind its formula, {@code none} when there is none
 * @param dtype         floating-point type of the computation
 * @param loss          training loss at the checkpoint
 * @param top           the top eigenvalues
 * @param trace         the trace estimate, null when not computed
 * @param density       the spectral density, null when not computed
 * @param hvps          Hessian-vector products spent in total
 * @param seconds       time the computation took
 * @param created       when the document was written (ISO-8601), or empty
 */
public record CheckpointSpectrumFile(Path file, String run, long step, String checkpoint, long examples, String mode,
        long parameters, double lr, double threshold, String thresholdKind, String dtype, double loss, Top top,
        Trace trace, Density density, long hvps, double seconds, String created) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /**
     * Top eigenvalues, largest first, with their residual norms {@code ||Hv - lambda v||}.
     *
     * @param method            eigensolver ({@code lanczos})
     * @param k                 eigenvalues asked for
     * @param eigenvalues       eigenvalues
     * @param residuals         residual norms
     * @param relativeResiduals residuals divided by |lambda|
     * @param tolerance         relative residual tolerance
     * @param iterations        Lanczos steps
     * @param converged         whether all met the tolerance
     * @param hvps              products spent
     */
    public record Top(String method, int k, double[] eigenvalues, double[] residuals, double[] relativeResiduals,
            double tolerance, int iterations, boolean converged, long hvps) {
    }

    /**
     * A stochastic trace estimate.
     *
     * @param method        estimator name (Hutch++ or Hutchinson)
     * @param estimate      the trace
     * @param standardError its standard error
     * @param probes        random probes used
     * @param hvps          products spent
     */
    public record Trace(String method, double estimate, double standardError, long probes, long hvps) {
    }

    /**
     * The spectral density: the raw quadrature (so a reader can broaden it again) and the density
     * on a uniform grid.
     *
     * @param method        estimator ({@code slq})
     * @param runs          SLQ start vectors
     * @param steps         Lanczos steps per start vector
     * @param hvps          products spent
     * @param dimension     the Hessian's dimension
     * @param traceEstimate the trace the quadrature implies
     * @param nodes         quadrature nodes, one row per start vector
     * @param weights       quadrature weights, one row per start vector
     * @param sigma         Gaussian broadening
     * @param grid          eigenvalue grid
     * @param values        density at the grid points
     */
    public record Density(String method, long runs, long steps, long hvps, long dimension, double traceEstimate,
            double[][] nodes, double[][] weights, double sigma, double[] grid, double[] values) {
    }

    /**
     * Where the backend writes the spectrum of a checkpoint.
     *
     * @return {@code <runDir>/probes/hessian-step-<step>.json}
     */
    public static Path fileFor(Path runDir, long step) {
        return new RunDirectory(runDir).checkpointSpectrumFile(step);
    }

    /** The document as pretty-printed JSON. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("run", run);
        o.addProperty("step", step);
        o.addProperty("checkpoint", checkpoint);
        o.addProperty("examples", examples);
        o.addProperty("mode", mode);
        o.addProperty("parameters", parameters);
        o.add("lr", JsonFields.number(lr));
        o.add("threshold", JsonFields.number(threshold));
        o.addProperty("threshold_kind", thresholdKind);
        o.addProperty("dtype", dtype);
        o.add("loss", JsonFields.number(loss));
        JsonObject t = new JsonObject();
        t.addProperty("method", top.method());
        t.addProperty("k", top.k());
        t.add("eigenvalues", JsonFields.array(top.eigenvalues()));
        t.add("residuals", JsonFields.array(top.residuals()));
        t.add("relative_residuals", JsonFields.array(top.relativeResiduals()));
        t.add("tolerance", JsonFields.number(top.tolerance()));
        t.addProperty("iterations", top.iterations());
        t.addProperty("converged", top.converged());
        t.addProperty("hvps", top.hvps());
        o.add("top", t);
        if (trace != null) {
            JsonObject r = new JsonObject();
            r.addProperty("method", trace.method());
            r.add("estimate", JsonFields.number(trace.estimate()));
            r.add("standard_error", JsonFields.number(trace.standardError()));
            r.addProperty("probes", trace.probes());
            r.addProperty("hvps", trace.hvps());
            o.add("trace", r);
        }
        if (density != null) {
            JsonObject d = new JsonObject();
            d.addProperty("method", density.method());
            d.addProperty("runs", density.runs());
            d.addProperty("steps", density.steps());
            d.addProperty("hvps", density.hvps());
            d.addProperty("dimension", density.dimension());
            d.add("trace_estimate", JsonFields.number(density.traceEstimate()));
            d.add("nodes", JsonFields.array(density.nodes()));
            d.add("weights", JsonFields.array(density.weights()));
            d.add("sigma", JsonFields.number(density.sigma()));
            d.add("grid", JsonFields.array(density.grid()));
            d.add("values", JsonFields.array(density.values()));
            o.add("density", d);
        }
        o.addProperty("hvps", hvps);
        o.add("seconds", JsonFields.number(seconds));
        o.addProperty("created", created);
        return GSON.toJson(o) + "\n";
    }

    /** Writes the document to {@link #file()} atomically. */
    public void write() throws IOException {
        AtomicFiles.write(file, toJson());
    }

    /**
     * Reads a spectrum document; keys a document lacks take neutral values (0, NaN, empty), so
     * files of earlier backends still read.
     *
     * @throws IOException when unreadable, or a {@link RunFileException} naming the JSON path at fault
     */
    public static CheckpointSpectrumFile read(Path file) throws IOException {
        JsonFields r = new JsonFields(file);
        JsonObject root = r.readObject();
        JsonObject top = r.object(root, "top", "$.top", true);
        Top t = new Top(JsonFields.text(top, "method"), (int) r.number(top, "k", "$.top", 0),
                r.numbers(top, "eigenvalues", "$.top"), r.numbers(top, "residuals", "$.top"),
                top.has("relative_residuals") ? r.numbers(top, "relative_residuals", "$.top") : new double[0],
                r.number(top, "tolerance", "$.top", Double.NaN), (int) r.number(top, "iterations", "$.top", 0),
                JsonFields.flag(top, "converged"), (long) r.number(top, "hvps", "$.top", 0));
        if (t.eigenvalues().length != t.residuals().length) {
            throw r.problem("$.top", t.eigenvalues().length + " eigenvalues but " + t.residuals().length
                    + " residuals");
        }
        JsonObject tr = r.object(root, "trace", "$.trace", false);
        Trace trace = tr == null ? null : new Trace(JsonFields.text(tr, "method"),
                r.number(tr, "estimate", "$.trace", null), r.number(tr, "standard_error", "$.trace", Double.NaN),
                (long) r.number(tr, "probes", "$.trace", 0), (long) r.number(tr, "hvps", "$.trace", 0));
        JsonObject d = r.object(root, "density", "$.density", false);
        Density density = null;
        if (d != null) {
            density = new Density(JsonFields.text(d, "method"), (long) r.number(d, "runs", "$.density", 0),
                    (long) r.number(d, "steps", "$.density", 0), (long) r.number(d, "hvps", "$.density", 0),
                    (long) r.number(d, "dimension", "$.density", 0),
                    r.number(d, "trace_estimate", "$.density", Double.NaN), r.rows(d, "nodes", "$.density"),
                    r.rows(d, "weights", "$.density"), r.number(d, "sigma", "$.density", Double.NaN),
                    r.numbers(d, "grid", "$.density"), r.numbers(d, "values", "$.density"));
            if (density.grid().length != density.values().length) {
                throw r.problem("$.density", density.grid().length + " grid points but " + density.values().length
                        + " values");
            }
        }
        return new CheckpointSpectrumFile(file, JsonFields.text(root, "run"), (long) r.number(root, "step", "$", null),
                JsonFields.text(root, "checkpoint"), (long) r.number(root, "examples", "$", 0),
                JsonFields.text(root, "mode"), (long) r.number(root, "parameters", "$", 0),
                r.number(root, "lr", "$", Double.NaN), r.number(root, "threshold", "$", Double.NaN),
                JsonFields.text(root, "threshold_kind"), JsonFields.text(root, "dtype"),
                r.number(root, "loss", "$", Double.NaN), t, trace, density, (long) r.number(root, "hvps", "$", 0),
                r.number(root, "seconds", "$", Double.NaN), JsonFields.text(root, "created"));
    }
}
