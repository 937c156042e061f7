package org.lmworkbench.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The test fixtures every test fragment shares ({@code resources/fixtures/...} of this bundle: runs,
 * specs, analysis documents, checkpoints), read in place and copied out, so tests never write into
 * them.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** The UTF-8 text of a fixture file, e.g. {@code resources/fixtures/specs/invalid.lmx}. */
    public static String text(String path) throws IOException {
        URL url = bundle().getEntry(path);
        if (url == null) {
            fail("no fixture at " + path);
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Copies a fixture folder (e.g. {@code resources/fixtures/runs/eos-001}) into {@code target}
     * through the workspace API, so the resource deltas are those of a backend's run appearing.
     */
    public static void copyToFolder(String path, IContainer target) throws CoreException, IOException {
        String prefix = folderPrefix(path);
        TestWorkspace.createFolders(target);
        for (URL entry : entries(prefix)) {
            String relative = relative(entry, prefix);
            if (relative.isEmpty()) {
                continue;
            }
            if (relative.endsWith("/")) {
                TestWorkspace.createFolders(target.getFolder(IPath.fromPortableString(relative)));
            } else {
                try (InputStream in = entry.openStream()) {
                    TestWorkspace.writeBytes(target.getFile(IPath.fromPortableString(relative)), in.readAllBytes());
                }
            }
        }
    }

    /**
     * Copies a fixture folder into a plain folder on disk, for tests of code that reads files
     * without the workspace.
     *
     * @return {@code target}
     */
    public static Path copyToDirectory(String path, Path target) throws IOException {
        String prefix = folderPrefix(path);
        Files.createDirectories(target);
        for (URL entry : entries(prefix)) {
            String relative = relative(entry, prefix);
            if (relative.isEmpty() || relative.endsWith("/")) {
                continue;
            }
            Path to = target.resolve(relative);
            Files.createDirectories(to.getParent());
            try (InputStream in = entry.openStream()) {
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    private static String folderPrefix(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    private static List<URL> entries(String prefix) {
        Enumeration<URL> entries = bundle().findEntries(prefix, "*", true);
        List<URL> all = entries == null ? List.of() : Collections.list(entries);
        if (all.isEmpty()) {
            fail("no fixture at " + prefix);
        }
        return all;
    }

    private static String relative(URL entry, String prefix) {
        return entry.getPath().substring(entry.getPath().indexOf(prefix) + prefix.length());
    }

    private static Bundle bundle() {
        return FrameworkUtil.getBundle(Fixtures.class);
    }
}
