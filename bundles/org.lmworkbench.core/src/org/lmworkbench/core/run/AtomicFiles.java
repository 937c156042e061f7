package org.lmworkbench.core.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Replaces whole files so that a reader sees either the old or the new content, never a mix and
 * never a truncated file, even if the writer is killed half-way: the bytes go to a temporary file
 * in the same directory, are forced to disk, and the temporary file is renamed over the target.
 */
public final class AtomicFiles {

    /** Temporary files start with this, so folder listings can skip them. */
    public static final String TEMP_PREFIX = ".";

    /** ... and end with this. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Writes UTF-8 text atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes atomically, creating the parent directory if needed. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, true);
    }

    /**
     * Writes bytes atomically (readers see the old file or the whole new one, also when the writer is
     * killed) without forcing them to disk yet: for a stream of many small files a writer makes
     * durable together with {@link #force(Collection)} at a point that matters (a checkpoint), since
     * each forced file costs a disk flush.
     */
    public static void writeUnforced(Path target, byte[] bytes) throws IOException {
        write(target, bytes, false);
    }

    /** Forces files written by {@link #writeUnforced} to disk, then their directories (each once). */
    public static void force(Collection<Path> files) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path file : files) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.force(true);
            }
            dirs.add(file.toAbsolutePath().getParent());
        }
        dirs.forEach(AtomicFiles::syncDirectory);
    }

    private static void write(Path target, byte[] bytes, boolean forced) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // Same directory as the target: a rename across file systems would not be atomic.
        // Not Files.createTempFile: it makes the file owner-only (0600), and results must keep the
        // umask's permissions so that collaborators and cluster jobs can read them.
        Path temp = dir.resolve(TEMP_PREFIX + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // Without this a crash after the rename can leave a renamed but empty file on some file systems.
                if (forced) {
                    channel.force(true);
                }
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.nio.file.FileSystemException e) {
            // The temporary file is an implementation detail; the user wrote to the target.
            if (e.getClass() == java.nio.file.FileSystemException.class && temp.toString().equals(e.getFile())) {
                java.nio.file.FileSystemException named = new java.nio.file.FileSystemException(absolute.toString(),
                        null, e.getReason());
                named.initCause(e);
                throw named;
            }
            throw e;
        } catch (IOException e) {
            throw naming(absolute, e);
        } finally {
            Files.deleteIfExists(temp);
        }
        if (forced) {
            syncDirectory(dir);
        }
    }

    /**
     * Overwrites an existing file in place, for when {@link #write} cannot: with no space or no
     * inodes left there is no room for a temporary file, but a small file's own blocks can still be
     * rewritten. A reader may see a mix of old and new bytes while this runs, so it is a last
     * resort, e.g. for the final status of a run on a full disk.
     */
    public static void overwrite(Path target, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long at = 0;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            channel.truncate(bytes.length);
            channel.force(true);
        } catch (IOException e) {
            throw naming(target, e);
        }
    }

    /**
     * The exception with the file in its message: the JDK reports a failed write (no space left on
     * the device, say) without saying which file it was writing.
     */
    public static IOException naming(Path file, IOException e) {
        if (e instanceof java.nio.file.FileSystemException) {
            return e;
        }
        java.nio.file.FileSystemException named = new java.nio.file.FileSystemException(file.toString(), null,
                e.getMessage());
        named.initCause(e);
        return named;
    }

    /** Makes the rename itself durable where the OS allows it; Windows cannot open directories, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort only: the data itself is already safe.
        }
    }

    /** True for names produced by this class as temporary files. */
    public static boolean isTemporary(Path file) {
        String name = String.valueOf(file.getFileName());
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    /**
     * Removes a folder and everything in it as far as it can, for folders that were made and then
     * abandoned (a temporary run folder before its rename, the folders of a plan that failed): a
     * temporary one left behind is hidden by its {@link #TEMP_PREFIX}, anything else can be deleted
     * by hand.
     */
    public static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Left behind, see above.
                }
            });
        } catch (NoSuchFileException ignored) {
            // Nothing to clean.
        } catch (IOException ignored) {
            // Left behind, see above.
        }
    }
}
