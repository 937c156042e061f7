package org.lmworkbench.ui.transfer;

import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Number formats and table helpers shared by the transfer pages. Locale.ROOT throughout: these
 * numbers are copied into notes and papers, where a decimal comma would be a surprise.
 */
final class TransferFormats {

    /** Shown for a value that does not exist (no run, no refinement). */
    static final String NONE = "\u2013";

    private TransferFormats() {
    }

    /** A width: whole numbers without decimals. */
    static String width(double w) {
        return w == Math.rint(w) && Math.abs(w) < 1e15 ? Long.toString((long) w) : String.format(Locale.ROOT, "%.4g", w);
    }

    /** A learning rate or a loss, four significant digits. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        // %g keeps trailing zeros ("0.03125" -> "0.03125", but "1.000"): drop them when there is a point.
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** A log2 value or a slope, two decimals; a value that rounds to zero is "0.00", never "-0.00". */
    static String fixed(double v) {
        if (!Double.isFinite(v)) {
            return NONE;
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.equals("-0.00") ? "0.00" : s;
    }

    /** Replaces a table's columns by new ones with these headers. */
    static void columns(Table table, String... headers) {
        table.setRedraw(false);
        try {
            table.removeAll();
            for (TableColumn c : table.getColumns()) {
                c.dispose();
            }
            for (String header : headers) {
                TableColumn column = new TableColumn(table, SWT.LEFT);
                column.setText(header);
            }
        } finally {
            table.setRedraw(true);
        }
    }

    /** Appends a row. */
    static void row(Table table, String... cells) {
        new TableItem(table, SWT.NONE).setText(cells);
    }

    /** Layout data of a label or section that wraps to the page's width instead of widening it. */
    static GridData wrapping() {
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 200;
        return data;
    }

    /** Sizes every column to its content. */
    static void pack(Table table) {
        for (TableColumn c : table.getColumns()) {
            c.pack();
        }
    }
}
