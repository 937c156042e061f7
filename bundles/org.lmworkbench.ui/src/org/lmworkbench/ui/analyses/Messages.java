package org.lmworkbench.ui.analyses;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the Analyses menu, from {@code messages.properties} beside this class. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.analyses.messages";

    /** See messages.properties. */
    public static String AnalysesMenu_none;
    /** See messages.properties. */
    public static String AnalysisJob_name;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
