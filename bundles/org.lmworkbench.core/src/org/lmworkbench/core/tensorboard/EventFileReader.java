package org.lmworkbench.core.tensorboard;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the events of a TensorBoard event file, such as {@code events.out.tfevents.*} written by
 * TensorBoard, PyTorch's {@code SummaryWriter}, tensorboardX or {@link EventFileWriter}. Records are
 * checked as {@link TfRecordReader} describes: a file that ends inside its last record (still being
 * written, or its writer was killed) gives the events before it and reports {@link #torn()}; a
 * damaged record is an {@link EventFileException} naming the file and byte offset.
 */
public final class EventFileReader implements Closeable {

    private final TfRecordReader records;
    private final EventDecoder decoder;

    private EventFileReader(TfRecordReader records, EventDecoder decoder) {
        this.records = records;
        this.decoder = decoder;
    }

    /** Opens a file for reading from its start. */
    public static EventFileReader open(Path file) throws IOException {
        return open(file, new EventDecoder());
    }

    /** Opens one of several files of a run, sharing what {@code decoder} learnt from the others. */
    static EventFileReader open(Path file, EventDecoder decoder) throws IOException {
        return new EventFileReader(TfRecordReader.open(file), decoder);
    }

    /** Every event of a file; see {@link #next()} for a torn last record. */
    public static List<Event> readAll(Path file) throws IOException {
        try (EventFileReader reader = open(file)) {
            List<Event> events = new ArrayList<>();
            for (Event e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
            }
            return events;
        }
    }

    /**
     * The next event, or null at the end of the file or at a torn last record.
     *
     * @throws EventFileException if a record is damaged or is not an event
     */
    public Event next() throws IOException {
        byte[] payload = records.next();
        if (payload == null) {
            return null;
        }
        try {
            return decoder.decode(payload);
        } catch (IOException | RuntimeException e) {
            throw new EventFileException(records.file(), records.recordOffset(),
                    "the record is not a TensorBoard event (" + e.getMessage() + ")", e);
        }
    }

    /** True once reading has stopped at a last record that the file holds only part of. */
    public boolean torn() {
        return records.torn();
    }

    /** Bytes of complete records read so far; after a torn end, where the torn record starts. */
    public long offset() {
        return records.offset();
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
