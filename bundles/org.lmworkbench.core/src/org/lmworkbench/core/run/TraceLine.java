package org.lmworkbench.core.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code probes/trace.jsonl}: a Hessian trace estimate the training loop's trace probe
 * took at a step (Hutch++, or Hutchinson below three samples), with its standard error and cost.
 * The backend appends {@link #values()}; {@link #read} turns a record back into a line.
 *
 * @param step          optimizer steps completed when the Hessian was taken
 * @param trace         the estimate
 * @param standardError its standard error
 * @param method        estimator name
 * @param probes        random probe vectors used
 * @param hvps          Hessian-vector products spent
 * @param examples      training examples the Hessian was taken over
 * @param mode          the network's mode for the Hessian ({@code train})
 * @param seconds       time the estimate took
 */
public record TraceLine(long step, double trace, double standardError, String method, long probes, long hvps,
        int examples, String mode, double seconds) {

    /** File name under {@code probes/}. */
    public static final String FILE = RunDirectory.TRACE;
    /** Key of the estimate. */
    public static final String TRACE = "trace";
    /** Key of its standard error. */
    public static final String STANDARD_ERROR = "standard_error";
    private static final String METHOD = "method";
    private static final String PROBES = "probes";
    private static final String HVPS = "hvps";
    private static final String EXAMPLES = "examples";
    private static final String MODE = "mode";
    private static final String SECONDS = "seconds";

    /** The line as the backend appends it, keys in file order. */
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(MetricsLine.STEP, step);
        v.put(TRACE, trace);
        v.put(STANDARD_ERROR, standardError);
        v.put(METHOD, method);
        v.put(PROBES, probes);
        v.put(HVPS, hvps);
        v.put(EXAMPLES, examples);
        v.put(MODE, mode);
        v.put(SECONDS, seconds);
        return v;
    }

    /**
     * Reads one line.
     *
     * @param file   the file, for messages
     * @param record the parsed line
     * @throws RunFileException naming the file, the line and what is wrong
     */
    public static TraceLine read(Path file, MetricsRecord record) throws RunFileException {
        if (record.step() < 0 || !record.has(TRACE)) {
            throw new RunFileException(file, record.line(), "trace record without a numeric 'step' and 'trace'", null);
        }
        try {
            return new TraceLine(record.step(), record.number(TRACE), record.number(STANDARD_ERROR),
                    record.string(METHOD), (long) record.number(PROBES), (long) record.number(HVPS),
                    (int) record.number(EXAMPLES), record.string(MODE), record.number(SECONDS));
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new RunFileException(file, record.line(), e.getMessage(), e);
        }
    }
}
