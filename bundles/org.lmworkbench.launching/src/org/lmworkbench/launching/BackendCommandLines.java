package org.lmworkbench.launching;

import java.io.IOException;
import java.util.List;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.lmworkbench.core.exec.BackendClassPath;
import org.lmworkbench.core.exec.BackendCommandLine;
import org.lmworkbench.core.exec.BundleClassPath;
import org.lmworkbench.launching.internal.LaunchingPlugin;
import org.lmworkbench.workspace.preferences.BackendPreferences;
import org.osgi.framework.Bundle;

/**
 * Backend command lines as the workbench starts them: core's {@link BackendCommandLine} with the
 * Java, heap and DJL cache of the preferences and the class path of the installed backend bundle,
 * read from its manifest and those of the bundles it is wired to. The backend is optional at build
 * time (its own feature); without it the user gets an error that says which feature to install.
 */
public final class BackendCommandLines {

    private BackendCommandLines() {
    }

    /**
     * The command line of {@code lmw <args>}.
     *
     * @param args backend arguments, starting with the command name ({@code resume}, {@code hessian}, ...)
     * @param heap maximum heap such as {@code 2g}; null or blank for the preference
     * @throws CoreException when the backend is not installed or its files cannot be found
     */
    public static BackendCommandLine of(List<String> args, String heap) throws CoreException {
        return builder(args, heap).build();
    }

    /**
     * The command line of {@code lmw <args>}, to be completed (e.g. with JVM options).
     *
     * @param heap maximum heap such as {@code 2g}; null or blank for the preference
     * @throws CoreException when the backend is not installed or its files cannot be found
     */
    public static BackendCommandLine.Builder builder(List<String> args, String heap) throws CoreException {
        return BackendCommandLine.builder(classPath())
                .java(BackendPreferences.java())
                .heap(heap(heap))
                .djlCache(BackendPreferences.djlCache())
                .arguments(args);
    }

    /** The heap a backend JVM gets: {@code heap}, or the preference when that is null or blank. */
    public static String heap(String heap) {
        return heap == null || heap.isBlank() ? BackendPreferences.jvmMemory() : heap.trim();
    }

    /** The java executable backend JVMs are started with (the preference, or the workbench's own). */
    public static String java() {
        String java = BackendPreferences.java();
        return java == null || java.isBlank() ? BackendCommandLine.currentJava() : java.trim();
    }

    /**
     * The class path of the installed backend.
     *
     * @throws CoreException naming the feature to install when the backend bundle is missing
     */
    public static String classPath() throws CoreException {
        Bundle backend = Platform.getBundle(BackendClassPath.BACKEND_BUNDLE);
        if (backend == null) {
            throw new CoreException(LaunchingPlugin.error(Messages.BackendCommandLines_notInstalled, null));
        }
        try {
            return BackendClassPath.join(BundleClassPath.of(backend));
        } catch (IOException e) {
            throw new CoreException(LaunchingPlugin.error(Messages.BackendCommandLines_classPathFailed, e));
        }
    }
}
