package org.lmworkbench.launching.internal;

import java.net.URL;
import java.nio.file.Path;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.osgi.framework.FrameworkUtil;

/** Statuses, logging and bundle resources of the launching bundle (it needs no activator). */
public final class LaunchingPlugin {

    /** The symbolic name of this bundle, used as plug-in id in statuses. */
    public static final String PLUGIN_ID = "org.lmworkbench.launching";

    private LaunchingPlugin() {
    }

    /** Builds an error status with this bundle's id, for CoreExceptions and job results. */
    public static IStatus error(String message, Throwable error) {
        return new Status(IStatus.ERROR, PLUGIN_ID, message, error);
    }

    /** Logs a failure that the user cannot act on right now but a developer needs to see. */
    public static void log(String message, Throwable error) {
        ILog.of(LaunchingPlugin.class).log(error(message, error));
    }

    /** This bundle's folder in the workspace's metadata, for files the launches write for themselves. */
    public static Path stateFolder() {
        return Platform.getStateLocation(FrameworkUtil.getBundle(LaunchingPlugin.class))
                .toPath();
    }

    /** A file of this bundle, e.g. {@code icons/run_running.png}; null outside OSGi. */
    public static URL entry(String path) {
        var bundle = FrameworkUtil.getBundle(LaunchingPlugin.class);
        return bundle == null ? null : bundle.getEntry(path);
    }
}
