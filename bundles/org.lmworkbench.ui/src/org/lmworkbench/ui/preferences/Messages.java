package org.lmworkbench.ui.preferences;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the preference pages, from {@code messages.properties} beside this class. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.preferences.messages";

    /** See messages.properties. */
    public static String LmwPreferencePage_description;
    /** See messages.properties. */
    public static String LmwPreferencePage_device;
    /** See messages.properties. */
    public static String LmwPreferencePage_deviceAuto;
    /** See messages.properties. */
    public static String LmwPreferencePage_deviceCpu;
    /** See messages.properties. */
    public static String LmwPreferencePage_deviceGpu;
    /** See messages.properties. */
    public static String LmwPreferencePage_threads;
    /** See messages.properties. */
    public static String LmwPreferencePage_memory;
    /** See messages.properties. */
    public static String LmwPreferencePage_java;
    /** See messages.properties. */
    public static String LmwPreferencePage_cache;
    /** See messages.properties. */
    public static String LmwPreferencePage_colours;
    /** See messages.properties. */
    public static String SlurmPreferencePage_description;
    /** See messages.properties. */
    public static String SlurmPreferencePage_name;
    /** See messages.properties. */
    public static String SlurmPreferencePage_prefix;
    /** See messages.properties. */
    public static String SlurmPreferencePage_commands;
    /** See messages.properties. */
    public static String SlurmPreferencePage_here;
    /** See messages.properties. */
    public static String SlurmPreferencePage_add;
    /** See messages.properties. */
    public static String SlurmPreferencePage_edit;
    /** See messages.properties. */
    public static String SlurmPreferencePage_remove;
    /** See messages.properties. */
    public static String SlurmPreferencePage_note;
    /** See messages.properties. */
    public static String SlurmPreferencePage_storeFailed;
    /** See messages.properties. */
    public static String SlurmProfileDialog_newTitle;
    /** See messages.properties. */
    public static String SlurmProfileDialog_editTitle;
    /** See messages.properties. */
    public static String SlurmProfileDialog_message;
    /** See messages.properties. */
    public static String SlurmProfileDialog_name;
    /** See messages.properties. */
    public static String SlurmProfileDialog_prefix;
    /** See messages.properties. */
    public static String SlurmProfileDialog_prefixHint;
    /** See messages.properties. */
    public static String SlurmProfileDialog_noName;
    /** See messages.properties. */
    public static String SlurmProfileDialog_blankName;
    /** See messages.properties. */
    public static String SlurmProfileDialog_taken;
    /** See messages.properties. */
    public static String ColourListFieldEditor_add;
    /** See messages.properties. */
    public static String ColourListFieldEditor_remove;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
