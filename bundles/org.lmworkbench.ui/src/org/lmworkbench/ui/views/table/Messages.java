package org.lmworkbench.ui.views.table;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of the Runs Table view (see messages.properties beside this class). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.views.table.messages";

    /** See messages.properties. */
    public static String RunsTable_filter;
    /** See messages.properties. */
    public static String RunsTable_filterHint;
    /** See messages.properties. */
    public static String RunsTable_filterTooltip;
    /** See messages.properties. */
    public static String RunsTable_filterProblem;
    /** See messages.properties. */
    public static String RunsTable_group;
    /** See messages.properties. */
    public static String RunsTable_noGroups;
    /** See messages.properties. */
    public static String RunsTable_seeds;
    /** See messages.properties. */
    public static String RunsTable_parallelTab;
    /** See messages.properties. */
    public static String RunsTable_parallelMetric;
    /** See messages.properties. */
    public static String RunsTable_parallelHint;
    /** See messages.properties. */
    public static String RunsTable_addColumn;
    /** See messages.properties. */
    public static String RunsTable_addColumnTooltip;
    /** See messages.properties. */
    public static String RunsTable_removeColumn;
    /** See messages.properties. */
    public static String RunsTable_pin;
    /** See messages.properties. */
    public static String RunsTable_pinTooltip;
    /** See messages.properties. */
    public static String RunsTable_nothingSelected;
    /** See messages.properties. */
    public static String RunsTable_status;
    /** See messages.properties. */
    public static String RunsTable_statusErrors;
    /** See messages.properties. */
    public static String RunsTable_counts;
    /** See messages.properties. */
    public static String RunsTable_countsErrors;
    /** See messages.properties. */
    public static String RunsTable_parallelTooltip;
    /** See messages.properties. */
    public static String RunsTable_editFailed;
    /** See messages.properties. */
    public static String RunsTable_id;
    /** See messages.properties. */
    public static String RunsTable_name;
    /** See messages.properties. */
    public static String RunsTable_state;
    /** See messages.properties. */
    public static String RunsTable_tags;
    /** See messages.properties. */
    public static String RunsTable_notes;
    /** See messages.properties. */
    public static String RunsTable_steps;
    /** See messages.properties. */
    public static String RunsTable_duration;
    /** See messages.properties. */
    public static String RunsTable_device;
    /** See messages.properties. */
    public static String RunsTable_imported;
    /** See messages.properties. */
    public static String RunsTable_metricTitle;
    /** See messages.properties. */
    public static String RunsTable_specTooltip;
    /** See messages.properties. */
    public static String RunsTable_metricTooltip;
    /** See messages.properties. */
    public static String RunsTableJob_name;
    /** See messages.properties. */
    public static String MetricColumnDialog_title;
    /** See messages.properties. */
    public static String MetricColumnDialog_metric;
    /** See messages.properties. */
    public static String MetricColumnDialog_value;
    /** See messages.properties. */
    public static String MetricColumnDialog_valueTooltip;
    /** See messages.properties. */
    public static String ParallelCoordinates_empty;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
