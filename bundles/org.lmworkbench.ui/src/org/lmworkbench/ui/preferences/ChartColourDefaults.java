package org.lmworkbench.ui.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;

/** The default chart colour cycle, so "Restore Defaults" on the preference page shows it. */
public final class ChartColourDefaults extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        DefaultScope.INSTANCE.getNode(ChartColours.NODE).put(ChartColours.KEY, ChartColours.TAB10);
    }
}
