package org.lmworkbench.core.tensorboard;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Exports run folders as TensorBoard event files: every metric and probe series as scalars, the
 * spec as a text (the mapping is described at {@link RunEvents}). TensorBoard treats each folder
 * of event files as one run, so one run goes into the folder given, and several runs into one
 * sub-folder each, named by run id: {@code tensorboard --logdir <out>} then shows them side by side.
 * <p>
 * A folder that already holds an event file is refused: TensorBoard would merge the two files
 * into one run and show every point twice.
 */
public final class TensorBoardExport {

    /** The writer named in the files' first event. */
    public static final String WRITER = "lmworkbench";

    /**
     * What one export wrote.
     *
     * @param runId   the run
     * @param file    the event file
     * @param events  events in the file, the first (file version) included
     * @param scalars scalar values written
     * @param tags    the scalar tags, in order of first appearance
     */
    public record Exported(String runId, Path file, int events, long scalars, List<String> tags) {

        /** Copies the tags. */
        public Exported {
            tags = List.copyOf(tags);
        }
    }

    private TensorBoardExport() {
    }

    /**
     * Writes one event file for the run folder {@code runDir} into {@code outDir}.
     *
     * @throws FileAlreadyExistsException if {@code outDir} already holds an event file
     * @throws java.nio.file.NoSuchFileException if {@code runDir} has no {@code status.json}
     * @throws org.lmworkbench.core.run.RunFileException if a run file is corrupt (naming file and line)
     */
    public static Exported run(Path runDir, Path outDir) throws IOException {
        RunEvents events = new RunEvents(runDir);
        refuseExistingEvents(outDir);
        return write(events, outDir);
    }

    /**
     * Writes each run into {@code outDir/<run-id>/}. Every run is checked (status readable, run ids
     * distinct, target folders free of event files) before the first file is written.
     *
     * @throws IllegalArgumentException if two runs have the same id
     */
    public static List<Exported> runs(Collection<Path> runDirs, Path outDir) throws IOException {
        List<RunEvents> all = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path dir : runDirs) {
            RunEvents events = new RunEvents(dir);
            Path other = seen.put(events.runId(), dir);
            if (other != null) {
                throw new IllegalArgumentException("two runs are named '" + events.runId() + "' (" + other + " and "
                        + dir + "); export them into different folders");
            }
            refuseExistingEvents(outDir.resolve(events.runId()));
            all.add(events);
        }
        List<Exported> result = new ArrayList<>();
        for (RunEvents events : all) {
            result.add(write(events, outDir.resolve(events.runId())));
        }
        return result;
    }

    private static Exported write(RunEvents events, Path folder) throws IOException {
        Set<String> tags = new LinkedHashSet<>();
        long[] scalars = {0};
        try (EventFileWriter writer = EventFileWriter.create(folder, events.start(), WRITER)) {
            events.forEach(event -> {
                writer.write(event);
                for (SummaryValue v : event.values()) {
                    if (v instanceof SummaryValue.Scalar) {
                        tags.add(v.tag());
                        scalars[0]++;
                    }
                }
            });
            int count = writer.events();
            Path file = writer.commit();
            return new Exported(events.runId(), file, count, scalars[0], new ArrayList<>(tags));
        }
    }

    private static void refuseExistingEvents(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            Path existing = files.filter(f -> f.getFileName().toString().contains(EventFileWriter.NAME_MARKER))
                    .filter(Files::isRegularFile).findFirst().orElse(null);
            if (existing != null) {
                throw new FileAlreadyExistsException(existing.toString(), null,
                        "the folder already holds an event file, and TensorBoard would merge the two; export into an empty folder");
            }
        }
    }
}
