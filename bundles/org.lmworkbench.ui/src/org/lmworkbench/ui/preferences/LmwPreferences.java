package org.lmworkbench.ui.preferences;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.jface.resource.StringConverter;

/**
 * The workbench's preferences (instance scope, node {@code org.lmworkbench.ui}) and their defaults.
 * Launches and editors read them through these getters so a default lives in exactly one place
 * ({@link PreferenceDefaults}).
 */
public final class LmwPreferences {

    /** Preference node, the UI bundle's id. */
    public static final String NODE = "org.lmworkbench.ui";

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
    /** Chart series colours, {@code r,g,b;r,g,b;...}. */
    public static final String CHART_COLOURS = "chartColours";

    private LmwPreferences() {
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

    /** {@link #CHART_COLOURS}, parsed; never empty. */
    public static RGB[] chartColours() {
        RGB[] parsed = parseColours(get(CHART_COLOURS));
        return parsed.length > 0 ? parsed : parseColours(PreferenceDefaults.value(CHART_COLOURS));
    }

    /** Parses {@code r,g,b;r,g,b}; malformed entries are skipped. */
    public static RGB[] parseColours(String text) {
        return java.util.Arrays.stream(text.split(";"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> StringConverter.asRGB(s, null))
                .filter(java.util.Objects::nonNull)
                .toArray(RGB[]::new);
    }

    /** Formats colours for {@link #CHART_COLOURS}. */
    public static String formatColours(RGB[] colours) {
        StringBuilder text = new StringBuilder();
        for (RGB c : colours) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(StringConverter.asString(c));
        }
        return text.toString();
    }
}
