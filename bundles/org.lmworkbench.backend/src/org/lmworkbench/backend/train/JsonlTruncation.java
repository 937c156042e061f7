package org.lmworkbench.backend.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lmworkbench.core.run.AtomicFiles;
import org.lmworkbench.core.run.MetricsLine;
import org.lmworkbench.core.run.RunDirectory;

/**
 * Before a resumed run continues from the checkpoint of step {@code s}, the records a killed
 * process wrote after {@code s} are dropped from {@code metrics.jsonl} and {@code probes/*.jsonl}
 * (they will be written again, identically), together with any partial last line. Each file is
 * replaced atomically.
 */
final class JsonlTruncation {

    private JsonlTruncation() {
    }

    /** Applies {@link #keepUpTo(Path, long)} to the metrics and every probe file of a run. */
    static void truncateRun(RunDirectory run, long step) throws IOException {
        keepUpTo(run.metricsFile(), step);
        Path probes = run.path().resolve(RunDirectory.PROBES);
        if (Files.isDirectory(probes)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(probes, "*.jsonl")) {
                for (Path f : files) {
                    keepUpTo(f, step);
                }
            }
        }
    }

    /** Keeps the complete lines whose {@code step} is at most {@code step} (lines without a step are kept). */
    static void keepUpTo(Path file, long step) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        int start = 0;
        boolean changed = false;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                changed = true; // partial last line of a killed writer
                break;
            }
            String line = text.substring(start, end);
            if (stepOf(line) <= step) {
                kept.append(line).append('\n');
            } else {
                changed = true;
            }
            start = end + 1;
        }
        if (changed) {
            AtomicFiles.write(file, kept.toString());
        }
    }

    private static long stepOf(String line) {
        try {
            JsonElement e = JsonParser.parseString(line);
            if (e.isJsonObject() && e.getAsJsonObject().has(MetricsLine.STEP)) {
                return e.getAsJsonObject().get(MetricsLine.STEP).getAsLong();
            }
        } catch (RuntimeException ignored) {
            // An unreadable line is dropped like a partial one.
            return Long.MAX_VALUE;
        }
        return Long.MIN_VALUE;
    }
}
