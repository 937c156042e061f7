package org.lmworkbench.ui.sharpness;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.Section;
import org.lmworkbench.analysis.eos.EdgeOfStabilityResult;

/**
 * The numbers of the sharpness page: end of progressive sharpening, the two-segment breakpoint,
 * the plateau (mean ± sd, ratio to the threshold, samples), the largest sharpness and the
 * sharpening rate, as a Forms section of label pairs. Values wrap instead of being cut when the
 * editor is narrow (each also in its tooltip), and {@link #scalars} gives them at full precision for
 * the chart's CSV export.
 */
final class SharpnessNumbersSection {

    /** The rows, in display order. */
    enum Field {
        END, BREAKPOINT, PLATEAU, RATIO, SAMPLES, MAX, RATE
    }

    private final Section section;
    private final Map<Field, Label> names = new EnumMap<>(Field.class);
    private final Map<Field, Label> values = new EnumMap<>(Field.class);

    SharpnessNumbersSection(Composite parent, FormToolkit toolkit, double fraction) {
        section = toolkit.createSection(parent, Section.TITLE_BAR | Section.DESCRIPTION);
        section.setText(Messages.SharpnessNumbers_title);
        section.setDescription(NLS.bind(Messages.SharpnessNumbers_description, format("%.2f", fraction)));
        Composite body = toolkit.createComposite(section);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(12, 4).applyTo(body);
        for (Field f : Field.values()) {
            Label name = toolkit.createLabel(body, label(f, "2/lr"));
            GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(name);
            Label value = toolkit.createLabel(body, Messages.SharpnessNumbers_none, SWT.WRAP);
            // a small preferred width: the value takes what the row has and wraps in the rest
            GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(value);
            names.put(f, name);
            values.put(f, value);
        }
        section.setClient(body);
    }

    /** The section control, for layout. */
    Section control() {
        return section;
    }

    /** The text shown for a field (what a reader sees). */
    String text(Field field) {
        return values.get(field).getText();
    }

    /**
     * Shows a detection.
     *
     * @param r             the result
     * @param thresholdKind the threshold's formula from the samples, for the ratio's label
     */
    void show(EdgeOfStabilityResult r, String thresholdKind) {
        names.get(Field.RATIO).setText(label(Field.RATIO, thresholdKind.isEmpty() ? "2/lr" : thresholdKind));
        String none = Messages.SharpnessNumbers_none;
        if (r.isEmpty()) {
            values.values().forEach(l -> l.setText(none));
            return;
        }
        EdgeOfStabilityResult.Plateau p = r.plateau();
        set(Field.END, r.reached() ? NLS.bind(Messages.SharpnessNumbers_endValue, r.endOfSharpeningStep())
                : NLS.bind(Messages.SharpnessNumbers_notReached, format("%.3f", r.maxRatio())));
        set(Field.BREAKPOINT, r.breakpoint() == null ? none : NLS.bind(Messages.SharpnessNumbers_breakpointValue,
                new Object[] {(long) r.breakpoint().breakpoint(), format("%.4f", r.breakpoint().level()),
                    format("%.4g", r.breakpoint().slope())}));
        set(Field.PLATEAU, p == null ? none : format("%.4f \u00b1 %.4f", p.mean(), p.sd()));
        set(Field.RATIO, p == null ? none : format("%.5f (%+.2f %%)", p.ratio(), 100 * (p.ratio() - 1)));
        set(Field.SAMPLES, p == null ? none : NLS.bind(Messages.SharpnessNumbers_samplesValue,
                new Object[] {p.samples(), r.samples(), p.fromStep(), p.toStep()}));
        set(Field.MAX, NLS.bind(Messages.SharpnessNumbers_maxValue, format("%.4f", r.maxLambda()), r.maxLambdaStep()));
        EdgeOfStabilityResult.SharpeningRate rate = r.sharpening();
        set(Field.RATE, NLS.bind(Messages.SharpnessNumbers_rateValue, format("%.4g", rate.slope()),
                format("%.4g", rate.logSlope())));
    }

    private void set(Field field, String text) {
        values.get(field).setText(text);
        values.get(field).setToolTipText(text);
    }

    /**
     * The numbers of a detection at full precision, by the names the CSV export gives them; steps
     * and counts are whole numbers, NaN stands for "none".
     */
    static Map<String, Double> scalars(EdgeOfStabilityResult r) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (r.isEmpty()) {
            return out;
        }
        out.put("eos.samples", (double) r.samples());
        out.put("eos.end_of_sharpening_step", r.reached() ? r.endOfSharpeningStep() : Double.NaN);
        out.put("eos.max_ratio_to_threshold", r.maxRatio());
        out.put("eos.breakpoint_step", r.breakpoint() == null ? Double.NaN : r.breakpoint().breakpoint());
        out.put("eos.breakpoint_level", r.breakpoint() == null ? Double.NaN : r.breakpoint().level());
        out.put("eos.breakpoint_slope", r.breakpoint() == null ? Double.NaN : r.breakpoint().slope());
        EdgeOfStabilityResult.Plateau p = r.plateau();
        out.put("eos.plateau_mean", p == null ? Double.NaN : p.mean());
        out.put("eos.plateau_sd", p == null ? Double.NaN : p.sd());
        out.put("eos.plateau_ratio_to_threshold", p == null ? Double.NaN : p.ratio());
        out.put("eos.plateau_samples", p == null ? Double.NaN : p.samples());
        out.put("eos.plateau_from_step", p == null ? Double.NaN : p.fromStep());
        out.put("eos.plateau_to_step", p == null ? Double.NaN : p.toStep());
        out.put("eos.max_lambda1", r.maxLambda());
        out.put("eos.max_lambda1_step", (double) r.maxLambdaStep());
        out.put("eos.sharpening_slope", r.sharpening() == null ? Double.NaN : r.sharpening().slope());
        out.put("eos.sharpening_log_slope", r.sharpening() == null ? Double.NaN : r.sharpening().logSlope());
        return out;
    }

    private static String label(Field f, String kind) {
        return switch (f) {
            case END -> Messages.SharpnessNumbers_end;
            case BREAKPOINT -> Messages.SharpnessNumbers_breakpoint;
            case PLATEAU -> Messages.SharpnessNumbers_plateau;
            case RATIO -> NLS.bind(Messages.SharpnessNumbers_ratio, kind);
            case SAMPLES -> Messages.SharpnessNumbers_samples;
            case MAX -> Messages.SharpnessNumbers_max;
            case RATE -> Messages.SharpnessNumbers_rate;
        };
    }

    /** Numbers are formatted the same in every locale, so a copied value parses anywhere. */
    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
