package org.lmworkbench.backend.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.run.AtomicFiles;
import org.lmworkbench.core.run.MetricsLine;
import org.lmworkbench.core.run.RunDirectory;

/**
 * Before a resumed run continues from the checkpoint of step {@code s}, the records a killed
 * process wrote after {@code s} are dropped from {@code metrics.jsonl} and {@code probes/*.jsonl}
 * (they will be written again, identically), together with a partial last line, which a killed
 * writer leaves. Each file is replaced atomically.
 *
 * <p>A damaged line anywhere else cannot come from a killed writer (lines are appended whole); it
 * is dropped too, since it would make the file unreadable, but returned so that the caller reports
 * it with its file, line and text: nothing disappears unseen.
 */
final class JsonlTruncation {

    /**
     * A line that was not a JSON record and was not the partial last line.
     *
     * @param file the file it was in
     * @param line its 1-based line number
     * @param text what it said
     */
    record DamagedLine(Path file, long line, String text) {

        @Override
        public String toString() {
            return file + ":" + line + ": damaged line removed (not a JSON record): "
                    + (text.length() <= 200 ? text : text.substring(0, 200) + "...");
        }
    }

    private JsonlTruncation() {
    }

    /** Applies {@link #keepUpTo(Path, long)} to the metrics and every probe file of a run. */
    static List<DamagedLine> truncateRun(RunDirectory run, long step) throws IOException {
        List<DamagedLine> damaged = new ArrayList<>(keepUpTo(run.metricsFile(), step));
        Path probes = run.path().resolve(RunDirectory.PROBES);
        if (Files.isDirectory(probes)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(probes, "*.jsonl")) {
                for (Path f : files) {
                    damaged.addAll(keepUpTo(f, step));
                }
            }
        }
        return damaged;
    }

    /**
     * Keeps the complete lines whose {@code step} is at most {@code step} (lines without a step are
     * kept) and returns the damaged lines it removed.
     */
    static List<DamagedLine> keepUpTo(Path file, long step) throws IOException {
        List<DamagedLine> damaged = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return damaged;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        int start = 0;
        long number = 0;
        boolean changed = false;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            number++;
            if (end < 0) {
                changed = true; // partial last line of a killed writer
                break;
            }
            String line = text.substring(start, end);
            Long lineStep = line.isBlank() ? Long.valueOf(Long.MIN_VALUE) : stepOf(line);
            if (lineStep == null) {
                damaged.add(new DamagedLine(file, number, line));
                changed = true;
            } else if (lineStep <= step) {
                kept.append(line).append('\n');
            } else {
                changed = true;
            }
            start = end + 1;
        }
        if (changed) {
            AtomicFiles.write(file, kept.toString());
        }
        return damaged;
    }

    /** The step of a record; MIN_VALUE for a record without one; null for a line that is no record. */
    private static Long stepOf(String line) {
        try {
            JsonElement e = JsonParser.parseString(line);
            if (!e.isJsonObject()) {
                return null;
            }
            if (e.getAsJsonObject().has(MetricsLine.STEP)) {
                return e.getAsJsonObject().get(MetricsLine.STEP).getAsLong();
            }
            return Long.MIN_VALUE;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
