package org.lmworkbench.ui.editors.fit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Fixture files of the fit tests as plain folders: inside the test runtime they come from the
 * fragment (through the host bundle), in a plain JVM from the working directory (the tests
 * project). Copies go to a temporary folder so tests never write into the fixtures.
 */
final class FitFixtures {

    /** The power law the width-sweep fixture follows: final test_loss = E + A width^-alpha. */
    static final double E = 0.8;
    /** See {@link #E}. */
    static final double A = 3.0;
    /** See {@link #E}. */
    static final double ALPHA = 0.45;

    private FitFixtures() {
    }

    /**
     * Copies a fixture folder (e.g. {@code resources/fixtures/fit/width-sweep}) into
     * {@code target}: from the fragment's entries in the test runtime, else from the working
     * directory.
     *
     * @param path fixture folder path
     * @param target folder to copy into (created)
     * @return {@code target}
     */
    static Path copy(String path, Path target) throws IOException {
        Files.createDirectories(target);
        Bundle bundle = FrameworkUtil.getBundle(FitFixtures.class);
        if (bundle == null) {
            Path from = Path.of(path);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        }
        String prefix = path.endsWith("/") ? path : path + "/";
        Enumeration<URL> entries = bundle.findEntries(prefix, "*", true);
        if (entries == null) {
            throw new IOException("no fixture at " + path);
        }
        for (URL entry : Collections.list(entries)) {
            String relative = entry.getPath().substring(entry.getPath().indexOf(prefix)
                    + prefix.length());
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
}
