package org.lmworkbench.core.run;

import com.google.gson.JsonArray;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code probes/modes.jsonl}: the strengths {@code s_k} of the top singular modes of the
 * training data's input-output correlation and the projections {@code u_k = a_k^T F b_k} of the
 * network's end-to-end map onto them at a step, which Saxe et al.'s sigmoids predict for a deep
 * linear network.
 *
 * @param step           optimizer steps completed
 * @param strengths      {@code s_k}, largest first (the same on every line)
 * @param projections    {@code u_k}
 * @param inputWhiteness {@code |Sigma_xx - I|_F / |I|_F}: 0 where the prediction is exact
 */
public record ModesLine(long step, double[] strengths, double[] projections, double inputWhiteness) {

    /** File name under {@code probes/}. */
    public static final String FILE = "modes.jsonl";
    /** Key of the strengths. */
    public static final String STRENGTHS = "strengths";
    /** Key of the projections. */
    public static final String PROJECTIONS = "projections";
    private static final String WHITENESS = "input_whiteness";

    /** The line as the backend appends it, keys in file order. */
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(MetricsLine.STEP, step);
        v.put(STRENGTHS, array(strengths));
        v.put(PROJECTIONS, array(projections));
        v.put(WHITENESS, inputWhiteness);
        return v;
    }

    private static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        for (double x : values) {
            a.add(x);
        }
        return a;
    }

    /**
     * Reads one line.
     *
     * @throws RunFileException naming the file, the line and what is wrong
     */
    public static ModesLine read(Path file, MetricsRecord record) throws RunFileException {
        try {
            double[] s = record.numbers(STRENGTHS);
            double[] u = record.numbers(PROJECTIONS);
            if (record.step() < 0 || s.length == 0 || s.length != u.length) {
                throw new RunFileException(file, record.line(),
                        "modes record needs a numeric 'step' and as many 'projections' as 'strengths'", null);
            }
            return new ModesLine(record.step(), s, u, record.number(WHITENESS));
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new RunFileException(file, record.line(), e.getMessage(), e);
        }
    }
}
