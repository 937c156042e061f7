package org.lmworkbench.analysis.eos;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lmworkbench.core.run.RunFileException;

/**
 * The Hessian spectrum of one checkpoint, {@code probes/hessian-step-<step>.json}, as written by the
 * backend's {@code hessian <run-dir> --checkpoint <step> [--top-k K] [--trace] [--density]}: top
 * eigenvalues by Lanczos with residuals, optionally the trace (Hutch++ with standard error) and the
 * spectral density (stochastic Lanczos quadrature, Gaussian-broadened on a grid). The backend
 * writes non-finite numbers as {@code null}; they are read as NaN.
 *
 * @param file          the file read
 * @param run           run id
 * @param step          checkpoint step
 * @param examples      training examples the Hessian was taken over
 * @param parameters    number of parameters (the Hessian's dimension)
 * @param lr            learning rate at the checkpoint
 * @param threshold     stability threshold of the loss Hessian (2/lr for GD), NaN when none
 * @param thresholdKind its formula
 * @param loss          training loss at the checkpoint
 * @param top           the top eigenvalues
 * @param trace         the trace estimate, null when not computed
 * @param density       the spectral density, null when not computed
 * @param hvps          Hessian-vector products spent in total
 */
public record CheckpointSpectrumFile(Path file, String run, long step, long examples, long parameters, double lr,
        double threshold, String thresholdKind, double loss, Top top, Trace trace, Density density, long hvps) {

    /**
     * Top eigenvalues, largest first, with their residual norms {@code ||Hv - lambda v||}.
     *
     * @param eigenvalues       eigenvalues
     * @param residuals         residual norms
     * @param relativeResiduals residuals divided by |lambda|
     * @param iterations        Lanczos steps
     * @param converged         whether all met the tolerance
     * @param hvps              products spent
     */
    public record Top(double[] eigenvalues, double[] residuals, double[] relativeResiduals, int iterations,
            boolean converged, long hvps) {
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
     * The spectral density on a uniform grid.
     *
     * @param runs   SLQ start vectors
     * @param steps  Lanczos steps per start vector
     * @param sigma  Gaussian broadening
     * @param grid   eigenvalue grid
     * @param values density at the grid points
     * @param hvps   products spent
     */
    public record Density(long runs, long steps, double sigma, double[] grid, double[] values, long hvps) {
    }

    /**
     * Where the backend writes the spectrum of a checkpoint.
     *
     * @param runDir the run folder
     * @param step   the checkpoint step
     * @return {@code <runDir>/probes/hessian-step-<step>.json}
     */
    public static Path fileFor(Path runDir, long step) {
        return runDir.resolve("probes").resolve("hessian-step-" + step + ".json");
    }

    /**
     * @param file the JSON file
     * @return its content
     * @throws IOException when unreadable, or a {@link RunFileException} naming the JSON path at fault
     */
    public static CheckpointSpectrumFile read(Path file) throws IOException {
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!element.isJsonObject()) {
                throw new RunFileException(file, "expected a JSON object", null);
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new RunFileException(file, "malformed JSON: " + e.getMessage(), e);
        }
        Reader r = new Reader(file);
        JsonObject top = r.object(root, "top", "$.top", true);
        Top t = new Top(r.numbers(top, "eigenvalues", "$.top"), r.numbers(top, "residuals", "$.top"),
                top.has("relative_residuals") ? r.numbers(top, "relative_residuals", "$.top") : new double[0],
                (int) r.number(top, "iterations", "$.top", 0), top.has("converged") && top.get("converged").getAsBoolean(),
                (long) r.number(top, "hvps", "$.top", 0));
        if (t.eigenvalues().length != t.residuals().length) {
            throw new RunFileException(file, "$.top: " + t.eigenvalues().length + " eigenvalues but "
                    + t.residuals().length + " residuals", null);
        }
        JsonObject tr = r.object(root, "trace", "$.trace", false);
        Trace trace = tr == null ? null : new Trace(r.text(tr, "method"), r.number(tr, "estimate", "$.trace", null),
                r.number(tr, "standard_error", "$.trace", Double.NaN), (long) r.number(tr, "probes", "$.trace", 0),
                (long) r.number(tr, "hvps", "$.trace", 0));
        JsonObject d = r.object(root, "density", "$.density", false);
        Density density = null;
        if (d != null) {
            density = new Density((long) r.number(d, "runs", "$.density", 0), (long) r.number(d, "steps", "$.density", 0),
                    r.number(d, "sigma", "$.density", Double.NaN), r.numbers(d, "grid", "$.density"),
                    r.numbers(d, "values", "$.density"), (long) r.number(d, "hvps", "$.density", 0));
            if (density.grid().length != density.values().length) {
                throw new RunFileException(file, "$.density: " + density.grid().length + " grid points but "
                        + density.values().length + " values", null);
            }
        }
        return new CheckpointSpectrumFile(file, r.text(root, "run"), (long) r.number(root, "step", "$", null),
                (long) r.number(root, "examples", "$", 0), (long) r.number(root, "parameters", "$", 0),
                r.number(root, "lr", "$", Double.NaN), r.number(root, "threshold", "$", Double.NaN),
                r.text(root, "threshold_kind"), r.number(root, "loss", "$", Double.NaN), t, trace, density,
                (long) r.number(root, "hvps", "$", 0));
    }

    /** Typed access with errors that name the file and the JSON path. */
    private record Reader(Path file) {

        JsonObject object(JsonObject parent, String key, String path, boolean required) throws RunFileException {
            JsonElement e = parent.get(key);
            if (e == null || e.isJsonNull()) {
                if (required) {
                    throw new RunFileException(file, path + ": missing", null);
                }
                return null;
            }
            if (!e.isJsonObject()) {
                throw new RunFileException(file, path + ": expected an object", null);
            }
            return e.getAsJsonObject();
        }

        /** A number; {@code fallback} when absent or null, or an error when the fallback is null. */
        double number(JsonObject o, String key, String path, Number fallback) throws RunFileException {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) {
                if (fallback == null) {
                    throw new RunFileException(file, path + "." + key + ": missing", null);
                }
                return fallback.doubleValue();
            }
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw new RunFileException(file, path + "." + key + ": expected a number, found " + e, null);
            }
            return e.getAsDouble();
        }

        double[] numbers(JsonObject o, String key, String path) throws RunFileException {
            JsonElement e = o.get(key);
            if (e == null || !e.isJsonArray()) {
                throw new RunFileException(file, path + "." + key + ": expected an array of numbers", null);
            }
            JsonArray a = e.getAsJsonArray();
            double[] values = new double[a.size()];
            for (int i = 0; i < values.length; i++) {
                JsonElement v = a.get(i);
                if (v.isJsonNull()) {
                    values[i] = Double.NaN;
                } else if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
                    values[i] = v.getAsDouble();
                } else {
                    throw new RunFileException(file, path + "." + key + "[" + i + "]: expected a number, found " + v,
                            null);
                }
            }
            return values;
        }

        String text(JsonObject o, String key) {
            JsonElement e = o.get(key);
            return e == null || e.isJsonNull() ? "" : e.getAsString();
        }
    }
}
