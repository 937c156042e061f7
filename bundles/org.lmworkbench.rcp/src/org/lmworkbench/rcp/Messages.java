package org.lmworkbench.rcp;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the application bundle. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.lmworkbench.rcp.messages"; //$NON-NLS-1$

    /** Name of the job that creates the example project in a new workspace. */
    public static String ExampleProjectStartup_jobName;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
