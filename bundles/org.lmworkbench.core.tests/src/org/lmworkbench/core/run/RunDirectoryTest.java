package org.lmworkbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.spec.ExperimentSpec;

/** The run folder layout: creation, discovery, listings. */
class RunDirectoryTest {

    @TempDir
    Path project;

    private Path runs() {
        return project.resolve(RunDirectory.RUNS);
    }

    @Test
    void createWritesSpecAndQueuedStatus() throws IOException {
        ExperimentSpec spec = ExperimentSpec.withDefaults("eos", 0.05).withValue("training.steps", 300);
        RunDirectory run = RunDirectory.create(runs(), "eos-003", spec);
        assertEquals(runs().resolve("eos-003"), run.path());
        assertEquals("eos-003", run.runId());
        assertEquals(spec, run.readSpec());
        RunStatus status = run.readStatus();
        assertEquals(RunState.QUEUED, status.state());
        assertEquals(300, status.totalSteps());
        try (Stream<Path> left = Files.list(runs())) {
            assertEquals(List.of("eos-003"), left.map(p -> p.getFileName().toString()).toList(), "no staging folder left");
        }
    }

    @Test
    void createRefusesExistingRunsAndUnsafeIds() throws IOException {
        ExperimentSpec spec = ExperimentSpec.withDefaults("eos", 0.05);
        RunDirectory.create(runs(), "eos", spec);
        assertThrows(FileAlreadyExistsException.class, () -> RunDirectory.create(runs(), "eos", spec));
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.create(runs(), "../evil", spec));
    }

    @Test
    void listFindsFoldersWithStatusOrSpecOnly() throws IOException {
        ExperimentSpec spec = ExperimentSpec.withDefaults("eos", 0.05);
        RunDirectory.create(runs(), "b-run", spec);
        Files.createDirectories(runs().resolve("a-spec-only"));
        Files.writeString(runs().resolve("a-spec-only").resolve(RunDirectory.SPEC), spec.toJson());
        Files.createDirectories(runs().resolve("c-empty"));
        Files.createDirectories(runs().resolve(".eos-123"));
        Files.writeString(runs().resolve(".eos-123").resolve(RunDirectory.STATUS), "{}");
        assertEquals(List.of("a-spec-only", "b-run"), RunDirectory.list(project).stream().map(RunDirectory::runId).toList());
        assertEquals(List.of(), RunDirectory.list(project.resolve("elsewhere")));
    }

    @Test
    void checkpointStepsAreSortedNumerically() throws IOException {
        RunDirectory run = RunDirectory.create(runs(), "ck", ExperimentSpec.withDefaults("ck", 0.1));
        assertEquals(List.of(), run.checkpointSteps());
        Files.createDirectories(run.checkpointsFolder());
        for (long step : new long[] {1000, 50, 200}) {
            Files.write(run.checkpointFile(step), new byte[] {0});
        }
        Files.writeString(run.checkpointsFolder().resolve("notes.txt"), "x");
        Files.write(run.checkpointsFolder().resolve(".step-300.npz.123.tmp"), new byte[] {0});
        assertEquals(List.of(50L, 200L, 1000L), run.checkpointSteps());
        assertEquals(run.path().resolve("checkpoints/step-50.npz"), run.checkpointFile(50));
    }

    @Test
    void activationStepsAndLayers() throws IOException {
        RunDirectory run = RunDirectory.create(runs(), "act", ExperimentSpec.withDefaults("act", 0.1));
        for (long step : new long[] {100, 0}) {
            for (String layer : new String[] {"hidden2", "hidden1"}) {
                Path file = run.activationFile(step, layer);
                Files.createDirectories(file.getParent());
                Files.write(file, new byte[] {0});
            }
        }
        assertEquals(List.of(0L, 100L), run.activationSteps());
        assertEquals(List.of("hidden1", "hidden2"), run.activationLayers(100));
        assertEquals(List.of(), run.activationLayers(7));
        assertThrows(IllegalArgumentException.class, () -> run.activationFile(0, "../x"));
    }

    @Test
    void filesLiveWhereTheContractSays() {
        RunDirectory run = new RunDirectory(runs().resolve("r"));
        assertEquals(runs().resolve("r/metrics.jsonl"), run.metricsFile());
        assertEquals(runs().resolve("r/probes/sharpness.jsonl"), run.sharpnessFile());
        assertEquals(runs().resolve("r/log.txt"), run.logFile());
        assertEquals(runs().resolve("r/activations/step-10/fc1.npy"), run.activationFile(10, "fc1"));
        assertTrue(run.sharpnessReader().file().endsWith(Path.of("probes", "sharpness.jsonl")));
    }

    @Test
    void corruptSpecNamesTheFile() throws IOException {
        RunDirectory run = RunDirectory.create(runs(), "bad", ExperimentSpec.withDefaults("bad", 0.1));
        Files.writeString(run.specFile(), "{\"name\": \"bad\"}");
        RunFileException e = assertThrows(RunFileException.class, run::readSpec);
        assertEquals(run.specFile() + ": not a valid run spec: line 1, column 1: ERROR: missing required key 'lr' in $.optimizer",
                e.getMessage());
    }

    @Test
    void specNameIsTheNameInSpecJsonReadWithoutValidatingTheRest() throws IOException {
        RunDirectory run = RunDirectory.create(runs(), "eos-000", ExperimentSpec.withDefaults("eos", 0.05));
        assertEquals("eos", run.specName());
        Files.writeString(run.specFile(), "{\"name\": \"old\", \"model\": {\"widht\": 3}}");
        assertEquals("old", run.specName(), "a spec of an older version still names its spec");
        Files.delete(run.specFile());
        assertEquals(null, run.specName(), "an imported run has no spec");
    }

    @Test
    void aSpecFileIsNamedByItsNameEvenWithErrorsAndElseByTheFile() throws IOException {
        Path valid = Files.writeString(project.resolve("a.lmx"), "{\"name\": \"sweep-a\", \"optimizer\": {\"lr\": 0.1}}");
        assertEquals("sweep-a", org.lmworkbench.core.spec.Specs.name(valid));
        Path invalid = Files.writeString(project.resolve("b.lmx"), "{\"name\": \"b-name\", \"model\": {\"width\": -1}}");
        assertEquals("b-name", org.lmworkbench.core.spec.Specs.name(invalid));
        Path broken = Files.writeString(project.resolve("c.experiment.json"), "{\"name\": ");
        assertEquals("c", org.lmworkbench.core.spec.Specs.name(broken));
    }

    @Test
    void temporaryFilesOfInterruptedWritesAreRemovedAndNamed() throws IOException {
        RunDirectory run = RunDirectory.create(runs(), "tmp", ExperimentSpec.withDefaults("tmp", 0.1));
        Path checkpoint = Files.createDirectories(run.checkpointsFolder()).resolve(".step-20.npz.3k9x.tmp");
        Path activation = Files.createDirectories(run.activationsFolder().resolve("step-20")).resolve(".hidden1.npy.77.tmp");
        Path status = run.path().resolve(".status.json.abc.tmp");
        for (Path p : List.of(checkpoint, activation, status)) {
            Files.writeString(p, "half");
        }
        Path kept = Files.writeString(run.checkpointsFolder().resolve("step-10.npz"), "x");
        assertEquals(List.of(Path.of(".status.json.abc.tmp"), Path.of("activations/step-20/.hidden1.npy.77.tmp"),
                Path.of("checkpoints/.step-20.npz.3k9x.tmp")), run.removeTemporaryFiles());
        assertTrue(Files.exists(kept));
        assertTrue(Files.notExists(checkpoint) && Files.notExists(activation) && Files.notExists(status));
        assertEquals(List.of(), run.removeTemporaryFiles());
    }

    @Test
    void theFinalStatusIsWrittenInPlaceWhenNoNewFileCanBeMade() throws IOException {
        RunDirectory run = RunDirectory.create(runs(), "full", ExperimentSpec.withDefaults("full", 0.1));
        RunStatus running = run.readStatus().started(java.time.Instant.now(), "cpu", 1, 42L);
        run.writeStatus(running);
        // A folder no new file can be created in, as on a disk without free inodes.
        java.util.Set<java.nio.file.attribute.PosixFilePermission> before = Files.getPosixFilePermissions(run.path());
        Files.setPosixFilePermissions(run.path(), java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(run.path()),
                    "this user can write a read-only folder (root), so no write can fail here");
            RunStatus failed = running.ended(RunState.FAILED, java.time.Instant.now(), "no space left on the device");
            assertThrows(IOException.class, () -> run.writeStatus(failed));
            run.writeFinalStatus(failed);
            assertEquals(RunState.FAILED, run.readStatus().state());
        } finally {
            Files.setPosixFilePermissions(run.path(), before);
        }
    }
}
