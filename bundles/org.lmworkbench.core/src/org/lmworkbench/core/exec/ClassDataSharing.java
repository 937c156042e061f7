package org.lmworkbench.core.exec;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A class-data-sharing archive for backend worker JVMs: the classes a worker loads (DJL, the
 * backend, Gson, ...) parsed and verified once and mapped by every later worker, which cuts the
 * class-loading part of a worker's start. The archive lives in the user's cache folder
 * ({@code $XDG_CACHE_HOME/lmworkbench/cds}, or {@code ~/.cache/...}), named by a digest of the java
 * executable and of the class path with each entry's size and modification time, so an update of
 * the product or of the JDK makes a new one instead of tripping over the old.
 * <p>
 * When there is no archive yet, one worker at a time records it ({@code -XX:ArchiveClassesAtExit}
 * into a temporary file, which the JVM writes as it exits); the file is renamed into place only after
 * that worker exited normally, so a worker never maps a half-written archive. CDS archives only
 * classes from jar files: a class path with folders (a development build) gets no archive.
 */
public final class ClassDataSharing {

    /** The options of one worker JVM, and what to do when it has exited. */
    public static final class Session {
        private final List<String> jvmOptions;
        private final Path recording;
        private final Path archive;
        private final ClassDataSharing owner;

        private Session(List<String> jvmOptions, Path recording, Path archive, ClassDataSharing owner) {
            this.jvmOptions = List.copyOf(jvmOptions);
            this.recording = recording;
            this.archive = archive;
            this.owner = owner;
        }

        /** Options for the worker's JVM. */
        public List<String> jvmOptions() {
            return jvmOptions;
        }

        /** Called once the worker has exited with {@code exitCode}: a complete recording becomes the archive. */
        public void exited(int exitCode) {
            if (recording == null) {
                return;
            }
            try {
                if (exitCode == 0 && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                    Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    removeStale(archive);
                } else {
                    Files.deleteIfExists(recording);
                }
            } catch (IOException e) {
                // No archive this time; a later worker records one again.
            } finally {
                owner.recordingEnded();
            }
        }
    }

    /** Worker archives kept in the cache folder. */
    static final int KEPT = 4;

    /** Keeps the JVM quiet about the archive (a refused or missing archive only means a slower start). */
    private static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";

    private final Path archive;
    private boolean recording;

    private ClassDataSharing(Path archive) {
        this.archive = archive;
    }

    /** No archive: workers start without one. */
    public static ClassDataSharing none() {
        return new ClassDataSharing(null);
    }

    /**
     * The archive of workers run by {@code java} on {@code classPath}, or {@link #none()} when the
     * class path has folders or no cache folder can be made. {@code LMW_CDS=off} in the environment
     * turns it off.
     */
    public static ClassDataSharing forWorkers(String java, String classPath) {
        if ("off".equalsIgnoreCase(System.getenv("LMW_CDS"))) {
            return none();
        }
        return inFolder(cacheFolder().resolve("cds"), java, classPath);
    }

    /** The archive of workers run by {@code java} on {@code classPath}, kept in {@code folder}. */
    static ClassDataSharing inFolder(Path folder, String java, String classPath) {
        try {
            String key = key(java, classPath);
            if (key == null) {
                return none();
            }
            return new ClassDataSharing(Files.createDirectories(folder).resolve("worker-" + key + ".jsa"));
        } catch (IOException e) {
            return none();
        }
    }

    /** The product's cache folder: {@code $XDG_CACHE_HOME/lmworkbench}, or {@code ~/.cache/lmworkbench}. */
    public static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("lmworkbench");
    }

    /** True if workers get an archive (or record one). */
    public boolean isOn() {
        return archive != null;
    }

    /** The archive file, or null when off. */
    public Path archive() {
        return archive;
    }

    /** Options for one more worker: map the archive, or record it if none exists and nobody records it now. */
    public synchronized Session session() {
        if (archive == null) {
            return new Session(List.of(), null, null, this);
        }
        if (Files.isRegularFile(archive)) {
            return new Session(List.of("-XX:SharedArchiveFile=" + archive, QUIET), null, archive, this);
        }
        if (recording) {
            return new Session(List.of(), null, archive, this);
        }
        recording = true;
        Path temp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".part");
        return new Session(List.of("-XX:ArchiveClassesAtExit=" + temp, QUIET), temp, archive, this);
    }

    /**
     * Keeps the {@link #KEPT} newest worker archives in the folder of {@code current}: each update of
     * the product or the JDK makes a new one, and a few installations may share the cache.
     */
    static void removeStale(Path current) {
        try (var files = Files.list(current.getParent())) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches("worker-[0-9a-f]+\\.jsa"))
                    .sorted(java.util.Comparator.comparing((Path f) -> {
                        try {
                            return Files.getLastModifiedTime(f).toMillis();
                        } catch (IOException e) {
                            return 0L;
                        }
                    }).reversed()).toList();
            for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
                if (!old.equals(current)) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException e) {
            // Stale archives only take space.
        }
    }

    private synchronized void recordingEnded() {
        recording = false;
    }

    /** The digest naming an archive, or null when some class path entry is a folder or missing. */
    static String key(String java, String classPath) throws IOException {
        StringBuilder identity = new StringBuilder(java).append('\n');
        Path javaFile = Path.of(java);
        if (Files.isRegularFile(javaFile)) {
            identity.append(Files.getLastModifiedTime(javaFile.toRealPath()).toMillis()).append('\n');
        }
        List<String> entries = new ArrayList<>(List.of(classPath.split(File.pathSeparator)));
        for (String entry : entries) {
            Path file = Path.of(entry);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            identity.append(entry).append(' ').append(Files.size(file)).append(' ')
                    .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
