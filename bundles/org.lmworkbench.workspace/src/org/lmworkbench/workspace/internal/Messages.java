package org.lmworkbench.workspace.internal;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the workspace bundle, from {@code messages.properties} beside this class. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.workspace.internal.messages";

    /** A malformed analysis contribution: where, then what is wrong. */
    public static String AnalysisRegistry_invalid;
    /** See messages.properties. */
    public static String ExperimentProjects_creating;
    /** See messages.properties. */
    public static String SpecBuilder_task;
    /** Problems view location of a spec problem: line, then JSON path. */
    public static String SpecMarkers_location;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
