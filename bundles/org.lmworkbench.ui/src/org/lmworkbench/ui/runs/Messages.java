package org.lmworkbench.ui.runs;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of the run actions (see messages.properties beside this class). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.runs.messages";

    /** See messages.properties. */
    public static String RunMetaEdits_refresh;
    /** See messages.properties. */
    public static String RenameRunHandler_title;
    /** See messages.properties. */
    public static String RenameRunHandler_message;
    /** See messages.properties. */
    public static String EditTagsHandler_title;
    /** See messages.properties. */
    public static String EditTagsHandler_message;
    /** See messages.properties. */
    public static String EditTagsHandler_addMessage;
    /** See messages.properties. */
    public static String RerunHandler_job;
    /** See messages.properties. */
    public static String ResumeRunsHandler_job;
    /** See messages.properties. */
    public static String DeleteRunsHandler_title;
    /** See messages.properties. */
    public static String DeleteRunsHandler_toTrash;
    /** See messages.properties. */
    public static String DeleteRunsHandler_noTrash;
    /** See messages.properties. */
    public static String DeleteRunsHandler_more;
    /** See messages.properties. */
    public static String DeleteRunsHandler_job;
    /** See messages.properties. */
    public static String DeleteRunsHandler_failed;
    /** See messages.properties. */
    public static String DeleteRunsHandler_trashFailed;
    /** See messages.properties. */
    public static String ExportTensorBoard_title;
    /** See messages.properties. */
    public static String ExportTensorBoard_message;
    /** See messages.properties. */
    public static String ExportTensorBoard_folder;
    /** See messages.properties. */
    public static String ExportTensorBoard_browse;
    /** See messages.properties. */
    public static String ExportTensorBoard_noFolder;
    /** See messages.properties. */
    public static String ExportTensorBoard_notAbsolute;
    /** See messages.properties. */
    public static String ExportTensorBoard_noRuns;
    /** See messages.properties. */
    public static String ExportTensorBoard_job;
    /** See messages.properties. */
    public static String ExportTensorBoard_failed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
