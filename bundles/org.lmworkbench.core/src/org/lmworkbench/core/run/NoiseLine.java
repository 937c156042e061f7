package org.lmworkbench.core.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code probes/noise.jsonl}: the simple gradient noise scale
 * {@code B_simple = tr(Sigma) / |G|^2} (McCandlish et al. 2018) from per-example gradients at a
 * step, the predicted critical batch size.
 *
 * @param step                optimizer steps completed
 * @param examples            per-example gradients taken
 * @param gradientNormSquared unbiased {@code |G|^2}
 * @param traceCovariance     unbiased {@code tr(Sigma)}
 * @param noiseScale          {@code B_simple} ({@code +inf} when {@code |G|^2} is not positive)
 */
public record NoiseLine(long step, int examples, double gradientNormSquared, double traceCovariance,
        double noiseScale) {

    /** File name under {@code probes/}. */
    public static final String FILE = "noise.jsonl";
    /** Key of {@code B_simple}. */
    public static final String NOISE_SCALE = "b_simple";
    private static final String EXAMPLES = "examples";
    private static final String GRADIENT = "grad_norm_sq";
    private static final String TRACE = "trace_cov";

    /** The line as the backend appends it, keys in file order. */
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(MetricsLine.STEP, step);
        v.put(EXAMPLES, examples);
        v.put(GRADIENT, gradientNormSquared);
        v.put(TRACE, traceCovariance);
        v.put(NOISE_SCALE, noiseScale);
        return v;
    }

    /**
     * Reads one line.
     *
     * @throws RunFileException naming the file, the line and what is wrong
     */
    public static NoiseLine read(Path file, MetricsRecord record) throws RunFileException {
        if (record.step() < 0 || !record.has(NOISE_SCALE)) {
            throw new RunFileException(file, record.line(), "noise record without a numeric 'step' and 'b_simple'", null);
        }
        try {
            return new NoiseLine(record.step(), (int) record.number(EXAMPLES), record.number(GRADIENT),
                    record.number(TRACE), record.number(NOISE_SCALE));
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new RunFileException(file, record.line(), e.getMessage(), e);
        }
    }
}
