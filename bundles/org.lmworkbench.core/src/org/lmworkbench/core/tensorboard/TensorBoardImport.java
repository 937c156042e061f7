package org.lmworkbench.core.tensorboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.lmworkbench.core.run.RunFileException;

/**
 * Imports TensorBoard logs as runs of a project, so that runs trained elsewhere (PyTorch's
 * {@code SummaryWriter}, tensorboardX, TensorFlow) sit in the Runs view beside trained ones.
 * <p>
 * As in TensorBoard, every folder that holds event files (names containing {@code tfevents}) is
 * one run, its files read in name order; the run id is the folder's path below the log folder
 * ({@code exp/seed1} gives {@code exp_seed1}), or the log folder's own name for files directly in
 * it. Scalars, whether {@code simple_value} or one-element tensors of the scalars plugin, become
 * metrics named after their tags ({@link MetricNames}); texts, histograms, images and other values
 * are counted in {@code import.json} and left out. How the runs are written:
 * {@link ImportedRunWriter}.
 * <p>
 * Every file is read before the first run is written, so a damaged file leaves the project as it
 * was. A file that ends inside its last record (still being written) gives the records before it
 * and is listed as torn.
 */
public final class TensorBoardImport {

    /**
     * What an import did.
     *
     * @param runs           the runs written, in order of their folders
     * @param withoutScalars folders whose event files held no scalar, for which no run was made
     */
    public record Result(List<ImportedRun> runs, List<Path> withoutScalars) {

        /** Copies the lists. */
        public Result {
            runs = List.copyOf(runs);
            withoutScalars = List.copyOf(withoutScalars);
        }
    }

    private TensorBoardImport() {
    }

    /**
     * Imports a log folder (or a single event file) into {@code project}.
     *
     * @throws NoSuchFileException   if {@code source} does not exist or holds no event file
     * @throws EventFileException    if an event file is damaged (naming it and the byte offset)
     * @throws RunFileException      if no event file holds a scalar
     */
    public static Result logs(Path source, Path project) throws IOException {
        Path root = source.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such TensorBoard log folder or event file");
        }
        Map<Path, List<Path>> byFolder = eventFiles(root);
        if (byFolder.isEmpty()) {
            throw new NoSuchFileException(root.toString(), null,
                    "no TensorBoard event files here (their names contain '" + EventFileWriter.NAME_MARKER + "')");
        }
        List<Path> folders = new ArrayList<>();
        List<ScalarTable> tables = new ArrayList<>();
        List<List<Path>> torn = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> e : byFolder.entrySet()) {
            ScalarTable table = new ScalarTable();
            torn.add(read(e.getValue(), table));
            folders.add(e.getKey());
            tables.add(table);
        }
        if (tables.stream().allMatch(ScalarTable::isEmpty)) {
            Map<String, Integer> skipped = new TreeMap<>();
            tables.forEach(t -> t.skipped().forEach((k, n) -> skipped.merge(k, n, Integer::sum)));
            long files = byFolder.values().stream().mapToLong(List::size).sum();
            throw new RunFileException(root, "no scalar values in " + files + " event file(s)"
                    + (skipped.isEmpty() ? "" : "; they hold " + skipped), null);
        }
        List<ImportedRun> runs = new ArrayList<>();
        List<Path> without = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            Path folder = folders.get(i);
            if (tables.get(i).isEmpty()) {
                without.add(folder);
                continue;
            }
            ImportedRunWriter.Source what = new ImportedRunWriter.Source(ImportRecord.TENSORBOARD, root,
                    byFolder.get(folder), torn.get(i));
            runs.add(ImportedRunWriter.write(project, runName(root, folder), tables.get(i), what));
        }
        return new Result(runs, without);
    }

    /** Reads the files of one run into {@code table}; returns the torn ones. */
    private static List<Path> read(List<Path> files, ScalarTable table) throws IOException {
        EventDecoder decoder = new EventDecoder();
        List<Path> torn = new ArrayList<>();
        for (Path file : files) {
            try (EventFileReader reader = EventFileReader.open(file, decoder)) {
                for (Event event = reader.next(); event != null; event = reader.next()) {
                    for (SummaryValue value : event.values()) {
                        switch (value) {
                            case SummaryValue.Scalar s -> table.put(s.tag(), event.step(), s.value(), event.wallTime());
                            case SummaryValue.Text t -> table.skip("text");
                            case SummaryValue.Other o -> table.skip(o.kind());
                        }
                    }
                }
                if (reader.torn()) {
                    torn.add(file);
                }
            }
        }
        return torn;
    }

    /** Event files by folder, folders in path order, files in name order (TensorBoard's order). */
    private static Map<Path, List<Path>> eventFiles(Path root) throws IOException {
        Map<Path, List<Path>> byFolder = new TreeMap<>();
        if (Files.isRegularFile(root)) {
            byFolder.put(root.getParent(), new ArrayList<>(List.of(root)));
            return byFolder;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(TensorBoardImport::isEventFile)
                    .forEach(f -> byFolder.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f));
        }
        byFolder.values().forEach(list -> list.sort(null));
        return byFolder;
    }

    private static boolean isEventFile(Path file) {
        String name = file.getFileName().toString();
        return name.contains(EventFileWriter.NAME_MARKER) && !name.startsWith(".") && Files.isRegularFile(file);
    }

    private static String runName(Path root, Path folder) {
        if (Files.isRegularFile(root) || folder.equals(root)) {
            Path named = Files.isRegularFile(root) ? root.getParent() : root;
            return named.getFileName() == null ? "tensorboard" : named.getFileName().toString();
        }
        return root.relativize(folder).toString().replace(folder.getFileSystem().getSeparator(), "_");
    }
}
