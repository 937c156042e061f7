package org.lmworkbench.core.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Record framing and decoding on files other programs wrote, whole, cut short and damaged. */
class EventFileReadingTest {

    @TempDir
    Path dir;

    /** Start offsets of the records of a file, found from the length fields alone. */
    private static List<Integer> recordStarts(byte[] file) {
        List<Integer> starts = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < file.length; at += 16 + (int) b.getLong(at)) {
            starts.add(at);
        }
        return starts;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void checksumsAgreeWithThoseTensorBoardWrote() throws IOException {
        byte[] file = TbFixtures.bytes(TbFixtures.EVENTFILEWRITER);
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int start : recordStarts(file)) {
            int length = (int) b.getLong(start);
            assertEquals(b.getInt(start + 8), TfRecords.maskedCrc(file, start, 8), "length checksum at " + start);
            assertEquals(b.getInt(start + 12 + length), TfRecords.maskedCrc(file, start + 12, length),
                    "payload checksum at " + start);
        }
    }

    @Test
    void readsEveryEventOfAPyTorchFile() throws IOException {
        Path file = write("events.out.tfevents.1", TbFixtures.bytes(TbFixtures.TORCH_A));
        List<Event> events = EventFileReader.readAll(file);
        assertEquals(recordStarts(Files.readAllBytes(file)).size(), events.size());
        Event first = events.get(0);
        assertEquals(Event.FILE_VERSION, first.fileVersion());
        assertTrue(first.values().isEmpty());
        // The script logged loss/train = 2.0 at step 0 with wall time 1795000000 as the first scalar.
        Event loss = events.get(1);
        assertEquals(List.of(new SummaryValue.Scalar("loss/train", 2.0)), loss.values());
        assertEquals(0, loss.step());
        assertEquals(1795000000.0, loss.wallTime());
        long texts = events.stream().flatMap(e -> e.values().stream()).filter(v -> v instanceof SummaryValue.Text).count();
        assertEquals(1, texts);
        SummaryValue.Text text = events.stream().flatMap(e -> e.values().stream())
                .filter(v -> v instanceof SummaryValue.Text).map(SummaryValue.Text.class::cast).findFirst().orElseThrow();
        assertEquals("notes/text_summary", text.tag());
        assertEquals("lr 0.1, **decayed** by 0.97 a step", text.text());
        long histograms = events.stream().flatMap(e -> e.values().stream())
                .filter(v -> v instanceof SummaryValue.Other o && o.kind().equals("histogram")).count();
        assertEquals(5, histograms);
    }

    @Test
    void emptyFileHasNoEventsAndIsNotTorn() throws IOException {
        Path file = write("events.out.tfevents.empty", new byte[0]);
        try (EventFileReader reader = EventFileReader.open(file)) {
            assertEquals(null, reader.next());
            assertFalse(reader.torn());
        }
    }

    /** Cuts inside the last record: in its length, its length checksum, its payload, its payload checksum. */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 10, 12, 20, -4, -1})
    void tornLastRecordGivesTheEventsBeforeIt(int cut) throws IOException {
        byte[] whole = TbFixtures.bytes(TbFixtures.TORCH_B);
        List<Integer> starts = recordStarts(whole);
        int last = starts.get(starts.size() - 1);
        int end = cut > 0 ? last + cut : whole.length + cut;
        Path file = write("events.out.tfevents.torn", Arrays.copyOf(whole, end));
        try (EventFileReader reader = EventFileReader.open(file)) {
            int n = 0;
            while (reader.next() != null) {
                n++;
            }
            assertEquals(starts.size() - 1, n);
            assertTrue(reader.torn());
            assertEquals(last, reader.offset(), "the torn record starts where the whole ones end");
        }
    }

    @Test
    void damagedPayloadInTheMiddleNamesFileAndOffset() throws IOException {
        byte[] bytes = TbFixtures.bytes(TbFixtures.TORCH_B);
        int third = recordStarts(bytes).get(2);
        bytes[third + 14] ^= 0x01;
        Path file = write("events.out.tfevents.damaged", bytes);
        try (EventFileReader reader = EventFileReader.open(file)) {
            reader.next();
            reader.next();
            EventFileException e = assertThrows(EventFileException.class, reader::next);
            assertEquals(third, e.offset());
            assertEquals(file, e.file());
            assertTrue(e.getMessage().startsWith(file + " at byte " + third + ": the record's checksum does not match"),
                    e.getMessage());
        }
    }

    @Test
    void damagedLengthInTheMiddleNamesItsOffset() throws IOException {
        byte[] bytes = TbFixtures.bytes(TbFixtures.TORCH_B);
        int fourth = recordStarts(bytes).get(3);
        bytes[fourth] ^= 0x10;
        Path file = write("events.out.tfevents.damaged", bytes);
        EventFileException e = assertThrows(EventFileException.class, () -> EventFileReader.readAll(file));
        assertEquals(fourth, e.offset());
        assertTrue(e.getMessage().contains("length's checksum does not match"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAnEventFileFailsAtByteZero() throws IOException {
        Path file = write("events.out.tfevents.txt", "step,loss\n0,1.5\n1,1.25\n".getBytes(StandardCharsets.UTF_8));
        EventFileException e = assertThrows(EventFileException.class, () -> EventFileReader.readAll(file));
        assertEquals(0, e.offset());
    }

    @Test
    void recordWithGoodChecksumsButNoEventIsAnErrorAtItsOffset() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        TfRecords.write(out, EventEncoder.encode(Event.header(1.0, "w")));
        int second = out.size();
        TfRecords.write(out, new byte[] {(byte) 0x0a, (byte) 0x05, 1}); // a field that says 5 bytes follow, then 1
        Path file = write("events.out.tfevents.bad", out.toByteArray());
        EventFileException e = assertThrows(EventFileException.class, () -> EventFileReader.readAll(file));
        assertEquals(second, e.offset());
        assertTrue(e.getMessage().contains("not a TensorBoard event"), e.getMessage());
    }
}
