package org.lmworkbench.ui.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.workspace.fit.FitResultModel;

/**
 * How the fit page states a parameter's uncertainty. The interval is always the bootstrap
 * percentile interval. The spread is the standard deviation of the refits for parameters fitted
 * as they are (exponents), but a factor, {@code ×/÷ exp(sd of ln value)}, for those fitted as
 * logarithms (amplitudes and the offset): their refits are skewed, and a handful of refits in
 * which the offset vanishes or the amplitude runs off gave a standard deviation (840 for an A
 * whose interval is 0.16 to 8.49) that contradicted the interval.
 */
final class FitSpread {

    private FitSpread() {
    }

    /** The spread column of parameter {@code k}. */
    static String spread(FitResultModel m, int k) {
        if (!m.hasBootstrap()) {
            return "-";
        }
        if (m.fittedAsLogarithm(k)) {
            double factor = m.multiplicativeError(k);
            return Double.isFinite(factor) ? "\u00d7/\u00f7 " + String.format(Locale.ROOT, "%.3g", factor) : "-";
        }
        return "\u00b1 " + FitResultsPage.format(m.stderr()[k]);
    }

    /** The note under the table: how the interval and each kind of spread are computed. */
    static String methodNote(FitResultModel m) {
        if (!m.hasBootstrap()) {
            return Messages.FitResultsPage_methodNone;
        }
        List<String> logs = new ArrayList<>();
        List<String> logSds = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (int k = 0; k < m.names().size(); k++) {
            if (m.fittedAsLogarithm(k)) {
                logs.add(m.names().get(k));
                logSds.add(m.names().get(k) + " " + String.format(Locale.ROOT, "%.3g", m.stderr()[k]));
            } else {
                plain.add(m.names().get(k));
            }
        }
        StringBuilder note = new StringBuilder(NLS.bind(Messages.FitResultsPage_methodInterval,
                m.resamples().length));
        if (!logs.isEmpty()) {
            note.append(' ').append(NLS.bind(Messages.FitResultsPage_methodLog, String.join(", ", logs),
                    String.join(", ", logSds)));
        }
        if (!plain.isEmpty()) {
            note.append(' ').append(NLS.bind(Messages.FitResultsPage_methodPlain, String.join(", ", plain)));
        }
        return note.toString();
    }
}
