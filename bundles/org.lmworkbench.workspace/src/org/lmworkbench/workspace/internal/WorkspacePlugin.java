package org.lmworkbench.workspace.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.lmworkbench.workspace.preferences.LegacyPreferences;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The activator of the workspace bundle: on start it moves backend preferences written by older
 * workbenches into this bundle's node, before anything reads them.
 */
public final class WorkspacePlugin implements BundleActivator {

    /** The symbolic name of this bundle, used as plug-in id in statuses. */
    public static final String PLUGIN_ID = "org.lmworkbench.workspace";

    @Override
    public void start(BundleContext context) {
        try {
            LegacyPreferences.migrate();
        } catch (BackingStoreException | IllegalStateException e) {
            // no instance location (a headless tool without a workspace), or a read-only one
            log("cannot move the backend preferences of an older workbench", e);
        }
    }

    @Override
    public void stop(BundleContext context) {
        // nothing held
    }

    /** Builds an error status with this bundle's id, for CoreExceptions and job results. */
    public static IStatus error(String message, Throwable error) {
        return new Status(IStatus.ERROR, PLUGIN_ID, message, error);
    }

    /** Logs a failure that the user cannot act on right now but a developer needs to see. */
    public static void log(String message, Throwable error) {
        ILog.of(WorkspacePlugin.class).log(error(message, error));
    }
}
