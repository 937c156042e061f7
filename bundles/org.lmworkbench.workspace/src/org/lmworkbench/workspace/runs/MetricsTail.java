package org.lmworkbench.workspace.runs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.RunFileException;

/**
 * Follows a growing JSON-lines run file like core's {@link MetricsReader} (offset-based, only
 * complete lines, a shorter file read again from the start, a corrupt line reported with file and
 * line and not consumed), but reads at most a given number of bytes per call.
 * <p>
 * Why not {@link MetricsReader#readNew()} itself: it returns everything not yet read in one list,
 * and opening the Runs view on a run of 1,000,000 logged steps (a 314 MB metrics.jsonl) then holds
 * every line as a JSON tree at once; measured, that exhausted a 2 GB heap. In bounded chunks the
 * backlog is read in a series of polls whose memory is that of one chunk, and the chart fills from
 * the first chunk on instead of after the whole file. Lines are parsed straight into
 * {@link FlatRecord}s, without trees.
 */
public final class MetricsTail {

    /** Bytes read per call by default: about 13,000 lines of the backend's metrics.jsonl. */
    public static final int DEFAULT_CHUNK = 4 << 20;

    private final Path file;
    private final int chunk;
    private long offset;
    private long linesRead;
    private boolean more;

    /** A tail of {@code file} (which need not exist yet) reading at most {@code chunk} bytes a call. */
    public MetricsTail(Path file, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive: " + chunk);
        }
        this.file = file;
        this.chunk = chunk;
    }

    /** Lines consumed so far, blank ones included. */
    public long linesRead() {
        return linesRead;
    }

    /** True if the last call stopped at its byte limit with more complete lines waiting. */
    public boolean hasMore() {
        return more;
    }

    /**
     * The complete lines appended since the last call, at most about {@code chunk} bytes of them (a
     * single longer line is still read whole).
     *
     * @throws RunFileException if a complete line is not a JSON object; nothing of this call is consumed
     */
    public List<FlatRecord> readNew() throws IOException {
        byte[] bytes;
        long size;
        long end;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            if (size < offset) {
                offset = 0;
                linesRead = 0;
            }
            end = Math.min(size, offset + chunk);
            bytes = read(channel, offset, end);
            while (lastNewline(bytes) < 0 && end < size) {
                end = Math.min(size, offset + 2L * Math.max(bytes.length, 1)); // one line longer than a chunk
                bytes = read(channel, offset, end);
            }
        } catch (NoSuchFileException e) {
            more = false;
            return List.of();
        }
        List<FlatRecord> records = new ArrayList<>();
        long line = linesRead;
        int start = 0;
        int stop = lastNewline(bytes) + 1;
        for (int i = 0; i < stop; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            line++;
            String text = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                records.add(FlatRecord.parse(text, file, line));
            }
            start = i + 1;
        }
        offset += stop;
        linesRead = line;
        more = end < size;
        return records;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] read(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, to - from));
        long position = from;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                break; // shrank while reading; the next call starts over
            }
            position += n;
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }
}
