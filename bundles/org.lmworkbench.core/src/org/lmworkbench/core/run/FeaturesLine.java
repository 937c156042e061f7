package org.lmworkbench.core.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code probes/features.jsonl}: per layer, the neural feature ansatz correlation of
 * {@code W^T W} with the square root of the AGOP, and the features-at-convergence correlation of
 * {@code W^T W} with {@code -(1/lambda) W^T G} and its relative residual, at a step of training
 * (the over-training counterpart of {@link DiagnosticsFile}).
 *
 * @param step         optimizer steps completed
 * @param examples     training examples measured on
 * @param nfa          NFA correlation by layer (MLP dense layers; empty for other families)
 * @param fact         FACT correlation by layer
 * @param factResidual FACT relative residual by layer (NaN without weight decay)
 */
public record FeaturesLine(long step, int examples, Map<String, Double> nfa, Map<String, Double> fact,
        Map<String, Double> factResidual) {

    /** File name under {@code probes/}. */
    public static final String FILE = "features.jsonl";
    /** Key of the NFA correlations, an object by layer. */
    public static final String NFA = "nfa";
    /** Key of the FACT correlations, an object by layer. */
    public static final String FACT = "fact";
    /** Key of the FACT residuals, an object by layer. */
    public static final String FACT_RESIDUAL = "fact_residual";
    private static final String EXAMPLES = "examples";

    /** Copies the maps in their order. */
    public FeaturesLine {
        nfa = new LinkedHashMap<>(nfa);
        fact = new LinkedHashMap<>(fact);
        factResidual = new LinkedHashMap<>(factResidual);
    }

    /** The line as the backend appends it, keys in file order. */
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(MetricsLine.STEP, step);
        v.put(EXAMPLES, examples);
        v.put(NFA, new LinkedHashMap<>(nfa));
        v.put(FACT, new LinkedHashMap<>(fact));
        v.put(FACT_RESIDUAL, new LinkedHashMap<>(factResidual));
        return v;
    }

    /**
     * Reads one line.
     *
     * @throws RunFileException naming the file, the line and what is wrong
     */
    public static FeaturesLine read(Path file, MetricsRecord record) throws RunFileException {
        if (record.step() < 0 || !record.has(FACT)) {
            throw new RunFileException(file, record.line(), "features record without a numeric 'step' and 'fact'", null);
        }
        try {
            return new FeaturesLine(record.step(), (int) record.number(EXAMPLES), byLayer(record, NFA),
                    byLayer(record, FACT), byLayer(record, FACT_RESIDUAL));
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new RunFileException(file, record.line(), e.getMessage(), e);
        }
    }

    private static Map<String, Double> byLayer(MetricsRecord record, String key) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!record.has(key)) {
            return out;
        }
        JsonElement e = record.values().get(key);
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("'" + key + "' is not an object by layer: " + e);
        }
        JsonObject o = e.getAsJsonObject();
        for (String layer : o.keySet()) {
            out.put(layer, JsonNumbers.toDouble(o.get(layer)));
        }
        return out;
    }
}
