package org.lmworkbench.ui.similarity;

import org.eclipse.osgi.util.NLS;

/**
 * The user-visible strings of the representation-similarity editor, from {@code messages.properties}
 * beside this class. Field names are {@code Class_key}.
 */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.similarity.messages";

    /** See messages.properties. */
    public static String CkaComputeJob_name;
    /** See messages.properties. */
    public static String CkaComputeJob_backend;
    /** See messages.properties. */
    public static String CkaComputeJob_reading;
    /** See messages.properties. */
    public static String CkaComputeJob_notAnObject;
    /** See messages.properties. */
    public static String CkaComputeJob_unreadable;
    /** See messages.properties. */
    public static String CkaResultPage_title;
    /** See messages.properties. */
    public static String CkaResultPage_heading;
    /** See messages.properties. */
    public static String CkaResultPage_layer;
    /** See messages.properties. */
    public static String CkaResultPage_layerTitle;
    /** See messages.properties. */
    public static String CkaResultPage_modelTitle;
    /** See messages.properties. */
    public static String CkaResultPage_none;
    /** See messages.properties. */
    public static String CkaResultPage_summary;
    /** See messages.properties. */
    public static String CkaResultPage_unreadable;
    /** See messages.properties. */
    public static String CkaSettingsPage_title;
    /** See messages.properties. */
    public static String CkaSettingsPage_heading;
    /** See messages.properties. */
    public static String CkaSettingsPage_runs;
    /** See messages.properties. */
    public static String CkaSettingsPage_add;
    /** See messages.properties. */
    public static String CkaSettingsPage_remove;
    /** See messages.properties. */
    public static String CkaSettingsPage_addTitle;
    /** See messages.properties. */
    public static String CkaSettingsPage_addMessage;
    /** See messages.properties. */
    public static String CkaSettingsPage_comparison;
    /** See messages.properties. */
    public static String CkaSettingsPage_mode;
    /** See messages.properties. */
    public static String CkaSettingsPage_modeLayers;
    /** See messages.properties. */
    public static String CkaSettingsPage_modeModels;
    /** See messages.properties. */
    public static String CkaSettingsPage_step;
    /** See messages.properties. */
    public static String CkaSettingsPage_lastStep;
    /** See messages.properties. */
    public static String CkaSettingsPage_metric;
    /** See messages.properties. */
    public static String CkaSettingsPage_noSetting;
    /** See messages.properties. */
    public static String CkaSettingsPage_precision;
    /** See messages.properties. */
    public static String CkaSettingsPage_threads;
    /** See messages.properties. */
    public static String CkaSettingsPage_layers;
    /** See messages.properties. */
    public static String CkaSettingsPage_layersA;
    /** See messages.properties. */
    public static String CkaSettingsPage_layersB;
    /** See messages.properties. */
    public static String CkaSettingsPage_layersShared;
    /** See messages.properties. */
    public static String CkaSettingsPage_noLayers;
    /** See messages.properties. */
    public static String CkaSettingsPage_compute;
    /** See messages.properties. */
    public static String CkaSettingsPage_computing;
    /** See messages.properties. */
    public static String CkaSettingsPage_computed;
    /** See messages.properties. */
    public static String CkaSettingsPage_failed;
    /** See messages.properties. */
    public static String CompareRepresentations_needTwo;
    /** See messages.properties. */
    public static String CompareRepresentations_oneProject;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
