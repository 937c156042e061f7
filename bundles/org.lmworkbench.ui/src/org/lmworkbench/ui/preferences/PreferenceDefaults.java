package org.lmworkbench.ui.preferences;

import java.util.Map;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;

/**
 * Default values of {@link LmwPreferences}, registered through
 * {@code org.eclipse.core.runtime.preferences} so "Restore Defaults" on the page shows them.
 */
public final class PreferenceDefaults extends AbstractPreferenceInitializer {

    /** Matplotlib's "tab10" cycle: distinguishable, and familiar to the people reading these plots. */
    private static final String TAB10 = "31,119,180;255,127,14;44,160,44;214,39,40;148,103,189;"
            + "140,86,75;227,119,194;127,127,127;188,189,34;23,190,207";

    private static final Map<String, String> DEFAULTS = Map.of(
            LmwPreferences.DEVICE, "auto",
            LmwPreferences.THREADS, "0",
            LmwPreferences.JAVA, "",
            LmwPreferences.DJL_CACHE, "",
            LmwPreferences.JVM_MEMORY, "2g",
            LmwPreferences.CHART_COLOURS, TAB10);

    /** The default of a key, or "" for an unknown key. */
    public static String value(String key) {
        return DEFAULTS.getOrDefault(key, "");
    }

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences node = DefaultScope.INSTANCE.getNode(LmwPreferences.NODE);
        DEFAULTS.forEach(node::put);
    }
}
