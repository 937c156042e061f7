package org.lmworkbench.ui.internal;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.lmworkbench.ui.charts.Palette;
import org.lmworkbench.ui.preferences.ChartColours;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * The bundle activator of the workbench UI. It owns the image registry, so that every image the
 * bundle shows is created once per display and disposed with the plug-in instead of leaking one
 * handle per label.
 */
public final class UiPlugin extends AbstractUIPlugin {

    /** The symbolic name of this bundle, used as plug-in id in statuses and extension ids. */
    public static final String PLUGIN_ID = "org.lmworkbench.ui";

    private static UiPlugin instance;

    /** Created by the framework; there is exactly one instance while the bundle is active. */
    public UiPlugin() {
        // the static field is set in start(), not here, so a failed start leaves no half-made plug-in
    }

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
        applyChartColours();
        ChartColours.node().addPreferenceChangeListener(chartColourListener);
        startDebugUi();
    }

    /**
     * The debug UI gives every process of a launch its Console page, but only once it has started;
     * analysis commands are launched headless (no Run button touches it first), so start it here.
     * Without a workbench (a headless application starting the bundles) there is no Console.
     */
    private static void startDebugUi() {
        Bundle debugUi = Platform.getBundle("org.eclipse.debug.ui");
        if (PlatformUI.isWorkbenchRunning() && debugUi != null && debugUi.getState() != Bundle.ACTIVE) {
            try {
                debugUi.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                log("cannot start the debug UI; backend commands will have no Console page", e);
            }
        }
    }

    /** Charts take their series colours from the preference; charts drawn later follow a change. */
    private final IPreferenceChangeListener chartColourListener = event -> {
        if (ChartColours.KEY.equals(event.getKey())) {
            applyChartColours();
        }
    };

    private static void applyChartColours() {
        Palette.set(ChartColours.current());
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        ChartColours.node().removePreferenceChangeListener(chartColourListener);
        instance = null;
        super.stop(context);
    }

    /** The active plug-in instance, or null before start and after stop. */
    public static UiPlugin getDefault() {
        return instance;
    }

    @Override
    protected void initializeImageRegistry(ImageRegistry registry) {
        for (String key : UiImages.allKeys()) {
            registry.put(key, imageDescriptorFromPlugin(PLUGIN_ID, UiImages.path(key)));
        }
    }

    /** The shared image for one of the {@link UiImages} keys; callers must not dispose it. */
    public static Image image(String key) {
        return getDefault().getImageRegistry().get(key);
    }

    /** The descriptor for one of the {@link UiImages} keys, for wizards and overlays. */
    public static ImageDescriptor descriptor(String key) {
        return getDefault().getImageRegistry().getDescriptor(key);
    }

    /** Logs a failure that the user cannot act on right now but a developer needs to see. */
    public static void log(String message, Throwable error) {
        UiPlugin plugin = getDefault();
        if (plugin != null) {
            plugin.getLog().log(new Status(IStatus.ERROR, PLUGIN_ID, message, error));
        }
    }

    /** Builds an error status with this plug-in's id, for CoreExceptions and job results. */
    public static IStatus error(String message, Throwable error) {
        return new Status(IStatus.ERROR, PLUGIN_ID, message, error);
    }
}
