package org.lmworkbench.core.exec;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * The class path of a child JVM that runs the backend. In a plain JVM (the {@code lmw} command
 * line) it is this JVM's own {@code java.class.path}, which the start script made of the installed
 * bundles. Inside OSGi it is read from the installed bundles' manifests by {@link BundleClassPath}.
 */
public final class BackendClassPath {

    /** Symbolic name of the backend bundle. */
    public static final String BACKEND_BUNDLE = "org.lmworkbench.backend";

    private BackendClassPath() {
    }

    /**
     * The class path on which the code of {@code anchor}'s bundle runs: inside OSGi that bundle's
     * {@code Bundle-ClassPath} and those of the bundles it is wired to; in a plain JVM
     * {@code java.class.path}.
     *
     * @throws IOException when an installed bundle's files cannot be found
     */
    public static String of(Class<?> anchor) throws IOException {
        List<File> entries;
        try {
            entries = BundleClassPath.ofClass(anchor);
        } catch (NoClassDefFoundError noFramework) {
            // The OSGi framework API is an optional import: without it this is a plain JVM.
            entries = null;
        }
        return entries == null ? System.getProperty("java.class.path", "") : join(entries);
    }

    /** Entries joined with the platform's path separator. */
    public static String join(List<File> entries) {
        return String.join(File.pathSeparator, entries.stream().map(File::getPath).toList());
    }
}
