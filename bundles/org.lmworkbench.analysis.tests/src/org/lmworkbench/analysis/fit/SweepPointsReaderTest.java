package org.lmworkbench.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.analysis.fit.FitCommandTest.Result;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * {@code lmw fit --runs}: points from the final metrics of a sweep's completed runs, built here as
 * real run folders with the core bundle's {@link RunDirectory} and {@link RunStatus}.
 */
class SweepPointsReaderTest {

    private static final double E = 1.5;
    private static final double A = 20.0;
    private static final double ALPHA = 0.6;
    private static final int[] WIDTHS = {8, 16, 32, 64, 128, 256, 512};

    @TempDir
    Path dir;

    private static double law(double width) {
        return E + A * Math.pow(width, -ALPHA);
    }

    /** Creates a run and gives it a status of {@code state} and the metric lines given. */
    private static RunDirectory run(Path sweep, String id, ExperimentSpec spec, RunState state,
            String... metricLines) throws IOException {
        RunDirectory run = RunDirectory.create(sweep.resolve(RunDirectory.RUNS), id, spec);
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        RunStatus status = run.readStatus().started(t, "cpu", 1, 4242L);
        status = switch (state) {
            case QUEUED -> run.readStatus();
            case RUNNING -> status;
            case DIVERGED -> status.diverged(t.plusSeconds(5), 300, Double.NaN);
            default -> status.withProgress(1000, 0.5).ended(state, t.plusSeconds(9), null);
        };
        run.writeStatus(status);
        if (metricLines.length > 0) {
            Files.writeString(run.metricsFile(), String.join("\n", metricLines) + "\n");
        }
        return run;
    }

    private static ExperimentSpec widthSpec(int width) {
        return ExperimentSpec.withDefaults("eos", 0.05).withValue("model.width", width);
    }

    /**
     * A sweep over {@link #WIDTHS} whose final test loss follows the law exactly (earlier records
     * are off the law, and a later record without test_loss follows the last one), plus one
     * diverged run with a meaningless loss that must not be used.
     */
    private Path powerSweep() throws IOException {
        Path sweep = dir.resolve("sweep");
        for (int i = 0; i < WIDTHS.length; i++) {
            int w = WIDTHS[i];
            run(sweep, String.format("eos-%03d", i + 1), widthSpec(w), RunState.COMPLETED,
                    "{\"step\":0,\"train_loss\":9.0,\"test_loss\":9.5}",
                    "{\"step\":500,\"train_loss\":4.0,\"test_loss\":" + (law(w) + 1) + "}",
                    "{\"step\":1000,\"train_loss\":1.0,\"test_loss\":" + law(w) + "}",
                    "{\"step\":1000,\"sharpness\":38.5}");
        }
        run(sweep, "eos-008", widthSpec(1024), RunState.DIVERGED,
                "{\"step\":0,\"train_loss\":9.0,\"test_loss\":9.5}",
                "{\"step\":300,\"train_loss\":\"NaN\",\"test_loss\":1e-9}");
        return sweep;
    }

    // ---------------------------------------------------------------- end to end

    @Test
    void powerLawIsRecoveredFromCompletedRuns() throws IOException {
        Path sweep = powerSweep();
        Path out = dir.resolve("f.json");
        Result r = FitCommandTest.fit("--form", "power", "--runs", sweep.toString(), "--x",
                "model.width", "--loss", "test_loss", "--out", out.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("skipped " + sweep.resolve("runs").resolve("eos-008") + ": state diverged",
                lines.get(0));
        assertEquals("power fit of 7 points from the completed runs of " + sweep, lines.get(1));

        JsonObject json = FitCommandTest.readJson(out);
        JsonObject params = json.getAsJsonObject("params");
        assertEquals(E, params.get("E").getAsDouble(), 1e-6 * E);
        assertEquals(A, params.get("A").getAsDouble(), 1e-6 * A);
        assertEquals(ALPHA, params.get("alpha").getAsDouble(), 1e-6 * ALPHA);
        assertEquals(7, json.get("points").getAsInt());
        JsonArray residuals = json.getAsJsonArray("residuals");
        assertEquals(7, residuals.size());
        for (int i = 0; i < WIDTHS.length; i++) {
            JsonObject p = residuals.get(i).getAsJsonObject();
            assertEquals(List.of("run", "x", "loss", "predicted", "log_residual"),
                    new ArrayList<>(p.keySet()));
            assertEquals(String.format("eos-%03d", i + 1), p.get("run").getAsString());
            assertEquals(WIDTHS[i], p.getAsJsonArray("x").get(0).getAsDouble());
            assertEquals(law(WIDTHS[i]), p.get("loss").getAsDouble());
            assertEquals(0, p.get("log_residual").getAsDouble(), 1e-8);
        }
        JsonObject data = json.getAsJsonObject("data");
        assertEquals(List.of("runs", "inputs", "loss", "runs_read", "runs_skipped",
                "dropped_highest"), new ArrayList<>(data.keySet()));
        assertEquals(sweep.toString(), data.get("runs").getAsString());
        assertEquals("model.width", data.getAsJsonArray("inputs").get(0).getAsString());
        assertEquals("test_loss", data.get("loss").getAsString());
        assertEquals(7, data.get("runs_read").getAsInt());
        JsonArray skipped = data.getAsJsonArray("runs_skipped");
        assertEquals(1, skipped.size());
        assertEquals("eos-008", skipped.get(0).getAsJsonObject().get("run").getAsString());
        assertEquals("diverged", skipped.get(0).getAsJsonObject().get("state").getAsString());
    }

    @Test
    void lossDefaultsToTestLossAndTheRunsFolderItselfIsAccepted() throws IOException {
        Path sweep = powerSweep();
        Path out = dir.resolve("g.json");
        Result r = FitCommandTest.fit("--form", "power", "--runs",
                sweep.resolve("runs").toString(), "--x", "model.width", "--grid", "small",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject json = FitCommandTest.readJson(out);
        assertEquals("test_loss", json.getAsJsonObject("data").get("loss").getAsString());
        assertEquals(7, json.get("points").getAsInt());
    }

    @Test
    void dropHighestKeepsRunIdsWithTheirPoints() throws IOException {
        Path sweep = powerSweep();
        Path out = dir.resolve("d.json");
        Result r = FitCommandTest.fit("--form", "power", "--runs", sweep.toString(), "--x",
                "model.width", "--drop-highest", "2", "--grid", "small", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> ids = new ArrayList<>();
        for (JsonElement e : FitCommandTest.readJson(out).getAsJsonArray("residuals")) {
            ids.add(e.getAsJsonObject().get("run").getAsString());
            // The run's own width stays with its id.
            int index = Integer.parseInt(ids.get(ids.size() - 1).substring(4)) - 1;
            assertEquals(WIDTHS[index],
                    e.getAsJsonObject().getAsJsonArray("x").get(0).getAsDouble());
        }
        // Smallest widths have the highest loss.
        assertEquals(List.of("eos-003", "eos-004", "eos-005", "eos-006", "eos-007"), ids);
    }

    @Test
    void chinchillaTakesSpecKeysAndMetricKeys() throws IOException {
        Path sweep = dir.resolve("chin");
        int id = 0;
        List<double[]> expected = new ArrayList<>();
        for (int w : new int[] {16, 64, 256}) {
            for (long tokens : new long[] {1000, 4000, 16000, 64000}) {
                ExperimentSpec spec = widthSpec(w).withValue("data.n_train", (int) (tokens / 10));
                double loss = 1.2 + 30 * Math.pow(w, -0.5) + 400 * Math.pow(tokens, -0.4);
                run(sweep, "c-" + ++id, spec, RunState.COMPLETED,
                        "{\"step\":10,\"tokens_seen\":" + tokens / 2 + ",\"test_loss\":9}",
                        "{\"step\":20,\"tokens_seen\":" + tokens + ",\"test_loss\":" + loss + "}");
                expected.add(new double[] {w, tokens, loss});
            }
        }
        Path out = dir.resolve("c.json");
        Result r = FitCommandTest.fit("--form", "chinchilla", "--runs", sweep.toString(), "--n",
                "model.width", "--d", "tokens_seen", "--grid", "small", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonArray residuals = FitCommandTest.readJson(out).getAsJsonArray("residuals");
        assertEquals(12, residuals.size());
        // RunDirectory.list sorts by name: c-1, c-10, c-11, c-12, c-2, ...
        List<String> order = List.of("c-1", "c-10", "c-11", "c-12", "c-2", "c-3", "c-4", "c-5",
                "c-6", "c-7", "c-8", "c-9");
        for (int i = 0; i < 12; i++) {
            JsonObject p = residuals.get(i).getAsJsonObject();
            String run = p.get("run").getAsString();
            assertEquals(order.get(i), run);
            double[] e = expected.get(Integer.parseInt(run.substring(2)) - 1);
            JsonArray x = p.getAsJsonArray("x");
            assertArrayEquals(new double[] {e[0], e[1]},
                    new double[] {x.get(0).getAsDouble(), x.get(1).getAsDouble()});
            assertEquals(e[2], p.get("loss").getAsDouble());
        }
    }

    @Test
    void readerReturnsAScalingDatasetWithRunIds() throws IOException {
        Path sweep = powerSweep();
        List<SweepPointsReader.Skipped> skipped = new ArrayList<>();
        ScalingDataset data = SweepPointsReader.read(sweep, "test_loss",
                List.of("model.width"), skipped::add);
        assertEquals(sweep.toString(), data.source());
        assertEquals(List.of("model.width"), data.inputNames());
        assertEquals("test_loss", data.lossName());
        assertEquals(List.of("eos-001", "eos-002", "eos-003", "eos-004", "eos-005", "eos-006",
                "eos-007"), data.pointIds());
        assertArrayEquals(new double[] {8, 16, 32, 64, 128, 256, 512}, data.input(0));
        assertEquals(law(512), data.loss()[6]);
        assertEquals(List.of(new SweepPointsReader.Skipped("eos-008",
                sweep.resolve("runs").resolve("eos-008"), "diverged")), skipped);
    }

    @Test
    void aSpecFileSelectsOnlyItsOwnRuns() throws IOException {
        Path sweep = powerSweep();
        // another experiment in the same project, far off the law: it must not become a point
        run(sweep, "other-000", ExperimentSpec.withDefaults("other", 0.1).withValue("model.width", 64),
                RunState.COMPLETED, "{\"step\":10,\"test_loss\":123.0}");
        Path spec = Files.writeString(sweep.resolve("eos.lmx"), "{\"name\": \"eos\"}");
        List<SweepPointsReader.Skipped> skipped = new ArrayList<>();
        ScalingDataset data = SweepPointsReader.read(spec, "test_loss", List.of("model.width"),
                skipped::add);
        assertEquals(List.of("eos-001", "eos-002", "eos-003", "eos-004", "eos-005", "eos-006",
                "eos-007"), data.pointIds());
        assertEquals(1, skipped.size(), "the diverged eos run is still reported");

        ScalingDataset all = SweepPointsReader.read(sweep, "test_loss", List.of("model.width"),
                s -> { });
        assertEquals(8, all.pointIds().size(), "the folder itself takes every completed run");

        Path stranger = Files.writeString(sweep.resolve("none.lmx"), "{\"name\": \"none\"}");
        ScalingDataException e = assertThrows(ScalingDataException.class,
                () -> SweepPointsReader.read(stranger, "test_loss", List.of("model.width"), s -> { }));
        assertTrue(e.getMessage().contains("no runs of spec 'none'"), e.getMessage());
    }

    // ---------------------------------------------------------------- invalid input

    /** Runs, expects exit 2 with the given first error line and no output file. */
    private Result assertInvalid(String expectedMessage, String... args) {
        Result r = FitCommandTest.fit(args);
        assertEquals(2, r.code(), r.err());
        assertEquals("fit: " + expectedMessage, r.firstErrorLine());
        assertFalse(Files.exists(dir.resolve("o.json")), "no output on invalid input");
        return r;
    }

    private String out() {
        return dir.resolve("o.json").toString();
    }

    @Test
    void unknownKeyListsAvailableKeys() throws IOException {
        Path sweep = powerSweep();
        Path first = sweep.resolve("runs").resolve("eos-001");
        assertInvalid(first + ": 'model.widht' is neither a spec key nor a metric of the run"
                + " (did you mean 'model.width'?); metric keys: step, train_loss, test_loss,"
                + " sharpness; spec keys such as model.width, model.depth, data.n_train,"
                + " optimizer.lr",
                "--form", "power", "--runs", sweep.toString(), "--x", "model.widht", "--out",
                out());
        assertInvalid(first + ": no metrics record has 'val_loss'; metric keys: step,"
                + " train_loss, test_loss, sharpness",
                "--form", "power", "--runs", sweep.toString(), "--x", "model.width", "--loss",
                "val_loss", "--out", out());
        assertInvalid(first + ": the parameter count ('params') is unavailable: the run records"
                + " no 'params' metric; metric keys: step, train_loss, test_loss, sharpness; or"
                + " use a spec key such as model.width",
                "--form", "power", "--runs", sweep.toString(), "--x", "params", "--out", out());
    }

    @Test
    void noCompletedRunsIsAnError() throws IOException {
        Path sweep = dir.resolve("failed");
        run(sweep, "eos-001", widthSpec(8), RunState.DIVERGED);
        run(sweep, "eos-002", widthSpec(16), RunState.RUNNING);
        run(sweep, "eos-003", widthSpec(32), RunState.QUEUED);
        Result r = assertInvalid(sweep + ": no completed runs among 3 runs; only runs in state"
                + " completed give points",
                "--form", "power", "--runs", sweep.toString(), "--x", "model.width", "--out",
                out());
        Path runs = sweep.resolve("runs");
        assertEquals(List.of("skipped " + runs.resolve("eos-001") + ": state diverged",
                "skipped " + runs.resolve("eos-002") + ": state running",
                "skipped " + runs.resolve("eos-003") + ": state queued"), r.out().lines().toList());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertInvalid(empty + ": no runs found (expected run folders " + empty.resolve("runs")
                + "/<run-id>/ with a status.json)",
                "--form", "power", "--runs", empty.toString(), "--x", "model.width", "--out",
                out());
        assertInvalid(dir.resolve("nope") + ": no such directory", "--form", "power", "--runs",
                dir.resolve("nope").toString(), "--x", "model.width", "--out", out());
    }

    @Test
    void nonPositiveOrNonNumericValuesNameTheRunAndKey() throws IOException {
        Path sweep = dir.resolve("bad");
        run(sweep, "eos-001", widthSpec(8), RunState.COMPLETED,
                "{\"step\":10,\"width\":8,\"grad_norm\":1.5,\"test_loss\":2.5}");
        run(sweep, "eos-002", widthSpec(16), RunState.COMPLETED,
                "{\"step\":10,\"width\":16,\"grad_norm\":1.5,\"test_loss\":2.0}");
        run(sweep, "eos-003", widthSpec(32), RunState.COMPLETED,
                "{\"step\":10,\"width\":0,\"test_loss\":-0.5}",
                "{\"step\":20,\"grad_norm\":\"Infinity\",\"label\":\"wide\"}");
        Path first = sweep.resolve("runs").resolve("eos-001");
        Path third = sweep.resolve("runs").resolve("eos-003");
        String s = sweep.toString();
        // A width can be 0 only in metrics: the spec validator keeps model.width >= 1.
        assertInvalid(third + ": width = 0 must be > 0 for a log fit",
                "--form", "power", "--runs", s, "--x", "width", "--out", out());
        assertInvalid(first + ": optimizer.weight_decay = 0.0 must be > 0 for a log fit",
                "--form", "power", "--runs", s, "--x", "optimizer.weight_decay", "--out", out());
        assertInvalid(third + ": test_loss = -0.5 must be > 0 for a log fit",
                "--form", "power", "--runs", s, "--x", "model.width", "--out", out());
        assertInvalid(third + ": grad_norm = Infinity is not a finite number",
                "--form", "power", "--runs", s, "--x", "grad_norm", "--out", out());
        assertInvalid(first + ": model.activation = 'relu'"
                + " is not a number",
                "--form", "power", "--runs", s, "--x", "model.activation", "--out", out());
    }

    @Test
    void lastRecordWithTheKeyWinsAndNonNumbersAreRejected() throws IOException {
        Path sweep = dir.resolve("last");
        run(sweep, "r", widthSpec(8), RunState.COMPLETED,
                "{\"step\":10,\"width\":8,\"test_loss\":2.5}",
                "{\"step\":20,\"width\":\"wide\",\"test_loss\":2.0}",
                "{\"step\":30,\"train_loss\":1.0}");
        ScalingDataException e = assertThrows(ScalingDataException.class,
                () -> SweepPointsReader.read(sweep, "test_loss", List.of("width"), s -> { }));
        assertEquals(sweep.resolve("runs").resolve("r") + ": width = \"wide\" (metrics.jsonl line"
                + " 2) is not a number", e.getMessage());
        ScalingDataset data = SweepPointsReader.read(sweep, "test_loss",
                List.of("model.width"), s -> { });
        assertArrayEquals(new double[] {2.0}, data.loss());
    }

    @Test
    void csvAndRunsExcludeEachOther() {
        assertInvalid("give either --csv <file> or --runs <sweep-dir>, not both", "--form",
                "power", "--csv", "a.csv", "--runs", "sweep", "--x", "w", "--out", out());
        assertInvalid("missing required option: '--csv=<file>' or '--runs=<sweep-dir>'", "--form", "power",
                "--x", "w", "--out", out());
    }

    @Test
    void usageDescribesRuns() {
        Result r = FitCommandTest.fit("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--runs <dir>"), r.out());
        assertTrue(r.out().contains("default test_loss"), r.out());
    }
}
