package org.lmworkbench.launching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.exec.BackendClassPath;
import org.lmworkbench.core.exec.BundleClassPath;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * The class path of the installed backend comes from the bundles' manifests: every
 * {@code Bundle-ClassPath} entry of the backend (its own classes' jar and each embedded DJL jar),
 * then the bundles it is wired to, and nothing that a fragment (like this test fragment) added.
 */
class BundleClassPathTest {

    @Test
    void backendEntriesAreItsManifestsClassPathThenItsWiredBundles() throws Exception {
        Bundle backend = Platform.getBundle(BackendClassPath.BACKEND_BUNDLE);
        assertNotNull(backend, "the test runtime has the backend");
        File root = backend.adapt(File.class);
        List<File> entries = BundleClassPath.of(backend);

        String header = backend.getHeaders("").get(Constants.BUNDLE_CLASSPATH);
        List<String> declared = List.of(header.split(",")).stream().map(String::trim).toList();
        assertEquals("backend.jar", declared.get(0), "the backend's own classes are a jar in its folder");
        for (int i = 0; i < declared.size(); i++) {
            File jar = entries.get(i);
            assertEquals(new File(root, declared.get(i)), jar, "entry " + i + " is the manifest's " + declared.get(i));
            assertTrue(jar.isFile(), jar + " exists");
        }
        Set<String> names = entries.stream().map(File::getName).collect(Collectors.toSet());
        for (String needed : List.of("org.lmworkbench.core", "org.lmworkbench.analysis", "com.google.gson",
                "org.apache.commons.math3", "com.fasterxml.jackson.core.jackson-core")) {
            File file = Platform.getBundle(needed).adapt(File.class);
            assertTrue(entries.contains(file), needed + " (" + file + ") is on the class path: " + entries);
        }
        // Jars only: class-data sharing archives no classes from folders.
        assertTrue(entries.stream().allMatch(File::isFile), entries.toString());
        assertFalse(names.stream().anyMatch(n -> n.contains("org.eclipse")), "no platform bundle: " + names);
    }

    @Test
    void requirementsOfAFragmentAreNotFollowed() throws Exception {
        Bundle launching = Platform.getBundle("org.lmworkbench.launching");
        List<File> entries = BundleClassPath.of(launching);
        assertTrue(entries.contains(Platform.getBundle("org.lmworkbench.workspace").adapt(File.class)),
                "a bundle the launching bundle requires: " + entries);
        assertFalse(entries.contains(Platform.getBundle("org.lmworkbench.testing").adapt(File.class)),
                "this test fragment's own requirement: " + entries);
        assertFalse(entries.stream().anyMatch(f -> f.getName().contains("junit")), entries.toString());
    }
}
