package org.lmworkbench.core.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code probes/sharpness.jsonl}: the top-k Hessian eigenvalues the training loop's
 * sharpness probe measured at a step, with their residuals and cost, and the learning rate and
 * stability threshold the optimizer had then. The backend appends {@link #values()} through
 * {@link MetricsWriter}; readers turn records of {@link MetricsReader} back into lines with
 * {@link #read}. Only {@code step} and the eigenvalues are required, so hand-written files with
 * {@code lambda} in place of {@code eigenvalues} (the name early run files used) still read.
 *
 * @param step          optimizer steps completed when the Hessian was taken
 * @param eigenvalues   top-k eigenvalues, largest first
 * @param residuals     their residual norms {@code ||Hv - lambda v||} (empty when not recorded)
 * @param hvps          Hessian-vector products spent
 * @param lr            learning rate in effect, NaN when not recorded
 * @param threshold     the optimizer's stability threshold (2/lr for GD), NaN when it has none
 * @param thresholdKind the threshold's formula ({@code 2/lr}, {@code none} ...), or empty
 * @param quantity      what the eigenvalues are of ({@code sharpness}, or the preconditioned sharpness)
 * @param converged     whether every eigenvalue met the tolerance
 * @param iterations    Lanczos steps
 * @param examples      training examples the Hessian was taken over
 * @param mode          the network's mode for the Hessian ({@code train})
 * @param loss          training loss on those examples
 * @param method        eigensolver ({@code lanczos})
 * @param dtype         floating-point type of the computation
 * @param seconds       time the measurement took
 * @param zo            the mean-square stability band of a zeroth-order run at this sample, or null
 */
public record SharpnessLine(long step, double[] eigenvalues, double[] residuals, long hvps, double lr,
        double threshold, String thresholdKind, String quantity, boolean converged, int iterations, int examples,
        String mode, double loss, String method, String dtype, double seconds, ZoBand zo) {

    /**
     * Where a zeroth-order run stands against its edge of mean-square stability (Song et al. 2026):
     * inside the band when {@code traceLow <= trace <= traceHigh}, i.e. {@code Tr <= threshold <= Tr +
     * margin lambda_max} ({@code 2/eta} and 2 for ZO-GD with one Gaussian direction). For ZO-Adam the
     * trace and the eigenvalues are those of the preconditioned Hessian {@code P^-1 H}.
     *
     * @param trace         the Hessian trace at the sample (exact, or a Hutch++ estimate)
     * @param traceError    standard error of the trace (0 when exact)
     * @param zoThreshold   the band's upper end {@code 2(1-beta)/(c h)}
     * @param margin        the multiple of {@code lambda_max} spanning the band
     * @param inside        whether the sample lies in the band
     * @param etaStar       the exact critical step from the full spectrum, NaN when no spectrum was computed
     * @param settings      the estimator's label ({@code ZO-GD(n=1, Gaussian)} ...)
     */
    public record ZoBand(double trace, double traceError, double zoThreshold, double margin, boolean inside,
            double etaStar, String settings) {

        /** The lower end of the band, {@code threshold - margin lambda_max}. */
        public double traceLow(double lambdaMax) {
            return zoThreshold - margin * lambdaMax;
        }
    }

    /** A line without a zeroth-order band. */
    public SharpnessLine(long step, double[] eigenvalues, double[] residuals, long hvps, double lr, double threshold,
            String thresholdKind, String quantity, boolean converged, int iterations, int examples, String mode,
            double loss, String method, String dtype, double seconds) {
        this(step, eigenvalues, residuals, hvps, lr, threshold, thresholdKind, quantity, converged, iterations,
                examples, mode, loss, method, dtype, seconds, null);
    }

    /** File name under {@code probes/}. */
    public static final String FILE = RunDirectory.SHARPNESS;
    /** Key of the step. */
    public static final String STEP = MetricsLine.STEP;
    /** Key of the eigenvalue array. */
    public static final String EIGENVALUES = "eigenvalues";
    /** Accepted alias of {@link #EIGENVALUES}. */
    public static final String LAMBDA = "lambda";
    /** Key of the residual norms. */
    public static final String RESIDUALS = "residuals";
    /** Key of the Hessian-vector product count. */
    public static final String HVPS = "hvps";
    /** Key of the learning rate. */
    public static final String LR = "lr";
    /** Key of the stability threshold. */
    public static final String THRESHOLD = "threshold";
    /** Key of the threshold's formula. */
    public static final String THRESHOLD_KIND = "threshold_kind";
    private static final String QUANTITY = "quantity";
    private static final String CONVERGED = "converged";
    private static final String ITERATIONS = "iterations";
    private static final String EXAMPLES = "examples";
    private static final String MODE = "mode";
    private static final String LOSS = "loss";
    private static final String METHOD = "method";
    private static final String DTYPE = "dtype";
    private static final String SECONDS = "seconds";
    /** Key of the trace at a zeroth-order sample. */
    public static final String TRACE = "trace";
    /** Key of the trace's standard error. */
    public static final String TRACE_ERROR = "trace_error";
    /** Key of the upper end of the zeroth-order band. */
    public static final String ZO_THRESHOLD = "zo_threshold";
    /** Key of the band's width in units of lambda_max. */
    public static final String ZO_MARGIN = "zo_margin";
    /** Key of the lower end of the band (written for readers; recomputed from threshold and margin). */
    public static final String TRACE_LOW = "trace_low";
    /** Key of whether the sample lies in the band. */
    public static final String INSIDE_BAND = "inside_band";
    /** Key of the exact critical step from a full spectrum. */
    public static final String ETA_STAR = "eta_star";
    /** Key of the estimator label. */
    public static final String ZO_SETTINGS = "zo_settings";

    /** Copies the arrays. */
    public SharpnessLine {
        eigenvalues = eigenvalues.clone();
        residuals = residuals.clone();
        thresholdKind = thresholdKind == null ? "" : thresholdKind;
    }

    /** The eigenvalues, as a copy. */
    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The residual norms, as a copy. */
    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    /** The line as the backend appends it, keys in file order. */
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(STEP, step);
        v.put(EIGENVALUES, eigenvalues.clone());
        v.put(RESIDUALS, residuals.clone());
        v.put(HVPS, hvps);
        v.put(LR, lr);
        v.put(THRESHOLD, threshold);
        v.put(THRESHOLD_KIND, thresholdKind);
        v.put(QUANTITY, quantity);
        v.put(CONVERGED, converged);
        v.put(ITERATIONS, iterations);
        v.put(EXAMPLES, examples);
        v.put(MODE, mode);
        v.put(LOSS, loss);
        v.put(METHOD, method);
        v.put(DTYPE, dtype);
        v.put(SECONDS, seconds);
        if (zo != null) {
            v.put(TRACE, zo.trace());
            v.put(TRACE_ERROR, zo.traceError());
            v.put(ZO_THRESHOLD, zo.zoThreshold());
            v.put(ZO_MARGIN, zo.margin());
            v.put(TRACE_LOW, zo.traceLow(eigenvalues[0]));
            v.put(INSIDE_BAND, zo.inside());
            v.put(ETA_STAR, zo.etaStar());
            v.put(ZO_SETTINGS, zo.settings());
        }
        return v;
    }

    /**
     * Reads one line.
     *
     * @param file   the file, for messages
     * @param record the parsed line
     * @throws RunFileException naming the file, the line and the key at fault
     */
    public static SharpnessLine read(Path file, MetricsRecord record) throws RunFileException {
        long step = record.step();
        if (step < 0) {
            throw new RunFileException(file, record.line(), "sharpness record without a numeric '" + STEP + "'", null);
        }
        String key = record.has(EIGENVALUES) ? EIGENVALUES : LAMBDA;
        try {
            double[] eigenvalues = record.numbers(key);
            if (eigenvalues.length == 0) {
                throw new RunFileException(file, record.line(),
                        "sharpness record at step " + step + " has no '" + EIGENVALUES + "' array", null);
            }
            for (int i = 0; i < eigenvalues.length; i++) {
                if (Double.isNaN(eigenvalues[i])) {
                    throw new RunFileException(file, record.line(),
                            "'" + key + "[" + i + "]' is not a number at step " + step, null);
                }
            }
            return new SharpnessLine(step, eigenvalues, record.numbers(RESIDUALS), (long) orZero(record, HVPS),
                    record.number(LR), record.number(THRESHOLD), record.string(THRESHOLD_KIND),
                    record.string(QUANTITY), record.has(CONVERGED) && record.values().get(CONVERGED).getAsBoolean(),
                    (int) orZero(record, ITERATIONS), (int) orZero(record, EXAMPLES), record.string(MODE),
                    record.number(LOSS), record.string(METHOD), record.string(DTYPE), record.number(SECONDS),
                    readBand(record));
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new RunFileException(file, record.line(), e.getMessage(), e);
        }
    }

    private static ZoBand readBand(MetricsRecord record) {
        if (!record.has(ZO_THRESHOLD)) {
            return null;
        }
        return new ZoBand(record.number(TRACE), record.number(TRACE_ERROR), record.number(ZO_THRESHOLD),
                record.number(ZO_MARGIN), record.has(INSIDE_BAND) && record.values().get(INSIDE_BAND).getAsBoolean(),
                record.number(ETA_STAR), record.string(ZO_SETTINGS));
    }

    private static double orZero(MetricsRecord record, String key) {
        double v = record.number(key);
        return Double.isNaN(v) ? 0 : v;
    }
}
