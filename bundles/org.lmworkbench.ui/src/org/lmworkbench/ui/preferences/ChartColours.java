package org.lmworkbench.ui.preferences;

import java.util.Arrays;
import java.util.Objects;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.resource.StringConverter;
import org.eclipse.swt.graphics.RGB;

/**
 * The chart colour cycle: the one preference of the UI bundle's own node {@value #NODE} (the backend
 * settings are the workspace bundle's), stored as {@code r,g,b;r,g,b;...}.
 */
public final class ChartColours {

    /** Preference node: this bundle's id, so the preference initializer of this bundle serves it. */
    public static final String NODE = "org.lmworkbench.ui";
    /** Chart series colours, {@code r,g,b;r,g,b;...}. */
    public static final String KEY = "chartColours";

    /** Matplotlib's "tab10" cycle: distinguishable, and familiar to the people reading these plots. */
    static final String TAB10 = "31,119,180;255,127,14;44,160,44;214,39,40;148,103,189;"
            + "140,86,75;227,119,194;127,127,127;188,189,34;23,190,207";

    private ChartColours() {
    }

    /** The writable instance-scope node, for the preference page and tests. */
    public static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    /** The stored cycle, parsed; never empty. */
    public static RGB[] current() {
        RGB[] parsed = parse(Platform.getPreferencesService().getString(NODE, KEY, TAB10, null));
        return parsed.length > 0 ? parsed : parse(TAB10);
    }

    /** Parses {@code r,g,b;r,g,b}; malformed entries are skipped. */
    public static RGB[] parse(String text) {
        return Arrays.stream(text.split(";"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> StringConverter.asRGB(s, null))
                .filter(Objects::nonNull)
                .toArray(RGB[]::new);
    }

    /** The default cycle, parsed. */
    public static RGB[] defaults() {
        return parse(TAB10);
    }

    /** Formats colours for {@link #KEY}. */
    public static String format(RGB[] colours) {
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
