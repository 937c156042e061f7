package org.lmworkbench.ui.theory;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of the theory editor (messages.properties beside it). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.theory.messages";

    /** See messages.properties. */
    public static String TheoryEditor_notLocal;
    /** See messages.properties. */
    public static String TheoryEditor_title;
    /** See messages.properties. */
    public static String TheoryEditor_loadJob;
    /** See messages.properties. */
    public static String TheoryEditor_loadFailed;
    /** See messages.properties. */
    public static String TheoryEditor_step;
    /** See messages.properties. */
    public static String TheoryData_noPrediction;
    /** See messages.properties. */
    public static String FeaturesPage_tab;
    /** See messages.properties. */
    public static String FeaturesPage_title;
    /** See messages.properties. */
    public static String FeaturesPage_chart;
    /** See messages.properties. */
    public static String FeaturesPage_yAxis;
    /** See messages.properties. */
    public static String FeaturesPage_table;
    /** See messages.properties. */
    public static String FeaturesPage_tableDescription;
    /** See messages.properties. */
    public static String FeaturesPage_colLayer;
    /** See messages.properties. */
    public static String FeaturesPage_colFact;
    /** See messages.properties. */
    public static String FeaturesPage_colResidual;
    /** See messages.properties. */
    public static String FeaturesPage_colNfa;
    /** See messages.properties. */
    public static String FeaturesPage_empty;
    /** See messages.properties. */
    public static String FeaturesPage_factSeries;
    /** See messages.properties. */
    public static String FeaturesPage_nfaSeries;
    /** See messages.properties. */
    public static String ModesPage_tab;
    /** See messages.properties. */
    public static String ModesPage_title;
    /** See messages.properties. */
    public static String ModesPage_chart;
    /** See messages.properties. */
    public static String ModesPage_yAxis;
    /** See messages.properties. */
    public static String ModesPage_table;
    /** See messages.properties. */
    public static String ModesPage_tableDescription;
    /** See messages.properties. */
    public static String ModesPage_colMode;
    /** See messages.properties. */
    public static String ModesPage_colStrength;
    /** See messages.properties. */
    public static String ModesPage_colStart;
    /** See messages.properties. */
    public static String ModesPage_colPredicted;
    /** See messages.properties. */
    public static String ModesPage_colMeasured;
    /** See messages.properties. */
    public static String ModesPage_colDifference;
    /** See messages.properties. */
    public static String ModesPage_colNote;
    /** See messages.properties. */
    public static String ModesPage_empty;
    /** See messages.properties. */
    public static String ModesPage_measuredSeries;
    /** See messages.properties. */
    public static String ModesPage_predictedSeries;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
