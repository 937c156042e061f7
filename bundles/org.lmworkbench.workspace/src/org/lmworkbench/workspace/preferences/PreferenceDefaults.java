package org.lmworkbench.workspace.preferences;

import java.util.Map;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;

/**
 * Default values of {@link BackendPreferences}, registered through
 * {@code org.eclipse.core.runtime.preferences} so "Restore Defaults" on the page shows them.
 */
public final class PreferenceDefaults extends AbstractPreferenceInitializer {

    private static final Map<String, String> DEFAULTS = Map.of(
            BackendPreferences.DEVICE, "auto",
            BackendPreferences.THREADS, "0",
            BackendPreferences.JAVA, "",
            BackendPreferences.DJL_CACHE, "",
            BackendPreferences.JVM_MEMORY, "2g");

    /** The default of a key, or "" for an unknown key. */
    public static String value(String key) {
        return DEFAULTS.getOrDefault(key, "");
    }

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences node = DefaultScope.INSTANCE.getNode(BackendPreferences.NODE);
        DEFAULTS.forEach(node::put);
    }
}
