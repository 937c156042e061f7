package org.lmworkbench.ui.views.runs;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of the Runs view (see messages.properties beside this class). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.views.runs.messages";

    /** See messages.properties. */
    public static String RunsView_metric;
    /** See messages.properties. */
    public static String RunsView_xAxis;
    /** See messages.properties. */
    public static String RunsView_xAxisTooltip;
    /** See messages.properties. */
    public static String RunsView_finalAgainst;
    /** See messages.properties. */
    public static String RunsView_finalValue;
    /** See messages.properties. */
    public static String RunsView_step;
    /** See messages.properties. */
    public static String RunsView_wallTime;
    /** See messages.properties. */
    public static String RunsView_groupBy;
    /** See messages.properties. */
    public static String RunsView_eachRun;
    /** See messages.properties. */
    public static String RunsView_seeds;
    /** See messages.properties. */
    public static String RunsView_smoothing;
    /** See messages.properties. */
    public static String RunsView_logX;
    /** See messages.properties. */
    public static String RunsView_logXTooltip;
    /** See messages.properties. */
    public static String RunsView_logY;
    /** See messages.properties. */
    public static String RunsView_logYTooltip;
    /** See messages.properties. */
    public static String RunsView_pin;
    /** See messages.properties. */
    public static String RunsView_pinTooltip;
    /** See messages.properties. */
    public static String RunsView_nothingSelected;
    /** See messages.properties. */
    public static String RunsView_status;
    /** See messages.properties. */
    public static String RunsView_pending;
    /** See messages.properties. */
    public static String RunsView_statusErrors;
    /** See messages.properties. */
    public static String RunsView_oneRun;
    /** See messages.properties. */
    public static String RunsView_someRuns;
    /** See messages.properties. */
    public static String RunsView_runsOfSpec;
    /** See messages.properties. */
    public static String RunsView_runsOfProject;
    /** See messages.properties. */
    public static String RunsPoller_name;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
