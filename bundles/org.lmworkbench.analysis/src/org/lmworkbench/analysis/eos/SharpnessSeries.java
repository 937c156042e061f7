package org.lmworkbench.analysis.eos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunFileException;
import org.lmworkbench.core.run.SharpnessLine;

/**
 * The samples of one {@code probes/sharpness.jsonl}, read as the file grows. Each line is core's
 * {@link SharpnessLine} (which owns the keys and accepts the {@code lambda} of early hand-written
 * files); a sample keeps what the edge-of-stability analysis needs of it.
 *
 * <p>Samples are kept ordered by step; a later line for a step already seen replaces the
 * earlier one, which is what a resumed run means by writing it again.
 */
public final class SharpnessSeries {

    private final MetricsReader reader;
    private final TreeMap<Long, SharpnessSample> samples = new TreeMap<>();
    private final ArrayDeque<MetricsRecord> pending = new ArrayDeque<>();

    /** @param file the sharpness file, which need not exist yet */
    public SharpnessSeries(Path file) {
        this.reader = new MetricsReader(file);
    }

    /**
     * Reads a whole file.
     *
     * @param file the sharpness file
     * @return its samples by step; empty when the file does not exist
     * @throws IOException when it cannot be read, or a line (named) is not a sharpness record
     */
    public static List<SharpnessSample> read(Path file) throws IOException {
        SharpnessSeries series = new SharpnessSeries(file);
        series.readNew();
        return series.samples();
    }

    /**
     * Reads the complete lines appended since the last call.
     *
     * @return the samples of those lines, in file order (empty when nothing was added)
     * @throws IOException when the file cannot be read, or a line (named) is not a sharpness record;
     *                     that line is read again on the next call
     */
    public synchronized List<SharpnessSample> readNew() throws IOException {
        pending.addAll(reader.readNew());
        List<SharpnessSample> added = new ArrayList<>(pending.size());
        while (!pending.isEmpty()) {
            // A line that is JSON but not a sharpness record stays at the head, so every call reports it.
            SharpnessSample s = sample(reader.file(), pending.peekFirst());
            pending.removeFirst();
            samples.put(s.step(), s);
            added.add(s);
        }
        return added;
    }

    /** All samples read so far, ordered by step. */
    public synchronized List<SharpnessSample> samples() {
        return List.copyOf(samples.values());
    }

    /** The file followed. */
    public Path file() {
        return reader.file();
    }

    /**
     * Converts one line.
     *
     * @param file   the file, for messages
     * @param record the parsed line
     * @return the sample
     * @throws RunFileException naming the file, the line and the key at fault
     */
    public static SharpnessSample sample(Path file, MetricsRecord record) throws RunFileException {
        SharpnessLine line = SharpnessLine.read(file, record);
        return new SharpnessSample(line.step(), line.eigenvalues(), line.lr(), line.threshold(), line.thresholdKind());
    }
}
