package org.lmworkbench.ui.spec;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the spec editor and its fields, from {@code messages.properties} beside this class. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.spec.messages";

    /** See messages.properties. */
    public static String ChoiceSpecField_defaultItem;
    /** See messages.properties. */
    public static String SchemaFieldFactory_optimizerName;
    /** See messages.properties. */
    public static String SchemaFieldFactory_learningRate;
    /** See messages.properties. */
    public static String SchemaFieldFactory_trainExamples;
    /** See messages.properties. */
    public static String SchemaFieldFactory_testExamples;
    /** See messages.properties. */
    public static String SchemaFieldFactory_jvmMemory;
    /** See messages.properties. */
    public static String SpecField_swept;
    /** See messages.properties. */
    public static String SpecField_tooltip;
    /** See messages.properties. */
    public static String SpecFormEditor_source;
    /** See messages.properties. */
    public static String SpecFormPage_heading;
    /** See messages.properties. */
    public static String SpecFormPage_sourceUnreadable;
    /** See messages.properties. */
    public static String SpecFormPage_sweepDescription;
    /** See messages.properties. */
    public static String SpecFormPage_sweepTitle;
    /** See messages.properties. */
    public static String SpecFormPage_title;
    /** See messages.properties. */
    public static String SpecRunAction_label;
    /** See messages.properties. */
    public static String SpecRunAction_noType;
    /** See messages.properties. */
    public static String SpecRunAction_notInWorkspace;
    /** See messages.properties. */
    public static String SpecRunAction_tooltip;
    /** See messages.properties. */
    public static String SpecSections_general;
    /** See messages.properties. */
    public static String SpecSections_generalDescription;
    /** See messages.properties. */
    public static String SpecSections_model;
    /** See messages.properties. */
    public static String SpecSections_modelDescription;
    /** See messages.properties. */
    public static String SpecSections_data;
    /** See messages.properties. */
    public static String SpecSections_dataDescription;
    /** See messages.properties. */
    public static String SpecSections_optimization;
    /** See messages.properties. */
    public static String SpecSections_optimizationDescription;
    /** See messages.properties. */
    public static String SpecSections_probes;
    /** See messages.properties. */
    public static String SpecSections_probesDescription;
    /** See messages.properties. */
    public static String SpecSections_execution;
    /** See messages.properties. */
    public static String SpecSections_executionDescription;
    /** See messages.properties. */
    public static String SpecValueText_boolean;
    /** See messages.properties. */
    public static String SpecValueText_dataSeedDefault;
    /** See messages.properties. */
    public static String SpecValueText_default;
    /** See messages.properties. */
    public static String SpecValueText_emptyList;
    /** See messages.properties. */
    public static String SpecValueText_emptyString;
    /** See messages.properties. */
    public static String SpecValueText_intOrFull;
    /** See messages.properties. */
    public static String SpecValueText_integer;
    /** See messages.properties. */
    public static String SpecValueText_list;
    /** See messages.properties. */
    public static String SpecValueText_momentumDefault;
    /** See messages.properties. */
    public static String SpecValueText_noDefault;
    /** See messages.properties. */
    public static String SpecValueText_number;
    /** See messages.properties. */
    public static String SpecValueText_oneOf;
    /** See messages.properties. */
    public static String SpecValueText_required;
    /** See messages.properties. */
    public static String SpecValueText_text;
    /** See messages.properties. */
    public static String SweepSummary_invalid;
    /** See messages.properties. */
    public static String SweepSummary_key;
    /** See messages.properties. */
    public static String SweepSummary_runs;
    /** See messages.properties. */
    public static String SweepSummary_single;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
