package org.lmworkbench.core.run;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sharpness-dimension measurement (Tuci et al. 2026): a line of
 * {@code probes/sharpness_dimension.jsonl} written by the training loop's probe, or the result file
 * {@code probes/sharpness-dimension-step-<n>.json} of the checkpoint command, which holds the same
 * keys. The backend appends {@link #values()}; readers turn records back into lines with {@link #read}.
 *
 * @param step          optimizer steps completed when the Hessians were taken
 * @param value         the Kaplan-Yorke dimension of the averaged exponent profile
 * @param standardError its jackknife standard error over minibatches (NaN with one sample)
 * @param jStar         the largest {@code j} whose partial exponent sum is non-negative
 * @param dimension     the parameter count
 * @param samples       minibatches (exact) or SLQ runs averaged
 * @param eta           the step of the map {@code x - eta grad L_B}
 * @param method        {@code exact} or {@code slq}
 * @param batchSize     examples per minibatch
 * @param estimator     how the profiles were obtained, in words
 * @param hvps          Hessian-vector products spent
 * @param seconds       time the measurement took
 */
public record SharpnessDimensionLine(long step, double value, double standardError, int jStar, long dimension,
        int samples, double eta, String method, int batchSize, String estimator, long hvps, double seconds) {

    /** File name under {@code probes/}. */
    public static final String FILE = RunDirectory.SHARPNESS_DIMENSION;
    /** Key of the dimension. */
    public static final String VALUE = "sharpness_dimension";
    /** Key of its standard error. */
    public static final String STANDARD_ERROR = "standard_error";
    private static final String J_STAR = "j_star";
    private static final String DIMENSION = "dimension";
    private static final String SAMPLES = "samples";
    private static final String ETA = "eta";
    private static final String METHOD = "method";
    private static final String BATCH_SIZE = "batch_size";
    private static final String ESTIMATOR = "estimator";
    private static final String HVPS = "hvps";
    private static final String SECONDS = "seconds";

    /** The line as the backend appends it, keys in file order. */
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(MetricsLine.STEP, step);
        v.put(VALUE, value);
        v.put(STANDARD_ERROR, standardError);
        v.put(J_STAR, jStar);
        v.put(DIMENSION, dimension);
        v.put(SAMPLES, samples);
        v.put(ETA, eta);
        v.put(METHOD, method);
        v.put(BATCH_SIZE, batchSize);
        v.put(ESTIMATOR, estimator);
        v.put(HVPS, hvps);
        v.put(SECONDS, seconds);
        return v;
    }

    /**
     * Writes the line as a standalone pretty-printed JSON file, atomically (the checkpoint command's result).
     *
     * @throws IOException naming the file
     */
    public void writeFile(Path file) throws IOException {
        AtomicFiles.write(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(MetricsWriter.toJson(values())) + "\n");
    }

    /**
     * Reads a result file written by {@link #writeFile}.
     *
     * @throws RunFileException naming the file and what is wrong
     */
    public static SharpnessDimensionLine readFile(Path file) throws IOException {
        return read(file, new MetricsRecord(1, new JsonFields(file).readObject()));
    }

    /**
     * Reads one line.
     *
     * @param file   the file, for messages
     * @param record the parsed line
     * @throws RunFileException naming the file, the line and what is wrong
     */
    public static SharpnessDimensionLine read(Path file, MetricsRecord record) throws RunFileException {
        if (record.step() < 0 || !record.has(VALUE)) {
            throw new RunFileException(file, record.line(),
                    "sharpness dimension record without a numeric 'step' and '" + VALUE + "'", null);
        }
        try {
            return new SharpnessDimensionLine(record.step(), record.number(VALUE), record.number(STANDARD_ERROR),
                    (int) record.number(J_STAR), (long) record.number(DIMENSION), (int) record.number(SAMPLES),
                    record.number(ETA), record.string(METHOD), (int) record.number(BATCH_SIZE),
                    record.string(ESTIMATOR), (long) record.number(HVPS), record.number(SECONDS));
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new RunFileException(file, record.line(), e.getMessage(), e);
        }
    }
}
