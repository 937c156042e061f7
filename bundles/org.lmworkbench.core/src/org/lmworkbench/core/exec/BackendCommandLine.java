package org.lmworkbench.core.exec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The command line of a backend child JVM, built in one place for every caller (the workbench's
 * launches and analysis commands, the command line's local sweep executor): the java executable,
 * heap, JVM options, system properties, environment additions, class path, the backend's main
 * class and its arguments. Immutable; made with {@link #builder(String)}.
 */
public final class BackendCommandLine {

    /** The backend's command-line entry point. */
    public static final String MAIN_CLASS = "org.lmworkbench.backend.cli.Main";

    /**
     * DJL settings passed on from this JVM when they are set here: whether DJL may go online and
     * where it caches engines. The child sets offline mode itself when nobody chose.
     */
    private static final List<String> INHERITED_PROPERTIES = List.of("ai.djl.offline", "DJL_CACHE_DIR",
            "ENGINE_CACHE_DIR");

    private final String java;
    private final String heap;
    private final List<String> jvmOptions;
    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final String classPath;
    private final List<String> arguments;

    private BackendCommandLine(Builder b) {
        this.java = b.java;
        this.heap = b.heap;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.systemProperties = Map.copyOf(b.systemProperties);
        this.environment = Map.copyOf(b.environment);
        this.classPath = b.classPath;
        this.arguments = List.copyOf(b.arguments);
    }

    /** A builder for a child on {@code classPath}, with this JVM's java and no heap limit yet. */
    public static Builder builder(String classPath) {
        return new Builder(classPath);
    }

    /** The java executable of the JVM this code runs in. */
    public static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The full command: {@code java --enable-native-access=ALL-UNNAMED [-Xmx<heap>] [options]
     * [-Dkey=value...] -cp <class path> <main class> <arguments>}.
     */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java);
        // Java 22+ warns on every JNI load without it; DJL loads libtorch through JNI.
        command.add("--enable-native-access=ALL-UNNAMED");
        if (!heap.isEmpty()) {
            command.add("-Xmx" + heap);
        }
        command.addAll(jvmOptions);
        new TreeMap<>(systemProperties).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN_CLASS);
        command.addAll(arguments);
        return command;
    }

    /** What the child's environment adds to the parent's (e.g. DJL's cache folder). */
    public Map<String, String> environment() {
        return environment;
    }

    /** The backend arguments, starting with the command name. */
    public List<String> arguments() {
        return arguments;
    }

    /** The whole environment of the child as {@code NAME=value} strings: {@code base} plus the additions. */
    public String[] environmentArray(Map<String, String> base) {
        Map<String, String> all = new TreeMap<>(base);
        all.putAll(environment);
        return all.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** A process builder for {@link #command()} with the environment additions and working directory. */
    public ProcessBuilder processBuilder(File workingDirectory) {
        ProcessBuilder builder = new ProcessBuilder(command());
        builder.environment().putAll(environment);
        if (workingDirectory != null) {
            builder.directory(workingDirectory);
        }
        return builder;
    }

    @Override
    public String toString() {
        return String.join(" ", command());
    }

    /** Collects the parts of a {@link BackendCommandLine}. */
    public static final class Builder {
        private String java = currentJava();
        private String heap = "";
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final String classPath;
        private final List<String> arguments = new ArrayList<>();

        private Builder(String classPath) {
            this.classPath = Objects.requireNonNull(classPath, "classPath");
            for (String key : INHERITED_PROPERTIES) {
                String value = System.getProperty(key);
                if (value != null) {
                    systemProperties.put(key, value);
                }
            }
        }

        /** The java executable; blank keeps this JVM's. */
        public Builder java(String executable) {
            if (executable != null && !executable.isBlank()) {
                this.java = executable.trim();
            }
            return this;
        }

        /** The maximum heap in {@code -Xmx} syntax ({@code 2g}); blank leaves the JVM's default. */
        public Builder heap(String size) {
            this.heap = size == null ? "" : size.trim();
            return this;
        }

        /** One more JVM option, e.g. {@code -XX:+HeapDumpOnOutOfMemoryError}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** A {@code -Dkey=value} of the child. */
        public Builder systemProperty(String key, String value) {
            systemProperties.put(key, value);
            return this;
        }

        /** An environment variable of the child. */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /**
         * DJL's cache folder for engines and models ({@code DJL_CACHE_DIR} and
         * {@code ENGINE_CACHE_DIR}); blank leaves DJL's default {@code ~/.djl.ai}.
         */
        public Builder djlCache(String folder) {
            if (folder != null && !folder.isBlank()) {
                environment.put("DJL_CACHE_DIR", folder.trim());
                environment.put("ENGINE_CACHE_DIR", folder.trim());
            }
            return this;
        }

        /** The backend arguments, starting with the command name ({@code resume}, {@code hessian}, ...). */
        public Builder arguments(List<String> args) {
            arguments.addAll(args);
            return this;
        }

        /** The command line. */
        public BackendCommandLine build() {
            return new BackendCommandLine(this);
        }
    }
}
