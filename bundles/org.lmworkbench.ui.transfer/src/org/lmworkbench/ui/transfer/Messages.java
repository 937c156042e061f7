package org.lmworkbench.ui.transfer;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of the hyperparameter transfer editor (messages.properties beside it). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.transfer.messages";

    /** See messages.properties. */
    public static String TransferEditor_lrPage;
    /** See messages.properties. */
    public static String TransferEditor_checkPage;
    /** See messages.properties. */
    public static String TransferEditor_badInput;
    /** See messages.properties. */
    public static String TransferEditor_refresh;
    /** See messages.properties. */
    public static String TransferEditor_refreshTooltip;
    /** See messages.properties. */
    public static String TransferEditor_loadJob;
    /** See messages.properties. */
    public static String TransferEditor_loadFailed;
    /** See messages.properties. */
    public static String TransferEditor_loading;
    /** See messages.properties. */
    public static String TransferEditor_runsFolderName;
    /** See messages.properties. */
    public static String LrSweepPage_title;
    /** See messages.properties. */
    public static String LrSweepPage_settings;
    /** See messages.properties. */
    public static String LrSweepPage_settingsDescription;
    /** See messages.properties. */
    public static String LrSweepPage_widthKey;
    /** See messages.properties. */
    public static String LrSweepPage_lrKey;
    /** See messages.properties. */
    public static String LrSweepPage_metric;
    /** See messages.properties. */
    public static String LrSweepPage_aggregation;
    /** See messages.properties. */
    public static String LrSweepPage_lastK;
    /** See messages.properties. */
    public static String LrSweepPage_chart;
    /** See messages.properties. */
    public static String LrSweepPage_xAxis;
    /** See messages.properties. */
    public static String LrSweepPage_widthLabel;
    /** See messages.properties. */
    public static String LrSweepPage_optimumLabel;
    /** See messages.properties. */
    public static String LrSweepPage_optima;
    /** See messages.properties. */
    public static String LrSweepPage_optimaDescription;
    /** See messages.properties. */
    public static String LrSweepPage_colWidth;
    /** See messages.properties. */
    public static String LrSweepPage_colGridLr;
    /** See messages.properties. */
    public static String LrSweepPage_colGridLog2;
    /** See messages.properties. */
    public static String LrSweepPage_colGridLoss;
    /** See messages.properties. */
    public static String LrSweepPage_colRefinedLog2;
    /** See messages.properties. */
    public static String LrSweepPage_colRefinedLr;
    /** See messages.properties. */
    public static String LrSweepPage_colNote;
    /** See messages.properties. */
    public static String LrSweepPage_summary;
    /** See messages.properties. */
    public static String LrSweepPage_grid;
    /** See messages.properties. */
    public static String LrSweepPage_gridWidth;
    /** See messages.properties. */
    public static String LrSweepPage_diverged;
    /** See messages.properties. */
    public static String LrSweepPage_notes;
    /** See messages.properties. */
    public static String LrSweepPage_noRuns;
    /** See messages.properties. */
    public static String CoordinateCheckPage_title;
    /** See messages.properties. */
    public static String CoordinateCheckPage_controls;
    /** See messages.properties. */
    public static String CoordinateCheckPage_controlsDescription;
    /** See messages.properties. */
    public static String CoordinateCheckPage_lr;
    /** See messages.properties. */
    public static String CoordinateCheckPage_step;
    /** See messages.properties. */
    public static String CoordinateCheckPage_rmsChart;
    /** See messages.properties. */
    public static String CoordinateCheckPage_deltaChart;
    /** See messages.properties. */
    public static String CoordinateCheckPage_xAxis;
    /** See messages.properties. */
    public static String CoordinateCheckPage_rmsAxis;
    /** See messages.properties. */
    public static String CoordinateCheckPage_deltaAxis;
    /** See messages.properties. */
    public static String CoordinateCheckPage_slopes;
    /** See messages.properties. */
    public static String CoordinateCheckPage_colLayer;
    /** See messages.properties. */
    public static String CoordinateCheckPage_colRmsSlope;
    /** See messages.properties. */
    public static String CoordinateCheckPage_colDeltaSlope;
    /** See messages.properties. */
    public static String CoordinateCheckPage_noCaptures;
    /** See messages.properties. */
    public static String CoordinateCheckPage_notes;
    /** See messages.properties. */
    public static String OpenTransferEditorHandler_failed;

    /** See messages.properties. */
    public static String TransferEditor_qualityPage;
    /** See messages.properties. */
    public static String TransferQualityPage_title;
    /** See messages.properties. */
    public static String TransferQualityPage_controls;
    /** See messages.properties. */
    public static String TransferQualityPage_controlsDescription;
    /** See messages.properties. */
    public static String TransferQualityPage_mode;
    /** See messages.properties. */
    public static String TransferQualityPage_modeQuadratic;
    /** See messages.properties. */
    public static String TransferQualityPage_modeGrid;
    /** See messages.properties. */
    public static String TransferQualityPage_chart;
    /** See messages.properties. */
    public static String TransferQualityPage_yAxis;
    /** See messages.properties. */
    public static String TransferQualityPage_table;
    /** See messages.properties. */
    public static String TransferQualityPage_colWidth;
    /** See messages.properties. */
    public static String TransferQualityPage_colOwn;
    /** See messages.properties. */
    public static String TransferQualityPage_colTransferred;
    /** See messages.properties. */
    public static String TransferQualityPage_colSuboptimality;
    /** See messages.properties. */
    public static String TransferQualityPage_colGap;
    /** See messages.properties. */
    public static String TransferQualityPage_colNote;
    /** See messages.properties. */
    public static String TransferQualityPage_noRuns;
    /** See messages.properties. */
    public static String TransferQualityPage_suboptimality;
    /** See messages.properties. */
    public static String TransferQualityPage_gap;
    /** See messages.properties. */
    public static String TransferQualityPage_fit;
    /** See messages.properties. */
    public static String TransferQualityPage_summary;
    /** See messages.properties. */
    public static String TransferQualityPage_noFit;
    /** See messages.properties. */
    public static String TransferQualityPage_undecided;
    /** See messages.properties. */
    public static String TransferQualityPage_fast;
    /** See messages.properties. */
    public static String TransferQualityPage_slow;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
