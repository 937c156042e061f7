package org.lmworkbench.core.exec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.lmworkbench.core.command.ExitCodes;

/**
 * The class path of an installed bundle for a plain JVM, resolved from the manifests in an
 * installation's {@code plugins} folder without starting an OSGi framework: the bundle's
 * {@code Bundle-ClassPath}, then, in wiring order, those of the bundles its {@code Require-Bundle}
 * names and of the bundles exporting the packages its {@code Import-Package} lists (the highest
 * installed version in range), transitively. The framework itself (the system bundle) is left out:
 * the packages it exports are the JVM's or OSGi's, which a plain JVM does not use. This is what the
 * product's {@code lmw} script runs, once per installation state, to put the backend's class path
 * together; inside the workbench {@link BundleClassPath} reads the same from the running framework.
 * <p>
 * {@code java -cp <core jar> org.lmworkbench.core.exec.PluginsClassPath <plugins folder> [<bundle>]}
 * prints it (default bundle: the backend); exit code 2 with a message when a bundle or a required
 * package is missing.
 */
public final class PluginsClassPath {

    private static final String SYSTEM_BUNDLE = "org.eclipse.osgi";

    /** An installed bundle: where it is and the headers that wire it. */
    private record Bundle(String name, int[] version, Path location, Attributes headers) {
        List<ManifestHeaders.Clause> header(String key) {
            return ManifestHeaders.parse(headers.getValue(key));
        }
    }

    /** A package as a bundle exports it. */
    private record Export(Bundle bundle, int[] version) {
    }

    private final Map<String, List<Bundle>> byName = new HashMap<>();
    private final Map<String, List<Export>> byPackage = new HashMap<>();
    private final Set<String> jvmPackages = new HashSet<>();
    private final Path extractFolder;

    /**
     * Reads the manifests of every bundle in {@code plugins} (fragments are skipped).
     *
     * @param extractFolder where jars nested in jarred bundles are unpacked
     */
    public PluginsClassPath(Path plugins, Path extractFolder) throws IOException {
        this.extractFolder = extractFolder;
        ModuleLayer.boot().modules().forEach(m -> jvmPackages.addAll(m.getPackages()));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(plugins)) {
            for (Path entry : entries) {
                Attributes headers = manifest(entry);
                String symbolic = headers == null ? null : headers.getValue("Bundle-SymbolicName");
                if (symbolic == null || headers.getValue("Fragment-Host") != null) {
                    continue;
                }
                String name = ManifestHeaders.parse(symbolic).get(0).names().get(0);
                String versionText = headers.getValue("Bundle-Version");
                Bundle bundle = new Bundle(name, ManifestHeaders.version(versionText == null ? "0" : versionText),
                        entry, headers);
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(bundle);
                for (ManifestHeaders.Clause exported : bundle.header("Export-Package")) {
                    String version = exported.attributes().getOrDefault("version", "0");
                    for (String pkg : exported.names()) {
                        byPackage.computeIfAbsent(pkg, k -> new ArrayList<>())
                                .add(new Export(bundle, ManifestHeaders.version(version)));
                    }
                }
            }
        }
    }

    /**
     * The class path of bundle {@code root} (highest installed version).
     *
     * @throws IOException naming what is missing when the bundle or something it requires is not installed
     */
    public List<Path> resolve(String root) throws IOException {
        Bundle bundle = choose(byName.get(root), ManifestHeaders.VersionRange.ANY);
        if (bundle == null) {
            throw new IOException("bundle " + root + " is not installed");
        }
        Set<Bundle> wired = new LinkedHashSet<>();
        collect(bundle, wired);
        Set<Path> entries = new LinkedHashSet<>();
        for (Bundle b : wired) {
            entries.addAll(entries(b));
        }
        return new ArrayList<>(entries);
    }

    private void collect(Bundle bundle, Set<Bundle> wired) throws IOException {
        if (!wired.add(bundle)) {
            return;
        }
        for (ManifestHeaders.Clause required : bundle.header("Require-Bundle")) {
            String name = required.names().get(0);
            if (name.equals(SYSTEM_BUNDLE) || name.equals("system.bundle")) {
                continue;
            }
            Bundle provider = choose(byName.get(name), required.range("bundle-version"));
            if (provider == null && !required.isOptional()) {
                throw new IOException(bundle.name() + " requires bundle " + name + ", which is not installed");
            }
            if (provider != null) {
                collect(provider, wired);
            }
        }
        for (ManifestHeaders.Clause imported : bundle.header("Import-Package")) {
            ManifestHeaders.VersionRange range = imported.range("version");
            for (String pkg : imported.names()) {
                List<Export> exports = byPackage.getOrDefault(pkg, List.of());
                Export provider = null;
                for (Export e : exports) {
                    boolean better = provider == null || ManifestHeaders.compare(e.version(), provider.version()) > 0;
                    if (!e.bundle().name().equals(SYSTEM_BUNDLE) && range.includes(e.version()) && better) {
                        provider = e;
                    }
                }
                // The framework's packages and the JVM's own need nothing on the class path.
                boolean elsewhere = jvmPackages.contains(pkg)
                        || exports.stream().anyMatch(e -> e.bundle().name().equals(SYSTEM_BUNDLE));
                if (provider == null && !imported.isOptional() && !elsewhere) {
                    throw new IOException(bundle.name() + " imports package " + pkg + " " + imported.attributes()
                            .getOrDefault("version", "") + ", which no installed bundle exports");
                }
                if (provider != null) {
                    collect(provider.bundle(), wired);
                }
            }
        }
    }

    /** The highest version in range. */
    private static Bundle choose(List<Bundle> candidates, ManifestHeaders.VersionRange range) {
        Bundle best = null;
        for (Bundle b : candidates == null ? List.<Bundle>of() : candidates) {
            if (range.includes(b.version()) && (best == null || ManifestHeaders.compare(b.version(), best.version()) > 0)) {
                best = b;
            }
        }
        return best;
    }

    /** A bundle's {@code Bundle-ClassPath} entries that exist, {@code .} meaning the bundle itself. */
    private List<Path> entries(Bundle bundle) throws IOException {
        List<ManifestHeaders.Clause> declared = bundle.header("Bundle-ClassPath");
        List<String> paths = new ArrayList<>();
        declared.forEach(c -> paths.addAll(c.names()));
        if (paths.isEmpty()) {
            paths.add(".");
        }
        List<Path> result = new ArrayList<>();
        for (String path : paths) {
            String relative = path.startsWith("/") ? path.substring(1) : path;
            if (relative.equals(".") || relative.isEmpty()) {
                result.add(bundle.location());
            } else if (Files.isDirectory(bundle.location())) {
                Path file = bundle.location().resolve(relative);
                if (Files.exists(file)) {
                    result.add(file);
                }
            } else {
                Path nested = extract(bundle, relative);
                if (nested != null) {
                    result.add(nested);
                }
            }
        }
        return result;
    }

    /** A jar inside a jarred bundle, unpacked once per bundle file into the extraction folder. */
    private Path extract(Bundle bundle, String relative) throws IOException {
        try (JarFile jar = new JarFile(bundle.location().toFile())) {
            JarEntry entry = jar.getJarEntry(relative);
            if (entry == null) {
                return null;
            }
            Path target = extractFolder.resolve(bundle.location().getFileName() + "-"
                    + Files.getLastModifiedTime(bundle.location()).toMillis()).resolve(relative);
            if (!Files.isRegularFile(target)) {
                Files.createDirectories(target.getParent());
                Path partial = Files.createTempFile(target.getParent(), "part-", ".jar");
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        }
    }

    /** The main headers of a jar or folder bundle, or null for anything else. */
    private static Attributes manifest(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            Path file = entry.resolve("META-INF").resolve("MANIFEST.MF");
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                return new Manifest(in).getMainAttributes();
            }
        }
        if (!entry.getFileName().toString().endsWith(".jar")) {
            return null;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            return manifest == null ? null : manifest.getMainAttributes();
        }
    }

    /** Prints the class path of a bundle in a plugins folder; see the class comment. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 2) {
            err.println("usage: PluginsClassPath <plugins folder> [<bundle symbolic name>]");
            return ExitCodes.INVALID_INPUT;
        }
        Path plugins = Path.of(args[0]);
        String root = args.length > 1 ? args[1] : BackendClassPath.BACKEND_BUNDLE;
        try {
            Path extract = ClassDataSharing.cacheFolder().resolve("nested-jars");
            List<Path> entries = new PluginsClassPath(plugins, extract).resolve(root);
            out.println(String.join(File.pathSeparator, entries.stream().map(Path::toString).toList()));
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("the class path of " + root + " in " + plugins + " cannot be made: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }
}
