package org.lmworkbench.core.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Ownership of a run folder by the one process that trains it: {@code <run>/.lock} holds the
 * owner's pid, host and start time, and the owner holds an operating-system lock on that file for
 * as long as it trains. A second {@code run}, {@code resume} or sweep worker on the same folder is
 * refused with {@link RunLockedException}, which names the owner. The operating system releases
 * the lock of a process that dies however it dies (even by SIGKILL), so a {@code .lock} left by a
 * dead process is recognised as stale and taken over; {@link #takenOver()} says whose it was, so
 * the new owner can note it in the run's log.
 *
 * <p>A long-lived worker takes and releases one lock per run it trains. Releasing empties the file
 * rather than deleting it: deleting would let a process that opened the old file lock it while a
 * third creates a new one. An empty {@code .lock} therefore means that no process trains the run.
 */
public final class RunLock implements AutoCloseable {

    /** The lock file inside a run folder. */
    public static final String FILE = ".lock";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /**
     * A process that owns (or owned) a run folder.
     *
     * @param pid     its process id
     * @param host    the host it runs on
     * @param started when it took the lock
     */
    public record Owner(long pid, String host, Instant started) {

        /** {@code process 4711 on host node7 (since 2026-12-07T10:00:00Z)}. */
        @Override
        public String toString() {
            return "process " + pid + " on host " + host + " (since " + started + ")";
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Owner previous;

    private RunLock(Path file, FileChannel channel, FileLock lock, Owner previous) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.previous = previous;
    }

    /**
     * Takes the lock of {@code run} for this process.
     *
     * @throws RunLockedException if another process (or this one) holds it
     * @throws IOException        if the lock file cannot be created or written
     */
    public static RunLock acquire(RunDirectory run) throws IOException {
        Path file = run.path().resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it already
            }
            Owner recorded = read(channel);
            if (lock == null) {
                throw new RunLockedException(file, recorded);
            }
            Owner self = new Owner(ProcessHandle.current().pid(), hostName(), Instant.now());
            write(channel, self);
            return new RunLock(file, channel, lock, recorded);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The process that trains {@code run} now, if any: the recorded owner of a lock that is held.
     * A {@code .lock} left by a dead process has no owner.
     */
    public static Optional<Owner> owner(RunDirectory run) throws IOException {
        Path file = run.path().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return Optional.ofNullable(read(channel));
            }
            if (probe == null) {
                return Optional.ofNullable(read(channel));
            }
            probe.release();
            return Optional.empty();
        }
    }

    /** The owner whose lock was left behind by a process that died, if this lock took one over. */
    public Optional<Owner> takenOver() {
        return Optional.ofNullable(previous);
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Empties the lock file and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private static Owner read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || size > 4096) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) size);
        while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) >= 0) {
            // read on
        }
        try {
            JsonElement e = StrictJson.parse(new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8));
            JsonObject o = e.getAsJsonObject();
            return new Owner(o.get("pid").getAsLong(), o.get("host").getAsString(), Instant.parse(o.get("started")
                    .getAsString()));
        } catch (IOException | RuntimeException unreadable) {
            // Half written by a process killed while taking the lock: nobody's.
            return null;
        }
    }

    private static void write(FileChannel channel, Owner owner) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("pid", owner.pid());
        o.addProperty("host", owner.host());
        o.addProperty("started", owner.started().toString());
        ByteBuffer bytes = ByteBuffer.wrap((GSON.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8));
        channel.truncate(0);
        long at = 0;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
        channel.force(false);
    }

    /** The kernel's host name where it can be read without a name lookup (which can hang offline). */
    private static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: ask Java.
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown" : env;
        }
    }
}
