package org.lmworkbench.core.tensorboard;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a TensorBoard event file, byte for byte as TensorBoard's own {@code EventFileWriter} does
 * for the same events. The file is a result, so it appears whole or not at all: events stream into
 * a hidden temporary file in the target folder, and {@link #commit()} forces it to disk and renames
 * it to {@code events.out.tfevents.<unix-seconds>.<host>.<pid>.<n>}. Closing without committing
 * deletes the temporary file.
 * <p>
 * Not {@link org.lmworkbench.core.run.AtomicFiles}: that needs the whole content in memory, and its
 * temporary name would contain "tfevents", which TensorBoard would pick up while it is written.
 */
public final class EventFileWriter implements Closeable {

    /** Part of every event file's name; TensorBoard reads only files whose name contains it. */
    public static final String NAME_MARKER = "tfevents";

    private static final String PREFIX = "events.out." + NAME_MARKER + ".";
    private static final AtomicInteger FILES_OF_THIS_PROCESS = new AtomicInteger();

    private final Path folder;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream out;
    private int events;
    private boolean finished;

    private EventFileWriter(Path folder, Path temp, FileChannel channel) {
        this.folder = folder;
        this.temp = temp;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
    }

    /**
     * Starts an event file in {@code folder} (created if needed) with its first event, which gives
     * the file version, {@code wallTime} and the name of the writing program.
     */
    public static EventFileWriter create(Path folder, double wallTime, String writer) throws IOException {
        Files.createDirectories(folder);
        Path temp = folder.resolve(".events-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        EventFileWriter w = new EventFileWriter(folder, temp, channel);
        try {
            w.write(Event.header(wallTime, writer));
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    /** Appends an event. */
    public void write(Event event) throws IOException {
        if (finished) {
            throw new IllegalStateException("the event file is already committed or closed");
        }
        TfRecords.write(out, EventEncoder.encode(event));
        events++;
    }

    /** Events written, the first included. */
    public int events() {
        return events;
    }

    /**
     * Makes the file durable and gives it its final name.
     *
     * @return the event file
     */
    public Path commit() throws IOException {
        if (finished) {
            throw new IllegalStateException("the event file is already committed or closed");
        }
        finished = true;
        try {
            out.flush();
            channel.force(true);
            channel.close();
            Path target = freeName();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            syncFolder();
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Deletes the temporary file unless {@link #commit()} has renamed it. */
    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.close();
        }
        finished = true;
        Files.deleteIfExists(temp);
    }

    /**
     * The name TensorBoard's writers use. A rename onto an existing file would replace it silently,
     * so a name taken already (same second, host and process) moves on to the next number.
     */
    private Path freeName() throws IOException {
        String stem = PREFIX + String.format(Locale.ROOT, "%010d", System.currentTimeMillis() / 1000) + "."
                + hostName() + "." + ProcessHandle.current().pid() + ".";
        for (int i = 0; i < 1000; i++) {
            Path candidate = folder.resolve(stem + FILES_OF_THIS_PROCESS.getAndIncrement());
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new FileAlreadyExistsException(folder.resolve(stem + "*").toString(), null, "no free event file name");
    }

    private static String hostName() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException e) {
            name = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "localhost" : safe;
    }

    private void syncFolder() {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the data is on disk; only the rename might not survive a power cut.
        }
    }
}
