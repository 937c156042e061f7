package org.lmworkbench.ui.launch.tabs;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the Training Run launch tabs, from {@code messages.properties} beside this class. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.launch.tabs.messages";

    /** See messages.properties. */
    public static String ExecutionTab_runOn;
    /** See messages.properties. */
    public static String ExecutionTab_thisMachine;
    /** See messages.properties. */
    public static String ExecutionTab_profile;
    /** See messages.properties. */
    public static String ExecutionTab_noProfiles;
    /** See messages.properties. */
    public static String ExecutionTab_missingProfile;
    /** See messages.properties. */
    public static String ModelTab_name;
    /** See messages.properties. */
    public static String ModelTab_spec;
    /** See messages.properties. */
    public static String ModelTab_specHint;
    /** See messages.properties. */
    public static String ModelTab_browse;
    /** See messages.properties. */
    public static String ModelTab_browseTitle;
    /** See messages.properties. */
    public static String SpecLaunchModel_noSpec;
    /** See messages.properties. */
    public static String SpecLaunchModel_missing;
    /** See messages.properties. */
    public static String SpecLaunchModel_notSpec;
    /** See messages.properties. */
    public static String SpecLaunchModel_unreadable;
    /** See messages.properties. */
    public static String SpecLaunchModel_notEditable;
    /** See messages.properties. */
    public static String SpecTab_problem;
    /** See messages.properties. */
    public static String SpecTab_writeFailed;
    /** See messages.properties. */
    public static String SpecTab_writtenToEditor;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
