package org.lmworkbench.workspace.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A workspace written by a workbench that kept everything in the UI bundle's node keeps its backend
 * settings: they move to the workspace bundle's node once, an explicit new value is not overwritten,
 * and the chart colours stay with the UI.
 */
class LegacyPreferencesTest {

    private final IEclipsePreferences legacy = InstanceScope.INSTANCE.getNode(LegacyPreferences.LEGACY_NODE);

    @AfterEach
    void clear() throws Exception {
        legacy.clear();
        legacy.flush();
        BackendPreferences.node().clear();
        BackendPreferences.node().flush();
    }

    @Test
    void backendKeysMoveOnceAndChartColoursStay() throws Exception {
        legacy.put(BackendPreferences.JVM_MEMORY, "6g");
        legacy.put(BackendPreferences.DEVICE, "cpu");
        legacy.put("chartColours", "1,2,3");
        BackendPreferences.node().put(BackendPreferences.DEVICE, "gpu");

        assertTrue(LegacyPreferences.migrate());

        assertEquals("6g", BackendPreferences.jvmMemory());
        assertEquals("gpu", BackendPreferences.device(), "a value set in the new node wins");
        assertNull(legacy.get(BackendPreferences.JVM_MEMORY, null));
        assertNull(legacy.get(BackendPreferences.DEVICE, null));
        assertEquals("1,2,3", legacy.get("chartColours", null));
        assertFalse(LegacyPreferences.migrate(), "nothing is left to move");
    }

    @Test
    void withoutLegacyValuesTheDefaultsApply() throws Exception {
        assertFalse(LegacyPreferences.migrate());
        assertEquals("2g", BackendPreferences.jvmMemory());
        assertEquals("auto", BackendPreferences.device());
        assertEquals(0, BackendPreferences.threads());
    }
}
