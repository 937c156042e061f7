package org.lmworkbench.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend's class path from a plugins folder's manifests, as an OSGi framework would wire it:
 * required bundles and package exporters (the highest version in range), transitively, each with its
 * Bundle-ClassPath; nothing for the framework's and the JVM's packages, fragments or optional
 * imports nobody exports; a located error for a missing requirement.
 */
class PluginsClassPathTest {

    @TempDir
    Path plugins;

    @TempDir
    Path extract;

    /** A jarred bundle with these main headers (and optionally one nested jar). */
    private Path jarBundle(String file, String nested, String... headers) throws IOException {
        Path jar = plugins.resolve(file);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out, manifest(headers))) {
            if (nested != null) {
                zip.putNextEntry(new JarEntry(nested));
                zip.write("nested".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    /** A folder bundle with these headers and these files. */
    private Path folderBundle(String folder, List<String> files, String... headers) throws IOException {
        Path dir = Files.createDirectories(plugins.resolve(folder).resolve("META-INF"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("MANIFEST.MF"))) {
            manifest(headers).write(out);
        }
        for (String f : files) {
            Path file = plugins.resolve(folder).resolve(f);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x");
        }
        return plugins.resolve(folder);
    }

    private static Manifest manifest(String... headers) {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (String h : headers) {
            int colon = h.indexOf(':');
            m.getMainAttributes().putValue(h.substring(0, colon), h.substring(colon + 1).trim());
        }
        return m;
    }

    @Test
    void followsRequiredBundlesAndPackageExportersLikeTheFramework() throws Exception {
        Path backend = folderBundle("backend_1.0.0", List.of("lib/a.jar", "lib/b.jar"),
                "Bundle-SymbolicName: backend;singleton:=true", "Bundle-Version: 1.0.0",
                "Bundle-ClassPath: .,lib/a.jar,lib/missing.jar,lib/b.jar",
                "Require-Bundle: core;bundle-version=\"[1.0.0,2.0.0)\",maybe;resolution:=optional",
                "Import-Package: com.lib;version=\"[2.0.0,3.0.0)\",org.osgi.framework;version=\"[1.8,2)\","
                        + "org.w3c.dom,absent.pkg;resolution:=optional");
        Path core = jarBundle("core_1.2.0.jar", null, "Bundle-SymbolicName: core", "Bundle-Version: 1.2.0",
                "Import-Package: com.util", "Export-Package: core.api;version=\"1.2.0\"");
        jarBundle("core_0.9.0.jar", null, "Bundle-SymbolicName: core", "Bundle-Version: 0.9.0");
        jarBundle("core_2.0.0.jar", null, "Bundle-SymbolicName: core", "Bundle-Version: 2.0.0");
        Path lib2 = jarBundle("lib_2.5.0.jar", null, "Bundle-SymbolicName: lib", "Bundle-Version: 2.5.0",
                "Export-Package: com.lib;version=\"2.5.0\",com.lib.more;uses:=\"com.lib\";version=\"2.5.0\"");
        jarBundle("lib_3.1.0.jar", null, "Bundle-SymbolicName: lib", "Bundle-Version: 3.1.0",
                "Export-Package: com.lib;version=\"3.1.0\"");
        Path util = jarBundle("util_1.0.0.jar", "inner/x.jar", "Bundle-SymbolicName: util", "Bundle-Version: 1.0.0",
                "Bundle-ClassPath: .,inner/x.jar", "Export-Package: com.util;version=\"1.0\"");
        jarBundle("org.eclipse.osgi_3.24.0.jar", null, "Bundle-SymbolicName: org.eclipse.osgi; singleton:=true",
                "Bundle-Version: 3.24.0", "Export-Package: org.osgi.framework;version=\"1.10\"");
        jarBundle("backend.tests_1.0.0.jar", null, "Bundle-SymbolicName: backend.tests", "Bundle-Version: 1.0.0",
                "Fragment-Host: backend", "Export-Package: com.lib;version=\"2.9.0\"");
        Files.writeString(plugins.resolve("notes.txt"), "not a bundle");

        List<Path> entries = new PluginsClassPath(plugins, extract).resolve("backend");
        Path nested = extract.resolve("util_1.0.0.jar-" + Files.getLastModifiedTime(util).toMillis())
                .resolve("inner/x.jar");
        assertEquals(List.of(backend, backend.resolve("lib/a.jar"), backend.resolve("lib/b.jar"), core, util, nested,
                lib2), entries);
        assertEquals("nested", Files.readString(nested));
    }

    @Test
    void aMissingRequirementIsNamed() throws Exception {
        folderBundle("backend_1.0.0", List.of(), "Bundle-SymbolicName: backend", "Bundle-Version: 1.0.0",
                "Import-Package: com.gone;version=\"[1,2)\"");
        IOException e = assertThrows(IOException.class, () -> new PluginsClassPath(plugins, extract).resolve("backend"));
        assertTrue(e.getMessage().contains("backend imports package com.gone"), e.getMessage());
        IOException none = assertThrows(IOException.class, () -> new PluginsClassPath(plugins, extract).resolve("other"));
        assertEquals("bundle other is not installed", none.getMessage());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PluginsClassPath.run(new String[] {plugins.toString(), "backend"}, new PrintStream(out, true),
                new PrintStream(err, true));
        assertEquals(2, code);
        assertTrue(err.toString().contains("com.gone") && err.toString().contains(plugins.toString()), err.toString());
    }
}
