package org.lmworkbench.workspace.preferences;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

/**
 * How backend JVMs are started (instance scope, node {@value #NODE}) and their defaults. Launches
 * and editors read them through these getters so a default lives in exactly one place
 * ({@link PreferenceDefaults}). Headless: the chart colours, which are about drawing, belong to the
 * UI bundle's own node.
 */
public final class BackendPreferences {

    /** Preference node: this bundle's id, so the preference initializer of this bundle serves it. */
    public static final String NODE = "org.lmworkbench.workspace";

    /** Device a run uses when its spec says {@code auto}: auto, cpu or gpu. */
    public static final String DEVICE = "device";
    /** Intra-op threads of a backend JVM when the launch does not override them (0: the spec's). */
    public static final String THREADS = "threads";
    /** The {@code java} executable for backend JVMs; empty: the workbench's own Java. */
    public static final String JAVA = "java";
    /** DJL's cache folder (DJL_CACHE_DIR / ENGINE_CACHE_DIR); empty: DJL's default ~/.djl.ai. */
    public static final String DJL_CACHE = "djlCache";
    /** Maximum heap of a backend JVM when neither the launch nor the spec sets it, e.g. {@code 2g}. */
    public static final String JVM_MEMORY = "jvmMemory";

    private BackendPreferences() {
    }

    private static String get(String key) {
        return Platform.getPreferencesService().getString(NODE, key, PreferenceDefaults.value(key), null);
    }

    /** The writable instance-scope node, for the preference page and tests. */
    public static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    /** {@link #DEVICE}. */
    public static String device() {
        return get(DEVICE);
    }

    /** {@link #THREADS}; 0 means "as the spec says". */
    public static int threads() {
        try {
            return Math.max(0, Integer.parseInt(get(THREADS).trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@link #JAVA}; empty for the workbench's own Java. */
    public static String java() {
        return get(JAVA).trim();
    }

    /** {@link #DJL_CACHE}; empty for DJL's default. */
    public static String djlCache() {
        return get(DJL_CACHE).trim();
    }

    /** {@link #JVM_MEMORY}. */
    public static String jvmMemory() {
        return get(JVM_MEMORY).trim();
    }
}
