package org.lmworkbench.ui.views.table;

import java.util.List;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.workspace.runs.SpecKeys;
import org.lmworkbench.workspace.runs.table.RunColumn;

/** How the runs table names its columns: built-ins in words, spec keys short, metrics with their value. */
final class ColumnTitles {

    private ColumnTitles() {
    }

    /**
     * The header of {@code column}.
     *
     * @param specKeys the spec keys shown, so that a key is shortened ({@code width}) only where that
     *                 is unambiguous
     */
    static String title(RunColumn column, List<String> specKeys) {
        return switch (column) {
            case RunColumn.Builtin b -> builtin(b);
            case RunColumn.SpecKey k -> SpecKeys.shortNames(specKeys).getOrDefault(k.key(), k.key());
            case RunColumn.Metric m -> NLS.bind(Messages.RunsTable_metricTitle, m.metric(), m.stat().word());
        };
    }

    /** The header's tooltip: what the column holds in full. */
    static String tooltip(RunColumn column) {
        return switch (column) {
            case RunColumn.Builtin b -> builtin(b);
            case RunColumn.SpecKey k -> NLS.bind(Messages.RunsTable_specTooltip, k.key());
            case RunColumn.Metric m -> NLS.bind(Messages.RunsTable_metricTooltip,
                    new Object[] {m.stat().word(), m.metric(), m.stat().word() + "(" + m.metric() + ")"});
        };
    }

    static String builtin(RunColumn.Builtin b) {
        return switch (b) {
            case ID -> Messages.RunsTable_id;
            case NAME -> Messages.RunsTable_name;
            case STATE -> Messages.RunsTable_state;
            case TAGS -> Messages.RunsTable_tags;
            case NOTES -> Messages.RunsTable_notes;
            case STEPS -> Messages.RunsTable_steps;
            case DURATION -> Messages.RunsTable_duration;
            case DEVICE -> Messages.RunsTable_device;
            case IMPORTED -> Messages.RunsTable_imported;
        };
    }

    /** A width that fits the usual values. */
    static int width(RunColumn column, int nameWidth) {
        return switch (column) {
            case RunColumn.Builtin b -> switch (b) {
                case NAME -> nameWidth;
                case STATE -> 120;
                case TAGS -> 110;
                case DEVICE -> 70;
                default -> 80;
            };
            case RunColumn.SpecKey k -> 85;
            case RunColumn.Metric m -> 135;
        };
    }
}
