package org.lmworkbench.workspace.preferences;

import org.eclipse.osgi.util.NLS;

/** What {@link PreferenceInputs} and {@link SlurmProfiles} say about a wrong value, from {@code messages.properties} beside this class. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.workspace.preferences.messages";

    /** See messages.properties. */
    public static String PreferenceInputs_threads;
    /** See messages.properties. */
    public static String PreferenceInputs_memory;
    /** See messages.properties. */
    public static String PreferenceInputs_javaNotAbsolute;
    /** See messages.properties. */
    public static String PreferenceInputs_javaMissing;
    /** See messages.properties. */
    public static String PreferenceInputs_javaNotExecutable;
    /** See messages.properties. */
    public static String PreferenceInputs_cacheNotAbsolute;
    /** See messages.properties. */
    public static String PreferenceInputs_cacheNotFolder;
    /** See messages.properties. */
    public static String SlurmProfiles_source;
    /** See messages.properties. */
    public static String SlurmProfiles_none;
    /** See messages.properties. */
    public static String SlurmProfiles_missing;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
