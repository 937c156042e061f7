package org.lmworkbench.core.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads test fixture files from {@code resources/}. Under Tycho the fragment root is on the class
 * path, so files are at {@code /resources/specs/...}; run by hand with {@code resources/} itself on
 * the class path they are at {@code /specs/...}. Both are tried.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** Opens a fixture such as {@code "specs/example-eos.lmx"}. */
    public static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/resources/" + name);
        if (in == null) {
            in = Fixtures.class.getResourceAsStream("/" + name);
        }
        if (in == null) {
            throw new IllegalArgumentException("test fixture not found on the class path: " + name);
        }
        return in;
    }

    /** The fixture as UTF-8 text. */
    public static String text(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the fixture into {@code dir} under its own file name, for tests of file-based APIs. */
    public static Path copy(String name, Path dir) throws IOException {
        Path target = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = open(name)) {
            Files.copy(in, target);
        }
        return target;
    }
}
