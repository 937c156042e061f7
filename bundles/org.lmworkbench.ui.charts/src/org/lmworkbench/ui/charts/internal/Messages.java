package org.lmworkbench.ui.charts.internal;

import org.eclipse.osgi.util.NLS;

/**
 * The user-visible strings of the charts bundle, from {@code messages.properties} beside this class
 * (translations are fragments with {@code messages_xx.properties}). Field names are
 * {@code Class_key}, after the class that shows the string.
 */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.charts.internal.messages";

    /** Menu item and action: export as PNG. */
    public static String ExportMenu_png;
    /** See messages.properties. */
    public static String ExportMenu_export;
    /** See messages.properties. */
    public static String ExportMenu_exportTooltip;
    /** Menu item and action: export as SVG. */
    public static String ExportMenu_svg;
    /** Menu item and action: export as CSV. */
    public static String ExportMenu_csv;
    /** File dialog filter name for PNG. */
    public static String ExportMenu_pngFilter;
    /** File dialog filter name for SVG. */
    public static String ExportMenu_svgFilter;
    /** File dialog filter name for CSV. */
    public static String ExportMenu_csvFilter;
    /** File dialog title. */
    public static String ExportMenu_dialogTitle;
    /** Error dialog title. */
    public static String ExportMenu_failedTitle;
    /** Error dialog message: {0} file, {1} reason. */
    public static String ExportMenu_failed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
