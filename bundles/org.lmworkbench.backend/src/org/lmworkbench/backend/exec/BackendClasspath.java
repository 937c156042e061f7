package org.lmworkbench.backend.exec;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The class path of a child backend JVM. In a plain JVM (the command line) it is this JVM's own
 * class path. Inside OSGi (tests, or a workbench that starts sweeps itself) the class path is
 * assembled from where the needed classes were loaded: Equinox gives every bundle class-path entry
 * its own code source, so the backend's folder, its embedded {@code lib/*.jar} and the core,
 * analysis, Gson, Jackson and Commons Math bundles are all found.
 */
public final class BackendClasspath {

    /**
     * A class of every needed bundle, with a class whose loader can see it: inside OSGi, Jackson is
     * visible only to core (which imports it) and Commons Math only to analysis.
     */
    private static final String[][] ANCHORS = {
        {"org.lmworkbench.backend.cli.Main", "org.lmworkbench.backend.exec.BackendClasspath"},
        {"org.lmworkbench.core.spec.ExperimentSpec", "org.lmworkbench.backend.exec.BackendClasspath"},
        {"org.lmworkbench.analysis.spectral.LinearOperator", "org.lmworkbench.backend.exec.BackendClasspath"},
        {"com.google.gson.Gson", "org.lmworkbench.core.spec.ExperimentSpec"},
        {"com.fasterxml.jackson.core.JsonFactory", "org.lmworkbench.core.spec.ExperimentSpec"},
        {"org.apache.commons.math3.util.FastMath", "org.lmworkbench.analysis.spectral.LinearOperator"},
        {"picocli.CommandLine", "org.lmworkbench.core.spec.ExperimentSpec"},
        {"org.apache.commons.csv.CSVFormat", "org.lmworkbench.core.spec.ExperimentSpec"},
        {"org.apache.commons.io.IOUtils", "org.lmworkbench.core.spec.ExperimentSpec"},
        {"org.apache.commons.codec.binary.Base64", "org.lmworkbench.core.spec.ExperimentSpec"},
        {"ai.djl.engine.Engine", "org.lmworkbench.backend.exec.BackendClasspath"},
    };

    private BackendClasspath() {
    }

    /** The class path for a child backend JVM. */
    public static String current() {
        String own = System.getProperty("java.class.path", "");
        if (own.contains("api") && canLoadFromSystem("ai.djl.engine.Engine")) {
            return own;
        }
        Set<String> entries = new LinkedHashSet<>();
        for (String[] pair : ANCHORS) {
            String anchor = pair[0];
            Path location = locate(anchor, pair[1]);
            if (location == null) {
                continue;
            }
            entries.add(location.toString());
            // The embedded DJL jars sit next to each other in lib/; the resource-only ones (natives)
            // have no class to anchor on, so take the whole folder.
            if (anchor.startsWith("ai.djl") && location.getParent() != null) {
                try (Stream<Path> jars = Files.list(location.getParent())) {
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
                } catch (IOException ignored) {
                    // Leave the class path as found; the child will report missing classes clearly.
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean canLoadFromSystem(String className) {
        try {
            Class.forName(className, false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Path locate(String className, String visibleFrom) {
        try {
            ClassLoader loader = Class.forName(visibleFrom, false, BackendClasspath.class.getClassLoader()).getClassLoader();
            Class<?> type = Class.forName(className, false, loader);
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            return Path.of(source.getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
