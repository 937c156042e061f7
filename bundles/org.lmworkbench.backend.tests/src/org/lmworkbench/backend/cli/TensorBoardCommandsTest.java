package org.lmworkbench.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.MetricsWriter;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * {@code lmw tensorboard-export} and {@code lmw import} in the command table: listed by
 * {@code lmw help}, runs chosen by folder, project or spec, the export read back by the import with
 * the values the runs logged (as float32, TensorBoard's precision), and every bad input exit code
 * 2 with the file at fault and nothing written.
 */
class TensorBoardCommandsTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    /** The command line in this JVM; these commands never load the engine. */
    private static Result lmw(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A completed run of spec {@code spec} with train_loss = 1/(step+1) and test_acc = step/100. */
    private RunDirectory run(String id, String spec, int steps) throws IOException {
        RunDirectory run = RunDirectory.create(dir.resolve("project/runs"), id,
                ExperimentSpec.withDefaults(spec, 0.1).withValue("training.steps", steps));
        run.writeStatus(run.readStatus().started(Instant.parse("2026-01-01T00:00:00Z"), "cpu", 1, 1L)
                .withProgress(steps, null).ended(RunState.COMPLETED, Instant.parse("2026-01-01T00:01:00Z"), null));
        try (MetricsWriter w = MetricsWriter.open(run.metricsFile())) {
            for (int step = 0; step <= steps; step += 10) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("step", step);
                line.put("train_loss", 1.0 / (step + 1));
                line.put("test_acc", step / 100.0);
                line.put("wall_time", step * 0.5);
                w.append(line);
            }
        }
        return run;
    }

    @Test
    void helpListsBothCommands() {
        Result help = lmw("help");
        assertEquals(ExitCodes.OK, help.code());
        assertTrue(help.out().contains("tensorboard-export <run-dir>... --out <dir>"), help.out());
        assertTrue(help.out().contains("import <tfevents-dir|csv> --project <dir>"), help.out());
        assertTrue(lmw("import", "--help").out().contains("--project DIR"));
    }

    @Test
    void theRunsOfASpecAreExportedAndImportedBackWithTheirValues() throws Exception {
        run("a-000", "a", 50);
        run("a-001", "a", 30);
        run("b-000", "b", 20);
        Path spec = Files.writeString(dir.resolve("project/a.lmx"), """
                {"name": "a", "optimizer": {"lr": 0.1}}
                """);
        Path tb = dir.resolve("tb");
        Result export = lmw("tensorboard-export", "--spec", spec.toString(), "--out", tb.toString());
        assertEquals(ExitCodes.OK, export.code(), export.toString());
        try (Stream<Path> folders = Files.list(tb)) {
            assertEquals(List.of("a-000", "a-001"), folders.map(p -> p.getFileName().toString()).sorted().toList(),
                    "only the spec's runs, one folder each");
        }
        assertTrue(export.out().contains("tensorboard --logdir " + tb), export.out());

        Result imported = lmw("import", tb.toString(), "--project", dir.resolve("copy").toString());
        assertEquals(ExitCodes.OK, imported.code(), imported.toString());
        assertTrue(imported.out().contains("2 runs imported"), imported.out());
        for (String id : List.of("a-000", "a-001")) {
            Map<Long, Double> want = column(dir.resolve("project/runs").resolve(id), "train_loss");
            Map<Long, Double> got = column(dir.resolve("copy/runs").resolve(id), "train_loss");
            assertEquals(want.keySet(), got.keySet(), id);
            want.forEach((step, value) -> assertEquals((float) value.doubleValue(), got.get(step), 0.0, id + " " + step));
            assertEquals(column(dir.resolve("project/runs").resolve(id), "test_acc").size(),
                    column(dir.resolve("copy/runs").resolve(id), "test_acc").size());
        }

        Result project = lmw("tensorboard-export", "--project", dir.resolve("project").toString(), "--out",
                dir.resolve("all").toString());
        assertEquals(ExitCodes.OK, project.code(), project.toString());
        assertTrue(project.out().contains("3 runs written"), project.out());
    }

    @Test
    void aCsvTableBecomesARun() throws Exception {
        Path csv = Files.writeString(dir.resolve("baseline.csv"), "step,loss,wall_time\n0,2.5,100\n10,1.25,101\n");
        Result r = lmw("import", csv.toString(), "--project", dir.resolve("p").toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(Map.of(0L, 2.5, 10L, 1.25), column(dir.resolve("p/runs/baseline"), "loss"));
    }

    @Test
    void badInputIsExitCodeTwoNamingTheFileAndWritesNothing() throws Exception {
        RunDirectory a = run("a-000", "a", 20);
        Path tb = dir.resolve("tb");
        Result missing = lmw("tensorboard-export", dir.resolve("nowhere").toString(), "--out", tb.toString());
        assertEquals(ExitCodes.INVALID_INPUT, missing.code());
        assertTrue(missing.err().contains(dir.resolve("nowhere") + ": no such run folder"), missing.err());

        assertEquals(ExitCodes.OK, lmw("tensorboard-export", a.path().toString(), "--out", tb.toString()).code());
        Result again = lmw("tensorboard-export", a.path().toString(), "--out", tb.toString());
        assertEquals(ExitCodes.INVALID_INPUT, again.code());
        assertTrue(again.err().contains("already holds an event file"), again.err());

        Result both = lmw("tensorboard-export", a.path().toString(), "--project", dir.toString(), "--out", tb.toString());
        assertEquals(ExitCodes.INVALID_INPUT, both.code());
        assertTrue(both.err().contains("not both"), both.err());
        assertEquals(ExitCodes.INVALID_INPUT, lmw("tensorboard-export", a.path().toString()).code(), "--out is required");

        Path damaged = Files.createDirectories(dir.resolve("damaged"));
        byte[] file;
        try (Stream<Path> files = Files.walk(tb)) {
            file = Files.readAllBytes(files.filter(f -> f.getFileName().toString().contains("tfevents")).findFirst().get());
        }
        file[file.length - 6] ^= 0x55; // a payload byte of the last record: its checksum no longer matches
        Path event = Files.write(damaged.resolve("events.out.tfevents.1.host.1.0"), file);
        Result corrupt = lmw("import", damaged.toString(), "--project", dir.resolve("q").toString());
        assertEquals(ExitCodes.INVALID_INPUT, corrupt.code(), corrupt.toString());
        assertTrue(corrupt.err().contains(event.toString()) && corrupt.err().contains("at byte"), corrupt.err());
        assertFalse(Files.exists(dir.resolve("q/runs/damaged")), "no run from a damaged log");

        Path csv = Files.writeString(dir.resolve("bad.csv"), "step,loss\n0,1\n1,x\n");
        Result row = lmw("import", csv.toString(), "--project", dir.resolve("q").toString());
        assertEquals(ExitCodes.INVALID_INPUT, row.code());
        assertTrue(row.err().contains(csv + ":3:"), row.err());
        assertFalse(Files.exists(dir.resolve("q/runs/bad")));
    }

    private static Map<Long, Double> column(Path run, String metric) throws IOException {
        Map<Long, Double> values = new TreeMap<>();
        for (MetricsRecord r : MetricsReader.readAll(run.resolve(RunDirectory.METRICS))) {
            if (r.has(metric)) {
                values.put(r.step(), r.number(metric));
            }
        }
        return values;
    }
}
