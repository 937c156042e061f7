package org.lmworkbench.core.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature-learning diagnostics of a checkpoint, {@code diagnostics/step-<n>.json} (or the
 * {@code --out} file of {@code lmw diagnostics}): relative weight change and hidden-kernel alignment
 * with the initialisation, the neural feature ansatz correlation per dense layer, the
 * features-at-convergence relation per weight matrix and neural collapse of the last hidden layer. A part that does not apply says why under {@code skipped}. Non-finite
 * numbers are written bare ({@code NaN}), as Python's {@code json} module reads them.
 *
 * @param file                 where the document lives
 * @param run                  run id
 * @param step                 checkpoint step
 * @param model                model family
 * @param examples             training examples measured on
 * @param weightChange         {@code |W_t - W_0| / |W_0|} per parameter, in parameter order
 * @param overallWeightChange  the same over all parameters together
 * @param kernelAlignment      hidden-kernel alignment with the initialisation per layer
 * @param featureAnsatz        the neural feature ansatz correlations
 * @param collapse             neural collapse of the last hidden layer
 * @param fact                 the features-at-convergence relation per weight matrix
 */
public record DiagnosticsFile(Path file, String run, long step, String model, int examples,
        Map<String, Double> weightChange, double overallWeightChange, Map<String, KernelAlignment> kernelAlignment,
        FeatureAnsatz featureAnsatz, Collapse collapse, Fact fact) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();
    private static final String KIND = "diagnostics";
    private static final String SKIPPED = "skipped";
    private static final String SKIPPED_PREFIX = SKIPPED + ": ";
    private static final String ALL = "all";
    private static final String FACT = "features_at_convergence";

    /** Keeps copies of the maps, in their order. */
    public DiagnosticsFile {
        weightChange = new LinkedHashMap<>(weightChange);
        kernelAlignment = new LinkedHashMap<>(kernelAlignment);
    }

    /**
     * Alignment of a hidden layer's kernel with its kernel at initialisation.
     *
     * @param toInit         uncentred kernel alignment
     * @param centredToInit  centred kernel alignment
     */
    public record KernelAlignment(double toInit, double centredToInit) {
    }

    /**
     * The neural feature ansatz: correlation of each dense layer's {@code W^T W} with its average
     * gradient outer product.
     *
     * @param skipped why the probe did not run, or null
     * @param layers  per layer, in model order
     */
    public record FeatureAnsatz(String skipped, List<LayerCorrelation> layers) {

        /** Copies the list. */
        public FeatureAnsatz {
            layers = List.copyOf(layers);
        }
    }

    /**
     * One layer's feature ansatz correlation.
     *
     * @param layer       layer name
     * @param correlation the correlation, NaN when skipped
     * @param skipped     why it was skipped, or null
     */
    public record LayerCorrelation(String layer, double correlation, String skipped) {
    }

    /**
     * The features-at-convergence relation (FACT): for each weight matrix {@code W} ({@code out x in};
     * a convolution's kernel unfolded to {@code out x (in k k)}), the correlation of {@code W^T W} with
     * {@code -(1/lambda) W^T G}, {@code G} the gradient of the mean data loss over the examples
     * measured, which equals {@code -(1/(n lambda)) sum_i g_i h_i^T} with {@code g_i} the loss gradient
     * w.r.t. the layer input {@code h_i}.
     *
     * @param skipped     why the relation was not measured, or null
     * @param weightDecay the coupled weight decay {@code lambda} of the run (0: correlations only)
     * @param layers      per weight matrix, in model order
     */
    public record Fact(String skipped, double weightDecay, List<LayerFact> layers) {

        /** Copies the list. */
        public Fact {
            layers = List.copyOf(layers);
        }

        /** A relation that was not measured. */
        public static Fact skipped(String why) {
            return new Fact(why, Double.NaN, List.of());
        }
    }

    /**
     * One weight matrix's FACT measurement.
     *
     * @param layer     layer name
     * @param inputs    size of {@code W^T W}
     * @param raw       correlation with the right-hand side itself
     * @param symmetric with its symmetric part
     * @param psd       with its nearest positive semi-definite matrix
     * @param residual  {@code |W^T W - M|_F / |W^T W|_F}, NaN without weight decay
     * @param skipped   why it was skipped (the numbers are NaN then), or null
     */
    public record LayerFact(String layer, int inputs, double raw, double symmetric, double psd, double residual,
            String skipped) {

        /** A layer that was not measured. */
        public static LayerFact skipped(String layer, int inputs, String why) {
            return new LayerFact(layer, inputs, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why);
        }
    }

    /**
     * Neural collapse (Papyan et al. 2020) of the last hidden layer.
     *
     * @param skipped        why it was not measured, or null
     * @param layer          the layer
     * @param nc1            within-class variability relative to between-class
     * @param nc2Equinorm    spread of class-mean norms
     * @param nc2Equiangular deviation of class-mean angles from a simplex
     * @param nc3            distance of the classifier from the class means
     * @param nc4            disagreement with the nearest class mean
     */
    public record Collapse(String skipped, String layer, double nc1, double nc2Equinorm, double nc2Equiangular,
            double nc3, double nc4) {

        /** A collapse measurement that did not apply. */
        public static Collapse skipped(String why) {
            return new Collapse(why, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /** The document as pretty-printed JSON. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("kind", KIND);
        o.addProperty("run", run);
        o.addProperty("step", step);
        o.addProperty("model", model);
        o.addProperty("examples", examples);
        JsonObject change = new JsonObject();
        weightChange.forEach(change::addProperty);
        change.addProperty(ALL, overallWeightChange);
        o.add("relative_weight_change", change);
        JsonObject kernel = new JsonObject();
        kernelAlignment.forEach((layer, a) -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("alignment_to_init", a.toInit());
            entry.addProperty("centred_alignment_to_init", a.centredToInit());
            kernel.add(layer, entry);
        });
        o.add("hidden_kernel", kernel);
        JsonObject nfa = new JsonObject();
        if (featureAnsatz.skipped() != null) {
            nfa.addProperty(SKIPPED, featureAnsatz.skipped());
        }
        for (LayerCorrelation c : featureAnsatz.layers()) {
            if (c.skipped() != null) {
                nfa.addProperty(c.layer(), SKIPPED_PREFIX + c.skipped());
            } else {
                nfa.addProperty(c.layer(), c.correlation());
            }
        }
        o.add("neural_feature_ansatz", nfa);
        JsonObject nc = new JsonObject();
        if (collapse.skipped() != null) {
            nc.addProperty(SKIPPED, collapse.skipped());
        } else {
            nc.addProperty("layer", collapse.layer());
            nc.addProperty("nc1", collapse.nc1());
            nc.addProperty("nc2_equinorm", collapse.nc2Equinorm());
            nc.addProperty("nc2_equiangular", collapse.nc2Equiangular());
            nc.addProperty("nc3", collapse.nc3());
            nc.addProperty("nc4", collapse.nc4());
        }
        o.add("neural_collapse", nc);
        o.add(FACT, factJson());
        return GSON.toJson(o) + "\n";
    }

    private JsonObject factJson() {
        JsonObject f = new JsonObject();
        if (fact.skipped() != null) {
            f.addProperty(SKIPPED, fact.skipped());
            return f;
        }
        f.addProperty("weight_decay", fact.weightDecay());
        JsonObject layers = new JsonObject();
        for (LayerFact l : fact.layers()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("inputs", l.inputs());
            if (l.skipped() != null) {
                entry.addProperty(SKIPPED, l.skipped());
            } else {
                entry.addProperty("correlation", l.raw());
                entry.addProperty("symmetric", l.symmetric());
                entry.addProperty("psd", l.psd());
                entry.addProperty("residual", l.residual());
            }
            layers.add(l.layer(), entry);
        }
        f.add("layers", layers);
        return f;
    }

    private static Fact readFact(JsonFields r, JsonObject root) throws RunFileException {
        JsonObject f = r.object(root, FACT, "$." + FACT, false);
        if (f == null) {
            return Fact.skipped("not measured (written before the relation was part of the diagnostics)");
        }
        if (f.has(SKIPPED)) {
            return Fact.skipped(f.get(SKIPPED).getAsString());
        }
        JsonObject layers = r.object(f, "layers", "$." + FACT + ".layers", true);
        List<LayerFact> list = new ArrayList<>();
        for (String layer : layers.keySet()) {
            String path = "$." + FACT + ".layers." + layer;
            JsonObject e = r.object(layers, layer, path, true);
            int inputs = (int) r.number(e, "inputs", path, null);
            list.add(e.has(SKIPPED) ? LayerFact.skipped(layer, inputs, e.get(SKIPPED).getAsString())
                    : new LayerFact(layer, inputs, r.number(e, "correlation", path, null),
                            r.number(e, "symmetric", path, null), r.number(e, "psd", path, null),
                            r.number(e, "residual", path, Double.NaN), null));
        }
        return new Fact(null, r.number(f, "weight_decay", "$." + FACT, null), list);
    }

    /** Writes the document to {@link #file()} atomically. */
    public void write() throws IOException {
        AtomicFiles.write(file, toJson());
    }

    /**
     * Reads a diagnostics document.
     *
     * @throws IOException when unreadable, or a {@link RunFileException} naming the JSON path at fault
     */
    public static DiagnosticsFile read(Path file) throws IOException {
        JsonFields r = new JsonFields(file);
        JsonObject root = r.readObject();
        JsonObject change = r.object(root, "relative_weight_change", "$.relative_weight_change", true);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String name : change.keySet()) {
            if (!name.equals(ALL)) {
                weights.put(name, r.number(change, name, "$.relative_weight_change", null));
            }
        }
        Map<String, KernelAlignment> kernel = new LinkedHashMap<>();
        JsonObject hidden = r.object(root, "hidden_kernel", "$.hidden_kernel", true);
        for (String layer : hidden.keySet()) {
            String path = "$.hidden_kernel." + layer;
            JsonObject entry = r.object(hidden, layer, path, true);
            kernel.put(layer, new KernelAlignment(r.number(entry, "alignment_to_init", path, null),
                    r.number(entry, "centred_alignment_to_init", path, null)));
        }
        JsonObject nfa = r.object(root, "neural_feature_ansatz", "$.neural_feature_ansatz", true);
        String nfaSkipped = null;
        List<LayerCorrelation> correlations = new ArrayList<>();
        for (String layer : nfa.keySet()) {
            JsonElement v = nfa.get(layer);
            if (layer.equals(SKIPPED)) {
                nfaSkipped = v.getAsString();
            } else if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()
                    && v.getAsString().startsWith(SKIPPED_PREFIX)) {
                correlations.add(new LayerCorrelation(layer, Double.NaN,
                        v.getAsString().substring(SKIPPED_PREFIX.length())));
            } else {
                correlations.add(new LayerCorrelation(layer, r.number(nfa, layer, "$.neural_feature_ansatz", null),
                        null));
            }
        }
        JsonObject nc = r.object(root, "neural_collapse", "$.neural_collapse", true);
        String path = "$.neural_collapse";
        Collapse collapse = nc.has(SKIPPED) ? Collapse.skipped(nc.get(SKIPPED).getAsString())
                : new Collapse(null, JsonFields.text(nc, "layer"), r.number(nc, "nc1", path, null),
                        r.number(nc, "nc2_equinorm", path, null), r.number(nc, "nc2_equiangular", path, null),
                        r.number(nc, "nc3", path, null), r.number(nc, "nc4", path, null));
        return new DiagnosticsFile(file, JsonFields.text(root, "run"), (long) r.number(root, "step", "$", null),
                JsonFields.text(root, "model"), (int) r.number(root, "examples", "$", 0), weights,
                r.number(change, ALL, "$.relative_weight_change", Double.NaN), kernel,
                new FeatureAnsatz(nfaSkipped, correlations), collapse, readFact(r, root));
    }
}
