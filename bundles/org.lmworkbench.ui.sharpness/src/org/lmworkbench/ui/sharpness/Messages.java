package org.lmworkbench.ui.sharpness;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the sharpness editor (messages.properties beside this class). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.sharpness.messages"; //$NON-NLS-1$

    public static String SharpnessEditor_title;
    public static String SharpnessEditor_notLocal;
    public static String SharpnessPage_title;
    public static String SharpnessPage_formTitle;
    public static String SharpnessPage_chartTitle;
    public static String SharpnessPage_axisStep;
    public static String SharpnessPage_axisSharpness;
    public static String SharpnessPage_axisLoss;
    public static String SharpnessPage_lambda;
    public static String SharpnessPage_threshold;
    public static String SharpnessPage_loss;
    public static String SharpnessPage_endMarker;
    public static String SharpnessPage_noSamples;
    public static String SharpnessPage_readError;
    public static String StabilityPage_title;
    public static String StabilityPage_formTitle;
    public static String StabilityPage_chartTitle;
    public static String StabilityPage_axisCurvature;
    public static String StabilityPage_axisDimension;
    public static String StabilityPage_numbers;
    public static String StabilityPage_numbersDescription;
    public static String StabilityPage_threshold;
    public static String StabilityPage_trace;
    public static String StabilityPage_lambda;
    public static String StabilityPage_dimension;
    public static String StabilityPage_empty;
    public static String StabilityPage_noBand;
    public static String StabilityPage_notSharpened;
    public static String StabilityPage_bandValue;
    public static String StabilityPage_etaStar;
    public static String StabilityPage_noDimension;
    public static String StabilityPage_dimensionValue;
    public static String SharpnessNumbers_title;
    public static String SharpnessNumbers_description;
    public static String SharpnessNumbers_end;
    public static String SharpnessNumbers_breakpoint;
    public static String SharpnessNumbers_plateau;
    public static String SharpnessNumbers_ratio;
    public static String SharpnessNumbers_samples;
    public static String SharpnessNumbers_max;
    public static String SharpnessNumbers_rate;
    public static String SharpnessNumbers_endValue;
    public static String SharpnessNumbers_notReached;
    public static String SharpnessNumbers_breakpointValue;
    public static String SharpnessNumbers_samplesValue;
    public static String SharpnessNumbers_maxValue;
    public static String SharpnessNumbers_rateValue;
    public static String SharpnessNumbers_none;
    public static String SpectrumPage_title;
    public static String SpectrumPage_formTitle;
    public static String SpectrumPage_settings;
    public static String SpectrumPage_settingsDescription;
    public static String SpectrumPage_checkpoint;
    public static String SpectrumPage_topK;
    public static String SpectrumPage_trace;
    public static String SpectrumPage_density;
    public static String SpectrumPage_compute;
    public static String SpectrumPage_noCheckpoints;
    public static String SpectrumPage_existing;
    public static String SpectrumPage_notComputed;
    public static String SpectrumPage_computing;
    public static String SpectrumPage_computed;
    public static String SpectrumPage_failed;
    public static String SpectrumPage_chartTitle;
    public static String SpectrumPage_axisEigenvalue;
    public static String SpectrumPage_axisDensity;
    public static String SpectrumPage_density_series;
    public static String SpectrumPage_eigenvalue;
    public static String SpectrumPage_threshold;
    public static String SpectrumPage_results;
    public static String SpectrumPage_traceLabel;
    public static String SpectrumPage_traceValue;
    public static String SpectrumPage_lossLabel;
    public static String SpectrumPage_parametersLabel;
    public static String SpectrumPage_hvpsLabel;
    public static String SpectrumPage_columnIndex;
    public static String SpectrumPage_columnEigenvalue;
    public static String SpectrumPage_columnResidual;
    public static String SpectrumPage_columnRelative;
    public static String HessianComputeJob_name;
    public static String HessianComputeJob_reading;
    public static String OpenSharpnessHandler_failed;

    /** See messages.properties. */
    public static String SpectrumPage_columnResidualTooltip;
    /** See messages.properties. */
    public static String SpectrumPage_columnRelativeTooltip;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
