package org.lmworkbench.core.exec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The class path of an installed bundle for a JVM outside OSGi, read from the manifests: the
 * bundle's {@code Bundle-ClassPath} entries resolved against where it is installed, then those of
 * every bundle it is wired to (imported packages and required bundles, transitively; the system
 * bundle is the JVM's own). Requirements that a fragment adds (a test fragment's JUnit) are not
 * followed. A bundle installed as a jar with jars inside has those extracted to a cache folder.
 * In development mode ({@code osgi.dev}) a bundle's extra output folders come first.
 * <p>
 * Only this class touches the OSGi API, which core imports optionally: it is loaded only inside a
 * framework.
 */
public final class BundleClassPath {

    private BundleClassPath() {
    }

    /** The class path of {@code anchor}'s bundle, or null when the class was not loaded by a bundle. */
    static List<File> ofClass(Class<?> anchor) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(anchor);
        return bundle == null ? null : of(bundle);
    }

    /**
     * The class path of {@code root} and the bundles it is wired to, in wiring order.
     *
     * @throws IOException when a bundle is not resolved or its files cannot be found
     */
    public static List<File> of(Bundle root) throws IOException {
        Set<Bundle> bundles = new LinkedHashSet<>();
        collect(root, bundles);
        Set<File> entries = new LinkedHashSet<>();
        for (Bundle bundle : bundles) {
            entries.addAll(entries(bundle));
        }
        return new ArrayList<>(entries);
    }

    private static void collect(Bundle bundle, Set<Bundle> seen) throws IOException {
        if (bundle.getBundleId() == Constants.SYSTEM_BUNDLE_ID || !seen.add(bundle)) {
            return;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new IOException(bundle.getSymbolicName() + " is not resolved, so its class path is unknown");
        }
        BundleRevision own = wiring.getRevision();
        for (BundleWire wire : wiring.getRequiredWires(null)) {
            if (wire.getRequirement().getRevision().equals(own)) {
                collect(wire.getProvider().getBundle(), seen);
            }
        }
    }

    /** One bundle's entries, development output folders first. */
    static List<File> entries(Bundle bundle) throws IOException {
        File location = bundle.adapt(File.class);
        if (location == null) {
            throw new IOException("the framework does not tell where " + bundle.getSymbolicName() + " is installed");
        }
        List<File> entries = new ArrayList<>();
        for (String dev : DevelopmentMode.entries(bundle.getSymbolicName())) {
            File file = new File(dev).isAbsolute() ? new File(dev) : new File(location, dev);
            if (file.exists()) {
                entries.add(file);
            }
        }
        for (String entry : declaredEntries(bundle)) {
            File file = resolve(bundle, location, entry);
            if (file != null) {
                entries.add(file);
            }
        }
        return entries;
    }

    /** The {@code Bundle-ClassPath} entries without their attributes; {@code .} when there is none. */
    static List<String> declaredEntries(Bundle bundle) {
        String header = bundle.getHeaders("").get(Constants.BUNDLE_CLASSPATH);
        List<String> entries = new ArrayList<>();
        if (header != null) {
            for (String clause : header.split(",")) {
                String path = clause.split(";")[0].trim();
                if (path.length() > 1 && path.startsWith("\"") && path.endsWith("\"")) {
                    path = path.substring(1, path.length() - 1);
                }
                if (!path.isEmpty()) {
                    entries.add(path);
                }
            }
        }
        return entries.isEmpty() ? List.of(".") : entries;
    }

    private static File resolve(Bundle bundle, File location, String entry) throws IOException {
        String relative = entry.startsWith("/") ? entry.substring(1) : entry;
        if (relative.equals(".") || relative.isEmpty()) {
            return location;
        }
        if (location.isDirectory()) {
            File file = new File(location, relative);
            return file.exists() ? file : null;
        }
        URL nested = bundle.getEntry(relative);
        return nested == null ? null : extract(bundle, relative, nested);
    }

    /** A jar inside a jarred bundle, copied once per bundle version to the temporary folder. */
    private static File extract(Bundle bundle, String relative, URL nested) throws IOException {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "lmw-classpath",
                bundle.getSymbolicName() + "_" + bundle.getVersion() + "_" + bundle.getLastModified());
        Path target = folder.resolve(relative);
        if (!Files.isRegularFile(target)) {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "part-", ".jar");
            try (InputStream in = nested.openStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target.toFile();
    }

    /**
     * Equinox's development mode: {@code osgi.dev} is either a comma list of output folders for every
     * bundle or the URL of a properties file with one such list per bundle ({@code *} for the rest).
     */
    static final class DevelopmentMode {

        private DevelopmentMode() {
        }

        static List<String> entries(String symbolicName) throws IOException {
            String dev = System.getProperty("osgi.dev");
            if (dev == null || dev.isBlank()) {
                return List.of();
            }
            String list;
            if (dev.contains(":/")) {
                Properties properties = new Properties();
                try (InputStream in = URI.create(dev).toURL().openStream()) {
                    properties.load(in);
                }
                list = properties.getProperty(symbolicName, properties.getProperty("*", ""));
            } else {
                list = dev;
            }
            List<String> entries = new ArrayList<>();
            for (String entry : list.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
            return entries;
        }
    }
}
