package org.lmworkbench.ui.fit;

import org.eclipse.osgi.util.NLS;

/**
 * User-visible strings of the scaling-fit editor, loaded from {@code messages.properties} beside
 * this class. Field names are {@code Class_key}, after the class that shows the string.
 */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.fit.messages";

    /** See messages.properties. */
    public static String FitJob_name;
    /** See messages.properties. */
    public static String FitJob_cancelled;
    /** See messages.properties. */
    public static String FitJob_failed;
    /** See messages.properties. */
    public static String FitSettingsPage_title;
    /** See messages.properties. */
    public static String FitSettingsPage_heading;
    /** See messages.properties. */
    public static String FitSettingsPage_pointsSection;
    /** See messages.properties. */
    public static String FitSettingsPage_pointsDescription;
    /** See messages.properties. */
    public static String FitSettingsPage_kind;
    /** See messages.properties. */
    public static String FitSettingsPage_path;
    /** See messages.properties. */
    public static String FitSettingsPage_x;
    /** See messages.properties. */
    public static String FitSettingsPage_y;
    /** See messages.properties. */
    public static String FitSettingsPage_flop;
    /** See messages.properties. */
    public static String FitSettingsPage_lawSection;
    /** See messages.properties. */
    public static String FitSettingsPage_lawDescription;
    /** See messages.properties. */
    public static String FitSettingsPage_form;
    /** See messages.properties. */
    public static String FitSettingsPage_delta;
    /** See messages.properties. */
    public static String FitSettingsPage_grid;
    /** See messages.properties. */
    public static String FitSettingsPage_bootstrap;
    /** See messages.properties. */
    public static String FitSettingsPage_seed;
    /** See messages.properties. */
    public static String FitSettingsPage_drop;
    /** See messages.properties. */
    public static String FitSettingsPage_fit;
    /** See messages.properties. */
    public static String FitSettingsPage_cancel;
    /** See messages.properties. */
    public static String FitSettingsPage_running;
    /** See messages.properties. */
    public static String FitSettingsPage_done;
    /** See messages.properties. */
    public static String FitResultsPage_title;
    /** See messages.properties. */
    public static String FitResultsPage_heading;
    /** See messages.properties. */
    public static String FitResultsPage_noResult;
    /** See messages.properties. */
    public static String FitResultsPage_summary;
    /** See messages.properties. */
    public static String FitResultsPage_skipped;
    /** See messages.properties. */
    public static String FitResultsPage_parameters;
    /** See messages.properties. */
    public static String FitResultsPage_colParameter;
    /** See messages.properties. */
    public static String FitResultsPage_colEstimate;
    /** See messages.properties. */
    public static String FitResultsPage_colSpread;
    /** See messages.properties. */
    public static String FitResultsPage_colLower;
    /** See messages.properties. */
    public static String FitResultsPage_colUpper;
    /** See messages.properties. */
    public static String FitResultsPage_points;
    /** See messages.properties. */
    public static String FitResultsPage_fitted;
    /** See messages.properties. */
    public static String FitResultsPage_residualTitle;
    /** See messages.properties. */
    public static String FitResultsPage_residualAxis;
    /** See messages.properties. */
    public static String FitResultsPage_residuals;
    /** See messages.properties. */
    public static String ExtrapolationPanel_title;
    /** See messages.properties. */
    public static String ExtrapolationPanel_size;
    /** See messages.properties. */
    public static String ExtrapolationPanel_add;
    /** See messages.properties. */
    public static String ExtrapolationPanel_remove;
    /** See messages.properties. */
    public static String ExtrapolationPanel_colSize;
    /** See messages.properties. */
    public static String ExtrapolationPanel_colValue;
    /** See messages.properties. */
    public static String ExtrapolationPanel_noResult;
    /** See messages.properties. */
    public static String ExtrapolationPanel_hint1;
    /** See messages.properties. */
    public static String ExtrapolationPanel_hint2;
    /** See messages.properties. */
    public static String ExtrapolationPanel_bad1;
    /** See messages.properties. */
    public static String ExtrapolationPanel_bad2;
    /** See messages.properties. */
    public static String ExtrapolationPanel_value;
    /** See messages.properties. */
    public static String ExtrapolationPanel_valueWithInterval;
    /** See messages.properties. */
    public static String FrontierPanel_title;
    /** See messages.properties. */
    public static String FrontierPanel_exponents;
    /** See messages.properties. */
    public static String FrontierPanel_none;
    /** See messages.properties. */
    public static String FrontierPanel_chartTitle;
    /** See messages.properties. */
    public static String FrontierPanel_axisC;
    /** See messages.properties. */
    public static String FrontierPanel_axisND;

    /** See messages.properties. */
    public static String FitResultsPage_methodNone;
    /** See messages.properties. */
    public static String FitResultsPage_methodInterval;
    /** See messages.properties. */
    public static String FitResultsPage_methodLog;
    /** See messages.properties. */
    public static String FitResultsPage_methodPlain;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
