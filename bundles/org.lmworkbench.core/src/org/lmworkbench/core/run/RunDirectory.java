package org.lmworkbench.core.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.SpecException;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * A view of one run folder, {@code <project>/runs/<run-id>/}. It knows where each file of the run
 * lives and reads them; it holds no state of its own, so it is always as fresh as the disk.
 */
public final class RunDirectory {

    /** Folder of a project that holds the runs. */
    public static final String RUNS = "runs";
    /** Fully resolved spec of the run. */
    public static final String SPEC = "spec.json";
    /** Life-cycle status. */
    public static final String STATUS = "status.json";
    /** One JSON object per logged step. */
    public static final String METRICS = "metrics.jsonl";
    /** Folder of probe results. */
    public static final String PROBES = "probes";
    /** Sharpness measurements, inside {@link #PROBES}. */
    public static final String SHARPNESS = "sharpness.jsonl";
    /** Hessian trace estimates, inside {@link #PROBES}. */
    public static final String TRACE = "trace.jsonl";
    /** Sharpness dimension probe file under {@link #PROBES}. */
    public static final String SHARPNESS_DIMENSION = "sharpness_dimension.jsonl";
    /** Folder of feature-learning diagnostics: {@code step-<n>.json}. */
    public static final String DIAGNOSTICS = "diagnostics";
    /** Folder of activation captures: {@code step-<n>/<layer>.npy}. */
    public static final String ACTIVATIONS = "activations";
    /** Folder of checkpoints: {@code step-<n>.npz}. */
    public static final String CHECKPOINTS = "checkpoints";
    /** The backend's log. */
    public static final String LOG = "log.txt";
    /** The user's display name, tags and notes ({@link RunMeta}). */
    public static final String META = RunMeta.FILE;

    private static final Pattern STEP_DIR = Pattern.compile("step-(\\d{1,18})");
    private static final Pattern CHECKPOINT = Pattern.compile("step-(\\d{1,18})\\.npz");
    private static final String NPY = ".npy";

    private final Path dir;

    /** A view of an existing or future run folder. */
    public RunDirectory(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * Creates {@code runsFolder/runId} with its {@code spec.json} and a queued {@code status.json}.
     * The folder is assembled under a hidden temporary name and renamed into place, so watchers
     * never see a run without its spec and status.
     *
     * @throws FileAlreadyExistsException if the run folder exists already
     * @throws IllegalArgumentException   if {@code runId} is not a safe folder name
     */
    public static RunDirectory create(Path runsFolder, String runId, ExperimentSpec spec) throws IOException {
        if (!SpecSchema.NAME_PATTERN.matcher(runId).matches()) {
            throw new IllegalArgumentException("'" + runId + "' is not a valid run id");
        }
        Files.createDirectories(runsFolder);
        Path target = runsFolder.resolve(runId);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "run folder exists already");
        }
        Path temp = Files.createTempDirectory(runsFolder, "." + runId + "-");
        try {
            RunDirectory staging = new RunDirectory(temp);
            AtomicFiles.write(staging.specFile(), spec.toJson());
            RunStatus.queued(Instant.now(), spec.training().steps()).write(staging.statusFile());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteQuietly(temp);
            throw e;
        }
        return new RunDirectory(target);
    }

    /**
     * The id of a new run of the spec {@code name} in {@code runsFolder}: {@code <name>-<index>} with
     * the index one past the highest that any {@code <name>-<digits>} folder has, or 0 when there is
     * none, written with at least three digits as sweep ids are ({@code eos-000}, {@code eos-001}).
     * Ids thus sort in the order runs were made and never reuse the id of a deleted run while later
     * ones exist.
     */
    public static String freshId(Path runsFolder, String name) throws IOException {
        Pattern numbered = Pattern.compile(Pattern.quote(name) + "-(\\d{1,9})");
        int next = 0;
        if (Files.isDirectory(runsFolder)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(runsFolder)) {
                for (Path child : children) {
                    Matcher m = numbered.matcher(child.getFileName().toString());
                    if (m.matches()) {
                        next = Math.max(next, Integer.parseInt(m.group(1)) + 1);
                    }
                }
            }
        }
        return String.format("%s-%03d", name, next);
    }

    /**
     * The run folders of a project: every {@code runs/*} folder with a {@code status.json} or a
     * {@code spec.json}, sorted by name. A project without runs has none.
     */
    public static List<RunDirectory> list(Path project) throws IOException {
        Path runs = project.resolve(RUNS);
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<RunDirectory> result = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(runs, Files::isDirectory)) {
            for (Path child : children) {
                RunDirectory run = new RunDirectory(child);
                boolean hidden = child.getFileName().toString().startsWith(".");
                if (!hidden && (Files.isRegularFile(run.statusFile()) || Files.isRegularFile(run.specFile()))) {
                    result.add(run);
                }
            }
        }
        result.sort(Comparator.comparing(RunDirectory::runId));
        return result;
    }

    /** The folder. */
    public Path path() {
        return dir;
    }

    /** The run id, which is the folder name. */
    public String runId() {
        return dir.getFileName().toString();
    }

    /** {@code spec.json}. */
    public Path specFile() {
        return dir.resolve(SPEC);
    }

    /** {@code status.json}. */
    public Path statusFile() {
        return dir.resolve(STATUS);
    }

    /** {@code metrics.jsonl}. */
    public Path metricsFile() {
        return dir.resolve(METRICS);
    }

    /** {@code probes/sharpness.jsonl}. */
    public Path sharpnessFile() {
        return dir.resolve(PROBES).resolve(SHARPNESS);
    }

    /** {@code probes/trace.jsonl}. */
    public Path traceFile() {
        return dir.resolve(PROBES).resolve(TRACE);
    }

    /** {@code probes/sharpness_dimension.jsonl}. */
    public Path sharpnessDimensionFile() {
        return dir.resolve(PROBES).resolve(SHARPNESS_DIMENSION);
    }

    /** {@code probes/sharpness-dimension-step-<step>.json}, the sharpness dimension of a checkpoint. */
    public Path checkpointSharpnessDimensionFile(long step) {
        return dir.resolve(PROBES).resolve("sharpness-dimension-step-" + step + ".json");
    }

    /** {@code probes/hessian-step-<step>.json}, the spectrum of a checkpoint ({@link CheckpointSpectrumFile}). */
    public Path checkpointSpectrumFile(long step) {
        return dir.resolve(PROBES).resolve("hessian-step-" + step + ".json");
    }

    /** {@code diagnostics/step-<step>.json} ({@link DiagnosticsFile}). */
    public Path diagnosticsFile(long step) {
        return dir.resolve(DIAGNOSTICS).resolve("step-" + step + ".json");
    }

    /** {@code log.txt}. */
    public Path logFile() {
        return dir.resolve(LOG);
    }

    /** {@code meta.json}. */
    public Path metaFile() {
        return dir.resolve(META);
    }

    /**
     * Reads {@code meta.json}; {@link RunMeta#EMPTY} when the run has none.
     *
     * @throws RunFileException if it is not a valid meta.json
     */
    public RunMeta readMeta() throws IOException {
        return RunMeta.read(dir);
    }

    /** Replaces {@code meta.json} atomically. */
    public void writeMeta(RunMeta meta) throws IOException {
        meta.write(dir);
    }

    /** {@code checkpoints/}. */
    public Path checkpointsFolder() {
        return dir.resolve(CHECKPOINTS);
    }

    /** {@code activations/}. */
    public Path activationsFolder() {
        return dir.resolve(ACTIVATIONS);
    }

    /** {@code checkpoints/step-<step>.npz}. */
    public Path checkpointFile(long step) {
        return checkpointsFolder().resolve("step-" + step + ".npz");
    }

    /** {@code activations/step-<step>/<layer>.npy}. */
    public Path activationFile(long step, String layer) {
        if (layer.isEmpty() || layer.contains("/") || layer.contains("\\") || layer.startsWith(".")) {
            throw new IllegalArgumentException("'" + layer + "' is not a usable layer name");
        }
        return activationsFolder().resolve("step-" + step).resolve(layer + NPY);
    }

    /** Reads {@code status.json}. */
    public RunStatus readStatus() throws IOException {
        return RunStatus.read(statusFile());
    }

    /** Replaces {@code status.json} atomically. */
    public void writeStatus(RunStatus status) throws IOException {
        status.write(statusFile());
    }

    /**
     * Writes the status that ends a process's work on the run, by every means left: atomically,
     * or, when that fails (a full disk, no inodes left), by overwriting {@code status.json} in
     * place, so that a run never claims to be running after its process has given up.
     *
     * @throws IOException the failure of the atomic write if the file could not be written at all
     */
    public void writeFinalStatus(RunStatus status) throws IOException {
        try {
            writeStatus(status);
        } catch (IOException e) {
            try {
                AtomicFiles.overwrite(statusFile(), status.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException inPlace) {
                e.addSuppressed(inPlace);
                throw e;
            }
        }
    }

    /**
     * Deletes the temporary files of atomic writes ({@code .<name>.<random>.tmp}, see
     * {@link AtomicFiles}) that a killed process left in the run folder and its subfolders. Only
     * the owner of the run's {@link RunLock} may call this: another writer's temporary file is
     * its work in progress.
     *
     * @return the files deleted, relative to the run folder
     */
    public List<Path> removeTemporaryFiles() throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (Stream<Path> walk = Files.walk(dir, 3)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (AtomicFiles.isTemporary(p) && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                    removed.add(dir.relativize(p));
                }
            }
        }
        removed.sort(null);
        return removed;
    }

    /**
     * Reads {@code spec.json}.
     *
     * @throws RunFileException if it is not a valid single-run spec
     */
    public ExperimentSpec readSpec() throws IOException {
        try {
            return ExperimentSpec.fromJson(Files.readString(specFile()));
        } catch (SpecException e) {
            throw new RunFileException(specFile(), "not a valid run spec: " + e.problems().get(0), e);
        }
    }

    /**
     * The {@code name} in spec.json, the name of the spec the run was made from (every run of a
     * sweep carries it), read without validating the rest; null without a spec.json or a name.
     */
    public String specName() {
        try {
            com.google.gson.JsonElement root = com.google.gson.JsonParser.parseString(Files.readString(specFile()));
            if (root.isJsonObject() && root.getAsJsonObject().get("name") instanceof com.google.gson.JsonPrimitive p
                    && p.isString()) {
                return p.getAsString();
            }
        } catch (IOException | RuntimeException e) {
            // no spec.json, or not JSON: the run belongs to no spec
        }
        return null;
    }

    /** A reader that follows {@code metrics.jsonl}. */
    public MetricsReader metricsReader() {
        return new MetricsReader(metricsFile());
    }

    /** A reader that follows {@code probes/sharpness.jsonl}. */
    public MetricsReader sharpnessReader() {
        return new MetricsReader(sharpnessFile());
    }

    /** Steps that have a checkpoint, ascending. */
    public List<Long> checkpointSteps() throws IOException {
        return steps(checkpointsFolder(), CHECKPOINT, false);
    }

    /** Steps that have an activation capture folder, ascending. */
    public List<Long> activationSteps() throws IOException {
        return steps(activationsFolder(), STEP_DIR, true);
    }

    /** Layers captured at {@code step}, sorted by name; empty if there is no such capture. */
    public List<String> activationLayers(long step) throws IOException {
        Path folder = activationsFolder().resolve("step-" + step);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(NPY) && !name.startsWith("."))
                    .map(name -> name.substring(0, name.length() - NPY.length()))
                    .sorted()
                    .toList();
        }
    }

    private static List<Long> steps(Path folder, Pattern pattern, boolean directories) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Long> steps = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Matcher m = pattern.matcher(entry.getFileName().toString());
                if (m.matches() && Files.isDirectory(entry) == directories) {
                    steps.add(Long.parseLong(m.group(1)));
                }
            }
        }
        steps.sort(null);
        return steps;
    }


    @Override
    public boolean equals(Object o) {
        return o instanceof RunDirectory other && dir.equals(other.dir);
    }

    @Override
    public int hashCode() {
        return dir.hashCode();
    }

    @Override
    public String toString() {
        return "RunDirectory[" + dir + "]";
    }
}
