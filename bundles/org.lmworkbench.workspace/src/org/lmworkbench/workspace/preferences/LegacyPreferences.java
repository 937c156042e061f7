package org.lmworkbench.workspace.preferences;

import java.util.List;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Moves the backend settings of workspaces made before they had a headless home: they were kept in
 * the UI bundle's node {@value #LEGACY_NODE}. A value already set in the new node wins; the old keys
 * are removed so the move happens once. Chart colours stay where they are (the UI still owns them).
 */
public final class LegacyPreferences {

    /** The node that held every workbench preference before the split. */
    public static final String LEGACY_NODE = "org.lmworkbench.ui";

    private static final List<String> MOVED = List.of(BackendPreferences.DEVICE, BackendPreferences.THREADS,
            BackendPreferences.JAVA, BackendPreferences.DJL_CACHE, BackendPreferences.JVM_MEMORY);

    private LegacyPreferences() {
    }

    /**
     * Copies the backend keys of the legacy node into {@link BackendPreferences#NODE}.
     *
     * @return whether anything was moved
     * @throws BackingStoreException when either node cannot be written
     */
    public static boolean migrate() throws BackingStoreException {
        IEclipsePreferences legacy = InstanceScope.INSTANCE.getNode(LEGACY_NODE);
        IEclipsePreferences current = BackendPreferences.node();
        boolean moved = false;
        for (String key : MOVED) {
            String value = legacy.get(key, null);
            if (value != null) {
                if (current.get(key, null) == null) {
                    current.put(key, value);
                }
                legacy.remove(key);
                moved = true;
            }
        }
        if (moved) {
            current.flush();
            legacy.flush();
        }
        return moved;
    }
}
