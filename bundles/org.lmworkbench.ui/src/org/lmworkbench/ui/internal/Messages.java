package org.lmworkbench.ui.internal;

import org.eclipse.osgi.util.NLS;

/**
 * The user-visible strings of the workbench UI, loaded from {@code messages.properties} beside this
 * class so that translations are a fragment with {@code messages_xx.properties} and no code change.
 * Field names are {@code Class_key}, after the class that shows the string.
 */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.internal.messages";

    /** See messages.properties. */
    public static String NewExperimentProjectWizard_title;
    /** See messages.properties. */
    public static String NewExperimentProjectWizard_pageTitle;
    /** See messages.properties. */
    public static String NewExperimentProjectWizard_pageDescription;
    /** See messages.properties. */
    public static String NewExperimentProjectWizard_defaultName;
    /** See messages.properties. */
    public static String NewExperimentProjectWizard_errorTitle;

    /** See messages.properties. */
    public static String RunLabels_stateStepsLoss;
    /** See messages.properties. */
    public static String RunLabels_stateSteps;
    /** See messages.properties. */
    public static String RunLabels_stateScheduler;
    /** See messages.properties. */
    public static String RunLabels_stepOfTotal;
    /** See messages.properties. */
    public static String RunLabels_step;
    /** See messages.properties. */
    public static String RunLabels_noStatus;
    /** See messages.properties. */
    public static String RunLabels_unreadable;
    /** See messages.properties. */
    public static String RunLabels_unreadableDetail;

    /** See messages.properties. */
    public static String RunProperties_categoryStatus;
    /** See messages.properties. */
    public static String RunProperties_categoryExecution;
    /** See messages.properties. */
    public static String RunProperties_categoryVersions;
    /** See messages.properties. */
    public static String RunProperties_categorySpec;
    /** See messages.properties. */
    public static String RunProperties_state;
    /** See messages.properties. */
    public static String RunProperties_steps;
    /** See messages.properties. */
    public static String RunProperties_loss;
    /** See messages.properties. */
    public static String RunProperties_started;
    /** See messages.properties. */
    public static String RunProperties_ended;
    /** See messages.properties. */
    public static String RunProperties_message;
    /** See messages.properties. */
    public static String RunProperties_device;
    /** See messages.properties. */
    public static String RunProperties_threads;
    /** See messages.properties. */
    public static String RunProperties_pid;
    /** See messages.properties. */
    public static String RunProperties_job;
    /** See messages.properties. */
    public static String RunProperties_scheduler;
    /** See messages.properties. */
    public static String RunProperties_schedulerValue;
    /** See messages.properties. */
    public static String RunProperties_backend;
    /** See messages.properties. */
    public static String RunProperties_djl;
    /** See messages.properties. */
    public static String RunProperties_libtorch;

    /** See messages.properties. */
    public static String RunProperties_categoryRun;
    /** See messages.properties. */
    public static String RunProperties_name;
    /** See messages.properties. */
    public static String RunProperties_nameDescription;
    /** See messages.properties. */
    public static String RunProperties_tags;
    /** See messages.properties. */
    public static String RunProperties_tagsDescription;
    /** See messages.properties. */
    public static String RunProperties_notes;
    /** See messages.properties. */
    public static String RunProperties_notesTitle;
    /** See messages.properties. */
    public static String RunProperties_editFailed;
    /** See messages.properties. */
    public static String RunProperties_categoryImport;
    /** See messages.properties. */
    public static String RunProperties_importFormat;
    /** See messages.properties. */
    public static String RunProperties_importSource;
    /** See messages.properties. */
    public static String RunProperties_importTime;
    /** See messages.properties. */
    public static String RunProperties_importFiles;
    /** See messages.properties. */
    public static String RunProperties_importPoints;
    /** See messages.properties. */
    public static String RunProperties_importSkipped;

    /** See messages.properties. */
    public static String ImportRunsWizard_title;
    /** See messages.properties. */
    public static String ImportRunsWizard_pageTitle;
    /** See messages.properties. */
    public static String ImportRunsWizard_pageDescription;
    /** See messages.properties. */
    public static String ImportRunsWizard_source;
    /** See messages.properties. */
    public static String ImportRunsWizard_folder;
    /** See messages.properties. */
    public static String ImportRunsWizard_folderMessage;
    /** See messages.properties. */
    public static String ImportRunsWizard_file;
    /** See messages.properties. */
    public static String ImportRunsWizard_project;
    /** See messages.properties. */
    public static String ImportRunsWizard_note;
    /** See messages.properties. */
    public static String ImportRunsWizard_noProject;
    /** See messages.properties. */
    public static String ImportRunsWizard_noSource;
    /** See messages.properties. */
    public static String ImportRunsWizard_sourceMissing;
    /** See messages.properties. */
    public static String ImportRunsWizard_task;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
