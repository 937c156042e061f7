package org.lmworkbench.launching;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the launching bundle, from {@code messages.properties} beside this class. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.launching.messages";

    /** See messages.properties. */
    public static String AnalysisRunner_task;
    /** See messages.properties. */
    public static String AnalysisRunner_notApplicable;
    /** See messages.properties. */
    public static String BackendCommandLines_notInstalled;
    /** See messages.properties. */
    public static String BackendCommandLines_classPathFailed;
    /** See messages.properties. */
    public static String BackendCommands_failed;
    /** See messages.properties. */
    public static String BackendCommands_noProcess;
    /** See messages.properties. */
    public static String RunPlanner_invalidSpec;
    /** See messages.properties. */
    public static String RunPlanner_moreProblems;
    /** See messages.properties. */
    /** See messages.properties. */
    public static String RunProgress_steps;
    /** See messages.properties. */
    public static String RunProgress_loss;
    /** See messages.properties. */
    public static String RunProgress_eta;
    /** See messages.properties. */
    public static String RunProgress_separator;
    /** See messages.properties. */
    public static String RunProgressJob_name;
    /** See messages.properties. */
    public static String RunProgressJob_stopping;
    /** See messages.properties. */
    public static String RunProgressJob_ended;
    /** See messages.properties. */
    public static String RunFolderRefresher_name;
    /** See messages.properties. */
    public static String TrainingProcess_stillTraining;
    /** See messages.properties. */
    public static String SlurmMonitorJob_name;
    /** See messages.properties. */
    public static String SlurmMonitorJob_noAnswer;
    /** See messages.properties. */
    public static String SlurmMonitorJob_pending;
    /** See messages.properties. */
    public static String SlurmSubmission_statusUnreadable;
    public static String SlurmSubmission_process;
    /** See messages.properties. */
    public static String SlurmSubmission_failed;
    /** See messages.properties. */
    public static String SlurmSubmission_describe;
    /** See messages.properties. */
    public static String SlurmSubmission_cancelFailed;
    /** See messages.properties. */
    public static String SlurmSubmission_profileFile;
    /** See messages.properties. */
    public static String SlurmTaskProcess_label;
    /** See messages.properties. */
    public static String SlurmTaskProcess_notEnded;
    /** See messages.properties. */
    public static String SlurmTaskProcess_disconnected;
    /** See messages.properties. */
    public static String TrainingRunDelegate_task;
    /** See messages.properties. */
    public static String TrainingRunDelegate_cannotCreate;
    /** See messages.properties. */
    public static String TrainingRunDelegate_foreignLaunch;
    /** See messages.properties. */
    public static String TrainingRunDelegate_noSpec;
    /** See messages.properties. */
    public static String TrainingRunDelegate_specMissing;
    /** See messages.properties. */
    public static String WorkerProcess_label;

    /** See messages.properties. */
    public static String RunFoldersDelegate_noSpec;
    /** See messages.properties. */
    public static String RunFoldersDelegate_missing;
    /** See messages.properties. */
    public static String RunFoldersDelegate_none;
    /** See messages.properties. */
    public static String RunLaunches_noSpec;
    /** See messages.properties. */
    public static String RunLaunches_notStopped;
    /** See messages.properties. */
    public static String RunLaunches_noCheckpoint;
    /** See messages.properties. */
    public static String RunLaunches_cannotCreate;
    /** See messages.properties. */
    public static String RunLaunches_resumeOne;
    /** See messages.properties. */
    public static String RunLaunches_resumeSome;
    /** See messages.properties. */
    public static String RunLaunches_rerun;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
