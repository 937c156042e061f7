package org.lmworkbench.launching;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.lmworkbench.launching.internal.LaunchingPlugin;
import org.lmworkbench.workspace.preferences.BackendPreferences;
import org.osgi.framework.Bundle;

/**
 * Builds the command line of a backend child JVM: the Java from the preferences (or the
 * workbench's own), the class path of the installed backend bundles and the DJL cache folder.
 * The backend is optional at build time (its own feature); without it the user gets an error that
 * says which feature to install, not a ClassNotFoundException.
 */
public final class BackendLauncher {

    /** Symbolic name of the backend bundle. */
    public static final String BACKEND_BUNDLE = "org.lmworkbench.backend";
    /** The backend's command-line entry point. */
    public static final String MAIN_CLASS = "org.lmworkbench.backend.cli.Main";

    private BackendLauncher() {
    }

    /**
     * The full command: {@code java --enable-native-access=ALL-UNNAMED -Xmx<memory> -cp <cp> Main args}.
     *
     * @param args   backend arguments, starting with the command name ({@code run}, {@code hessian}, ...)
     * @param memory maximum heap such as {@code 2g}; null or empty for the preference
     */
    public static List<String> command(List<String> args, String memory) throws CoreException {
        String heap = memory == null || memory.isBlank() ? BackendPreferences.jvmMemory() : memory.trim();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("--enable-native-access=ALL-UNNAMED");
        if (!heap.isEmpty()) {
            command.add("-Xmx" + heap);
        }
        command.add("-cp");
        command.add(classpath());
        command.add(MAIN_CLASS);
        command.addAll(args);
        return command;
    }

    /** Environment additions of a backend JVM (DJL's cache folder when one is configured). */
    public static void configureEnvironment(Map<String, String> environment) {
        String cache = BackendPreferences.djlCache();
        if (!cache.isEmpty()) {
            environment.put("DJL_CACHE_DIR", cache);
            environment.put("ENGINE_CACHE_DIR", cache);
        }
    }

    /** The same additions as {@code NAME=value} strings, for {@code DebugPlugin.exec}. */
    public static String[] environmentArray() {
        Map<String, String> env = new java.util.TreeMap<>(System.getenv());
        configureEnvironment(env);
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** A process builder for {@link #command}, with the environment and working directory set. */
    public static ProcessBuilder processBuilder(List<String> args, String memory, File workingDir) throws CoreException {
        ProcessBuilder builder = new ProcessBuilder(command(args, memory));
        configureEnvironment(builder.environment());
        if (workingDir != null) {
            builder.directory(workingDir);
        }
        return builder;
    }

    /** The java executable: the preference, else the one running the workbench. */
    public static String javaExecutable() {
        String configured = BackendPreferences.java();
        if (!configured.isEmpty()) {
            return configured;
        }
        Optional<String> own = ProcessHandle.current().info().command();
        return own.orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    /**
     * The class path of the installed backend, computed by the backend bundle itself (it knows its
     * embedded DJL jars and which bundles it needs), so the workbench does not need it at compile time.
     */
    public static String classpath() throws CoreException {
        Bundle backend = Platform.getBundle(BACKEND_BUNDLE);
        if (backend == null) {
            throw new CoreException(LaunchingPlugin.error(Messages.BackendLauncher_notInstalled, null));
        }
        try {
            Class<?> type = backend.loadClass("org.lmworkbench.backend.exec.BackendClasspath");
            return (String) type.getMethod("current").invoke(null);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new CoreException(LaunchingPlugin.error(Messages.BackendLauncher_classpathFailed, e));
        }
    }
}
