package org.lmworkbench.analysis.fit;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON document written by {@code lmw fit}, with a fixed key order, and its atomic write.
 *
 * <p>Keys, in order: {@code form, formula, params, stderr, ci95} (the last two only with a
 * bootstrap), {@code objective, objective_kind, starts, starts_at_best, points, residuals,
 * compute_optimal} (chinchilla only), {@code bootstrap, optimizer, data, timing_ms}. Non-finite
 * numbers, which strict JSON cannot represent, are written as {@code null}.
 *
 * <p>With {@code --runs} each residual starts with the point's {@code run} id, and {@code data}
 * names the folder as {@code runs} (instead of {@code csv}), counts the points read as
 * {@code runs_read} (instead of {@code rows_read}) and lists the {@code runs_skipped} with their
 * states.
 */
public final class FitResultJson {

    /** Compute budgets of the frontier: 10^18 to 10^26 FLOP, two per decade. */
    static final double[] FRONTIER_FLOPS = frontierFlops();

    /** Budget at which the top-level {@code tokens_per_parameter} is quoted (Chinchilla's). */
    static final double REFERENCE_FLOPS = 5.76e23;

    /**
     * Everything the document reports.
     *
     * @param options the parsed command line
     * @param data the fitted points (after dropping)
     * @param rowsRead rows read from the CSV, or completed runs read (before dropping)
     * @param skipped runs skipped because they did not complete (empty for a CSV)
     * @param gridName the grid used, as reported
     * @param fit the multistart result
     * @param bootstrap the bootstrap summary, or {@code null}
     * @param timingMs named phase durations in milliseconds, in report order
     */
    record Content(FitOptions options, ScalingDataset data, int rowsRead,
            List<SweepPointsReader.Skipped> skipped, String gridName, MultiStartResult fit,
            BootstrapResult bootstrap, Map<String, Long> timingMs) {
    }

    private FitResultJson() {
    }

    /** @return the formula of a form, in the notation of its parameter names. */
    static String formula(String form) {
        return switch (form) {
            case "chinchilla" -> "L = E + A/N^alpha + B/D^beta";
            case "power" -> "L = E + A/x^alpha";
            case "broken" -> "L = E + A x^-alpha1 (1 + (x/x_break)^(1/smoothness))"
                    + "^(-(alpha2 - alpha1) smoothness)";
            default -> throw new IllegalArgumentException(form);
        };
    }

    /** @return the objective description, e.g. {@code huber(log residual), delta=0.001}. */
    static String objectiveKind(double delta) {
        return "huber(log residual), delta="
                + BigDecimal.valueOf(delta).stripTrailingZeros().toPlainString();
    }

    /**
     * Renders the document.
     *
     * @param c what to report
     * @return pretty-printed JSON (two-space indent, trailing newline)
     * @throws IOException never in practice (writes to memory)
     */
    static String render(Content c) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.setIndent("  ");
            FitOptions o = c.options();
            MultiStartResult fit = c.fit();
            List<String> names = fit.parameterNames();
            double[] p = fit.parameters();
            BootstrapResult boot = c.bootstrap();
            w.beginObject();
            w.name("form").value(o.form());
            w.name("formula").value(formula(o.form()));
            w.name("params").beginObject();
            for (int k = 0; k < p.length; k++) {
                number(w.name(names.get(k)), p[k]);
            }
            w.endObject();
            if (boot != null) {
                w.name("stderr").beginObject();
                for (int k = 0; k < p.length; k++) {
                    number(w.name(names.get(k)), boot.standardErrors()[k]);
                }
                w.endObject();
                w.name("ci95").beginObject();
                for (int k = 0; k < p.length; k++) {
                    w.name(names.get(k)).beginArray();
                    number(w, boot.lower95()[k]);
                    number(w, boot.upper95()[k]);
                    w.endArray();
                }
                w.endObject();
            }
            number(w.name("objective"), fit.objective());
            w.name("objective_kind").value(objectiveKind(o.delta()));
            w.name("starts").value(fit.starts());
            w.name("starts_at_best").value(fit.startsReachingBest());
            ScalingDataset data = c.data();
            w.name("points").value(data.size());
            residuals(w, fit.best(), data);
            if (o.form().equals("chinchilla")) {
                computeOptimal(w, fit.best());
            }
            w.name("bootstrap").beginObject();
            w.name("resamples").value(boot == null ? 0 : boot.resamples());
            w.name("seed").value(o.seed());
            if (boot != null) {
                w.name("refit_starts").value(boot.refitStarts());
                w.name("mean").beginObject();
                for (int k = 0; k < p.length; k++) {
                    number(w.name(names.get(k)), boot.mean()[k]);
                }
                w.endObject();
                w.name("ci_method").value("percentile 2.5/97.5, linear interpolation");
            }
            w.endObject();
            w.name("optimizer").beginObject();
            w.name("grid").value(c.gridName());
            w.name("best_start").value(fit.bestStartIndex());
            w.name("reach_tolerance").value(fit.reachTolerance());
            w.name("status").value(fit.bestStatus().toString());
            number(w.name("gradient_norm"), fit.bestGradientNorm());
            w.name("evaluations").value(fit.totalEvaluations());
            w.name("threads").value(o.threads());
            w.endObject();
            w.name("data").beginObject();
            if (o.csv() != null) {
                w.name("csv").value(o.csv().toString());
            } else {
                w.name("runs").value(o.runs().toString());
            }
            w.name("inputs").beginArray();
            for (String col : o.inputColumns()) {
                w.value(col);
            }
            w.endArray();
            w.name("loss").value(o.lossColumn());
            if (o.form().equals("chinchilla")) {
                w.name("d_from_flop").value(o.dFromFlop());
            }
            if (o.csv() != null) {
                w.name("rows_read").value(c.rowsRead());
            } else {
                w.name("runs_read").value(c.rowsRead());
                w.name("runs_skipped").beginArray();
                for (SweepPointsReader.Skipped s : c.skipped()) {
                    w.beginObject();
                    w.name("run").value(s.runId());
                    if (s.state() == null) {
                        w.name("state").nullValue();
                    } else {
                        w.name("state").value(s.state());
                    }
                    w.endObject();
                }
                w.endArray();
            }
            w.name("dropped_highest").value(o.dropHighest());
            w.endObject();
            w.name("timing_ms").beginObject();
            for (Map.Entry<String, Long> e : c.timingMs().entrySet()) {
                w.name(e.getKey()).value(e.getValue());
            }
            w.endObject();
            w.endObject();
        }
        return text + "\n";
    }

    private static void residuals(JsonWriter w, FittedLaw law, ScalingDataset data)
            throws IOException {
        double[] logPred = law.logPredictions(data);
        double[] loss = data.loss();
        List<String> ids = data.pointIds();
        double[][] inputs = new double[data.inputCount()][];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = data.input(k);
        }
        w.name("residuals").beginArray();
        for (int i = 0; i < loss.length; i++) {
            w.beginObject();
            if (!ids.isEmpty()) {
                w.name("run").value(ids.get(i));
            }
            w.name("x").beginArray();
            for (double[] col : inputs) {
                number(w, col[i]);
            }
            w.endArray();
            number(w.name("loss"), loss[i]);
            number(w.name("predicted"), Math.exp(logPred[i]));
            number(w.name("log_residual"), logPred[i] - Math.log(loss[i]));
            w.endObject();
        }
        w.endArray();
    }

    private static void computeOptimal(JsonWriter w, FittedLaw law) throws IOException {
        w.name("compute_optimal");
        ComputeOptimalAllocation alloc;
        try {
            alloc = new ComputeOptimalAllocation(law);
        } catch (IllegalArgumentException e) {
            // E.g. a non-positive exponent: no finite optimum, but the fit itself is still valid.
            w.beginObject();
            w.name("error").value(e.getMessage());
            w.endObject();
            return;
        }
        w.beginObject();
        number(w.name("tokens_per_parameter"), alloc.at(REFERENCE_FLOPS).tokensPerParameter());
        number(w.name("tokens_per_parameter_at_C"), REFERENCE_FLOPS);
        number(w.name("N_exponent"), alloc.parameterExponent());
        number(w.name("D_exponent"), alloc.tokenExponent());
        w.name("constraint").value("C = 6 N D");
        w.name("frontier").beginArray();
        for (double flops : FRONTIER_FLOPS) {
            ComputeOptimalAllocation.Allocation a = alloc.at(flops);
            w.beginObject();
            number(w.name("C"), a.flops());
            number(w.name("N"), a.parameters());
            number(w.name("D"), a.tokens());
            number(w.name("tokens_per_parameter"), a.tokensPerParameter());
            number(w.name("loss"), a.loss());
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    private static void number(JsonWriter w, double v) throws IOException {
        if (Double.isFinite(v)) {
            w.value(v);
        } else {
            w.nullValue();
        }
    }

    private static double[] frontierFlops() {
        double[] c = new double[17];
        for (int k = 0; k < c.length; k++) {
            // Parse the decimal literal so 1e18, 1e19, ... are exactly the doubles users type.
            c[k] = Double.parseDouble(k % 2 == 0 ? "1e" + (18 + k / 2) : "3.1622776601683795e"
                    + (18 + k / 2));
        }
        return c;
    }
}
