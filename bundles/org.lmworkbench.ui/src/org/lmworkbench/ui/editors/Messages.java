package org.lmworkbench.ui.editors;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the editor base, from {@code messages.properties} beside this class. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.editors.messages";

    /** See messages.properties. */
    public static String AnalysisDocumentEditor_notAFile;
    /** See messages.properties. */
    public static String AnalysisDocumentEditor_saveFailed;
    /** See messages.properties. */
    public static String AnalysisDocumentEditor_changedOnDisk;
    /** See messages.properties. */
    public static String DocumentProblemsPage_title;
    /** See messages.properties. */
    public static String DocumentProblemsPage_heading;
    /** See messages.properties. */
    public static String DocumentProblemsPage_message;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
