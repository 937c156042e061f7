package org.lmworkbench.workspace.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scaling-fit document ({@code analyses/*.fit}): where the points come from, the form, the
 * objective settings, the extrapolation targets and the last result. The JSON layout is
 * described in {@code FIT-FORMAT.md} and read and written by {@link FitDocumentJson}.
 *
 * <p>Mutable on purpose: the settings page edits it field by field and the fit job replaces
 * {@link #result()}. All access happens on the UI thread; the job works on a snapshot.
 */
public final class FitDocument {

    /** The document format version this code reads and writes. */
    public static final int VERSION = 1;

    /** Form words of the document, in the order the editor lists them. */
    public static final List<String> FORMS = List.of("power_law", "chinchilla", "broken_power_law");

    /**
     * Where the points come from.
     *
     * @param kind {@code runs} (one point per completed run of a sweep or project folder) or
     *        {@code csv}
     * @param path project-relative (or absolute) folder, spec file or CSV file
     * @param x input keys or columns in form order (x; or N, then D or FLOP)
     * @param y loss metric key or column
     * @param dFromFlop chinchilla only: the second input is training FLOP, D = FLOP / (6 N)
     */
    public record Source(String kind, String path, List<String> x, String y, boolean dFromFlop) {

        /** Copies the key list so that a source is immutable. */
        public Source {
            x = List.copyOf(x);
        }

        /** @return whether the points come from runs. */
        public boolean fromRuns() {
            return kind.equals("runs");
        }
    }

    /**
     * Objective and estimation settings (the options of {@code lmw fit}).
     *
     * @param huberDelta Huber threshold on log residuals
     * @param grid {@code default}, {@code epoch}, {@code small} or a positive number of starts
     * @param bootstrap bootstrap resamples (0 = none)
     * @param seed bootstrap seed
     * @param dropHighest number of highest-loss points dropped before fitting
     */
    public record Settings(double huberDelta, String grid, int bootstrap, long seed,
            int dropHighest) {

        /** @return {@code lmw fit}'s defaults: delta 1e-3, default grid, no bootstrap. */
        public static Settings defaults() {
            return new Settings(1e-3, "default", 0, 0, 0);
        }
    }

    private Source source;
    private String form;
    private Settings settings;
    private final List<double[]> extrapolate = new ArrayList<>();
    private FitResultModel result;

    /**
     * @param source where the points come from
     * @param form one of {@link #FORMS}
     * @param settings objective settings
     */
    public FitDocument(Source source, String form, Settings settings) {
        this.source = source;
        setForm(form);
        this.settings = settings;
    }

    /** @return the point source. */
    public Source source() {
        return source;
    }

    /** @param source the new point source */
    public void setSource(Source source) {
        this.source = source;
    }

    /** @return the form word, one of {@link #FORMS}. */
    public String form() {
        return form;
    }

    /** @param form one of {@link #FORMS} */
    public void setForm(String form) {
        if (!FORMS.contains(form)) {
            throw new IllegalArgumentException("unknown form '" + form + "'; forms: "
                    + String.join(", ", FORMS));
        }
        this.form = form;
    }

    /** @return the number of inputs of the form: 2 for chinchilla, else 1. */
    public int inputCount() {
        return form.equals("chinchilla") ? 2 : 1;
    }

    /** @return the form word {@code lmw fit --form} takes. */
    public String commandForm() {
        return switch (form) {
            case "power_law" -> "power";
            case "broken_power_law" -> "broken";
            default -> form;
        };
    }

    /** @return the objective settings. */
    public Settings settings() {
        return settings;
    }

    /** @param settings the new settings */
    public void setSettings(Settings settings) {
        this.settings = settings;
    }

    /** @return the extrapolation targets (inputs in form order); a live list. */
    public List<double[]> extrapolate() {
        return extrapolate;
    }

    /** @return the last result, or {@code null} if the document was never fitted. */
    public FitResultModel result() {
        return result;
    }

    /** @param result the new result, or {@code null} to clear it */
    public void setResult(FitResultModel result) {
        this.result = result;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FitDocument[%s from %s %s]", form, source.kind(),
                source.path());
    }
}
