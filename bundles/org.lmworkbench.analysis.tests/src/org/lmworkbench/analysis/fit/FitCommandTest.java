package org.lmworkbench.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lmw fit} end to end: arguments in, JSON file, summary and exit code out.
 *
 * <p>The Epoch test runs the full 4500-start grid on the reference data
 * {@code shared/data/svg_extracted_data.csv} (found by walking up from the working directory,
 * skipped when absent; a few seconds); everything else uses small synthetic files.
 */
class FitCommandTest {

    /** Plain Huber multistart optimum on the Epoch data (see EpochReplicationTest). */
    private static final String[] EPOCH_NAMES = {"E", "A", "B", "alpha", "beta"};
    private static final double[] EPOCH_OPTIMUM = {1.8172, 477.83, 2143.4, 0.34731, 0.36717};

    /** Top-level keys in document order without / with a bootstrap. */
    private static final List<String> KEYS = List.of("form", "formula", "params", "objective",
            "objective_kind", "starts", "starts_at_best", "points", "residuals", "bootstrap",
            "optimizer", "data", "timing_ms");

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        String firstErrorLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    static Result fit(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = FitCommand.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    static JsonObject readJson(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    static List<String> keys(JsonObject o) {
        return new ArrayList<>(o.keySet());
    }

    /** Writes a power-law CSV L = E + A x^-alpha with an extra text column and a quoted field. */
    private Path powerLawCsv(String name, double e, double a, double alpha, int n, double noise,
            long seed) throws IOException {
        java.util.Random rng = new java.util.Random(seed);
        StringBuilder csv = new StringBuilder("step,\"val loss\",note\n");
        for (int i = 0; i < n; i++) {
            double x = Math.pow(10, 6 + 5.0 * i / (n - 1));
            double y = (e + a * Math.pow(x, -alpha)) * Math.exp(noise * rng.nextGaussian());
            csv.append(String.format(Locale.ROOT, "%.17g,%.17g,\"run %d, seed 0\"%n", x, y, i));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    // ---------------------------------------------------------------- reference data

    @Test
    void epochReferenceDataReproducesTheKnownOptimum() throws IOException {
        Path csv = EpochChinchillaData.locate(Path.of(""));
        Assumptions.assumeTrue(csv != null, "shared/data/" + EpochChinchillaData.FILE_NAME
                + " not found above " + Path.of("").toAbsolutePath() + "; skipping");
        Path out = dir.resolve("tmp.json");
        Result r = fit("--form", "chinchilla", "--csv", csv.toString(), "--n", "Model Size",
                "--flop", "Training FLOP", "--loss", "loss", "--drop-highest", "5", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonObject json = readJson(out);
        List<String> expectedKeys = new ArrayList<>(KEYS);
        expectedKeys.add(expectedKeys.indexOf("bootstrap"), "compute_optimal");
        assertEquals(expectedKeys, keys(json));
        assertEquals("chinchilla", json.get("form").getAsString());
        assertEquals("L = E + A/N^alpha + B/D^beta", json.get("formula").getAsString());
        JsonObject params = json.getAsJsonObject("params");
        assertEquals(List.of(EPOCH_NAMES), keys(params));
        for (int k = 0; k < EPOCH_NAMES.length; k++) {
            assertEquals(EPOCH_OPTIMUM[k], params.get(EPOCH_NAMES[k]).getAsDouble(),
                    0.005 * EPOCH_OPTIMUM[k], EPOCH_NAMES[k]);
        }
        assertEquals(1.01827401780060e-3, json.get("objective").getAsDouble(), 1e-9);
        assertEquals("huber(log residual), delta=0.001", json.get("objective_kind").getAsString());
        assertEquals(4500, json.get("starts").getAsInt());
        int atBest = json.get("starts_at_best").getAsInt();
        assertTrue(atBest >= 1 && atBest < 4500, "starts_at_best " + atBest);
        assertEquals(240, json.get("points").getAsInt());
        assertEquals(245, json.getAsJsonObject("data").get("rows_read").getAsInt());
        assertEquals("epoch", json.getAsJsonObject("optimizer").get("grid").getAsString());

        JsonArray residuals = json.getAsJsonArray("residuals");
        assertEquals(240, residuals.size());
        for (JsonElement e : residuals) {
            JsonObject p = e.getAsJsonObject();
            assertEquals(List.of("x", "loss", "predicted", "log_residual"), keys(p));
            JsonArray x = p.getAsJsonArray("x");
            assertEquals(2, x.size());
            double predicted = ChinchillaLaw.loss(new double[] {
                params.get("E").getAsDouble(), params.get("A").getAsDouble(),
                params.get("B").getAsDouble(), params.get("alpha").getAsDouble(),
                params.get("beta").getAsDouble()}, x.get(0).getAsDouble(), x.get(1).getAsDouble());
            assertEquals(predicted, p.get("predicted").getAsDouble(), 1e-9 * predicted);
            assertEquals(Math.log(predicted / p.get("loss").getAsDouble()),
                    p.get("log_residual").getAsDouble(), 1e-9);
        }
        // The 5 dropped points are the highest losses of the file: all kept losses are below.
        double maxKept = 0;
        for (JsonElement e : residuals) {
            maxKept = Math.max(maxKept, e.getAsJsonObject().get("loss").getAsDouble());
        }
        assertTrue(maxKept < 4.0, "max kept loss " + maxKept);

        JsonObject opt = json.getAsJsonObject("compute_optimal");
        JsonArray frontier = opt.getAsJsonArray("frontier");
        assertEquals(17, frontier.size());
        assertEquals(1e18, frontier.get(0).getAsJsonObject().get("C").getAsDouble());
        assertEquals(1e26, frontier.get(16).getAsJsonObject().get("C").getAsDouble());
        double previousN = 0;
        for (JsonElement e : frontier) {
            JsonObject f = e.getAsJsonObject();
            double c = f.get("C").getAsDouble();
            double n = f.get("N").getAsDouble();
            double d = f.get("D").getAsDouble();
            assertEquals(c, 6 * n * d, 1e-9 * c, "C = 6 N D");
            assertTrue(n > previousN);
            previousN = n;
        }
        double tpp = opt.get("tokens_per_parameter").getAsDouble();
        assertTrue(tpp > 10 && tpp < 30, "tokens per parameter " + tpp);
        assertEquals(0, json.getAsJsonObject("bootstrap").get("resamples").getAsInt());
        assertTrue(r.out().contains("alpha      = 0.3473"), r.out());
    }

    // ---------------------------------------------------------------- synthetic data

    @Test
    void syntheticPowerLawIsRecovered() throws IOException {
        double[] truth = {1.7, 350, 0.32};
        Path csv = powerLawCsv("power.csv", truth[0], truth[1], truth[2], 30, 0, 1);
        Path out = dir.resolve("sub").resolve("power.json");
        Result r = fit("--form", "power", "--csv", csv.toString(), "--x", "step", "--y",
                "val loss", "--out", out.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        JsonObject json = readJson(out);
        assertEquals(KEYS, keys(json));
        assertEquals("power", json.get("form").getAsString());
        assertEquals("L = E + A/x^alpha", json.get("formula").getAsString());
        JsonObject params = json.getAsJsonObject("params");
        assertEquals(List.of("E", "A", "alpha"), keys(params));
        assertEquals(truth[0], params.get("E").getAsDouble(), 1e-6 * truth[0]);
        assertEquals(truth[1], params.get("A").getAsDouble(), 1e-6 * truth[1]);
        assertEquals(truth[2], params.get("alpha").getAsDouble(), 1e-6 * truth[2]);
        assertEquals(150, json.get("starts").getAsInt());
        assertEquals(30, json.get("points").getAsInt());
        for (JsonElement e : json.getAsJsonArray("residuals")) {
            assertEquals(0, e.getAsJsonObject().get("log_residual").getAsDouble(), 1e-8);
            assertEquals(1, e.getAsJsonObject().getAsJsonArray("x").size());
        }
        assertTrue(r.out().startsWith("power fit of 30 points from " + csv), r.out());
    }

    @Test
    void dropHighestRemovesOutliers() throws IOException {
        Path csv = powerLawCsv("outliers.csv", 1.7, 350, 0.32, 30, 0, 1);
        Files.writeString(csv, "1e7,40,\"x\"\n3e8,55,\"y\"\n2e9,70,z\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path out = dir.resolve("outliers.json");
        Result r = fit("--form", "power", "--csv", csv.toString(), "--x", "step", "--y",
                "val loss", "--drop-highest", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject json = readJson(out);
        assertEquals(30, json.get("points").getAsInt());
        assertEquals(33, json.getAsJsonObject("data").get("rows_read").getAsInt());
        assertEquals(1.7, json.getAsJsonObject("params").get("E").getAsDouble(), 1e-6 * 1.7);
        assertTrue(json.get("objective").getAsDouble() < 1e-15, json.get("objective").toString());
        for (JsonElement e : json.getAsJsonArray("residuals")) {
            assertTrue(e.getAsJsonObject().get("loss").getAsDouble() < 40, e.toString());
        }
        // Without dropping, the outliers stay in the fit: the Huber loss keeps the estimate
        // close, but it is no longer exact and each outlier costs about delta * |residual|.
        Result kept = fit("--form", "power", "--csv", csv.toString(), "--x", "step", "--y",
                "val loss", "--out", out.toString());
        assertEquals(0, kept.code(), kept.err());
        JsonObject all = readJson(out);
        assertEquals(33, all.get("points").getAsInt());
        assertNotEquals(1.7, all.getAsJsonObject("params").get("E").getAsDouble(), 1e-5);
        assertTrue(all.get("objective").getAsDouble() > 1e-3, all.get("objective").toString());
    }

    @Test
    void chinchillaFlopColumnMeansTokensFromSixND() throws IOException {
        double[] truth = {1.69, 406.4, 410.7, 0.34, 0.28};
        StringBuilder csv = new StringBuilder("N,D,FLOP,loss\n");
        for (int i = 0; i < 60; i++) {
            double n = Math.pow(10, 7 + 3.5 * (i % 10) / 9.0);
            double d = Math.pow(10, 9 + 3.0 * (i / 10) / 5.0 + 0.05 * (i % 3));
            csv.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g,%.17g%n", n, d, 6 * n * d,
                    ChinchillaLaw.loss(truth, n, d)));
        }
        Path file = dir.resolve("chin.csv");
        Files.writeString(file, csv);
        double[][] params = new double[2][];
        int k = 0;
        for (String[] tokens : new String[][] {{"--d", "D"}, {"--flop", "FLOP"}}) {
            Path out = dir.resolve("chin" + k + ".json");
            Result r = fit("--form", "chinchilla", "--csv", file.toString(), "--n", "N",
                    tokens[0], tokens[1], "--grid", "small", "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            JsonObject json = readJson(out);
            assertEquals(265, json.get("starts").getAsInt());
            assertEquals("small", json.getAsJsonObject("optimizer").get("grid").getAsString());
            assertEquals(tokens[0].equals("--flop"),
                    json.getAsJsonObject("data").get("d_from_flop").getAsBoolean());
            JsonObject p = json.getAsJsonObject("params");
            params[k] = new double[] {p.get("E").getAsDouble(), p.get("A").getAsDouble(),
                p.get("B").getAsDouble(), p.get("alpha").getAsDouble(),
                p.get("beta").getAsDouble()};
            for (int j = 0; j < truth.length; j++) {
                assertEquals(truth[j], params[k][j], 1e-6 * truth[j], tokens[0] + " " + j);
            }
            k++;
        }
        assertArrayEquals(params[0], params[1], 1e-7 * 2000);
    }

    @Test
    void bootstrapAddsStandardErrorsAndIsReproducible() throws IOException {
        Path csv = powerLawCsv("noisy.csv", 1.7, 350, 0.32, 40, 0.01, 5);
        Path out1 = dir.resolve("b1.json");
        Path out2 = dir.resolve("b2.json");
        Path out3 = dir.resolve("b3.json");
        String[] common = {"--form", "power", "--csv", csv.toString(), "--x", "step", "--y",
            "val loss", "--bootstrap", "20", "--grid", "small"};
        Result r1 = fit(concat(common, "--seed", "3", "--threads", "1", "--out", out1.toString()));
        Result r2 = fit(concat(common, "--seed", "3", "--threads", "3", "--out", out2.toString()));
        Result r3 = fit(concat(common, "--seed", "4", "--out", out3.toString()));
        assertEquals(0, r1.code(), r1.err());
        assertEquals(0, r2.code(), r2.err());
        assertEquals(0, r3.code(), r3.err());
        JsonObject j1 = readJson(out1);
        List<String> expected = new ArrayList<>(KEYS);
        expected.addAll(3, List.of("stderr", "ci95"));
        assertEquals(expected, keys(j1));
        JsonObject se = j1.getAsJsonObject("stderr");
        JsonObject ci = j1.getAsJsonObject("ci95");
        for (String name : List.of("E", "A", "alpha")) {
            double s = se.get(name).getAsDouble();
            assertTrue(s > 0 && Double.isFinite(s), name + " stderr " + s);
            JsonArray lohi = ci.getAsJsonArray(name);
            assertEquals(2, lohi.size());
            assertTrue(lohi.get(0).getAsDouble() < lohi.get(1).getAsDouble(), name + " " + lohi);
        }
        JsonObject boot = j1.getAsJsonObject("bootstrap");
        assertEquals(20, boot.get("resamples").getAsInt());
        assertEquals(3, boot.get("seed").getAsLong());
        assertTrue(r1.out().contains("±"), r1.out());
        // Same seed, different thread count: identical numbers; another seed: different ones.
        JsonObject j2 = readJson(out2);
        assertEquals(j1.get("params"), j2.get("params"));
        assertEquals(j1.get("stderr"), j2.get("stderr"));
        assertEquals(j1.get("ci95"), j2.get("ci95"));
        assertNotEquals(j1.get("stderr"), readJson(out3).get("stderr"));
        assertEquals(j1.get("params"), readJson(out3).get("params"));
    }

    @Test
    void outputIsReplacedWithoutLeavingTemporaryFiles() throws IOException {
        Path csv = powerLawCsv("p.csv", 1.7, 350, 0.32, 20, 0, 1);
        Path out = dir.resolve("res.json");
        Files.writeString(out, "old content");
        Result r = fit("--form", "power", "--csv", csv.toString(), "--x", "step", "--y",
                "val loss", "--grid", "20", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("power", readJson(out).get("form").getAsString());
        assertTrue(Files.readString(out).startsWith("{\n  \"form\": \"power\",\n"));
        // "--grid 20": at most 20 starts, thinned from the 150 with a prime stride (11 -> 14).
        assertEquals(14, readJson(out).get("starts").getAsInt());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("p.csv", "res.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void helpPrintsUsage() {
        Result r = fit("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("usage: lmw fit --form <power|chinchilla|broken>"), r.out());
        assertEquals("", r.err());
    }

    // ---------------------------------------------------------------- invalid input

    /** Runs, expects exit 2 with the given first error line and no output file. */
    private void assertInvalid(String expectedMessage, String... args) {
        Result r = fit(args);
        assertEquals(2, r.code(), r.err());
        assertEquals("fit: " + expectedMessage, r.firstErrorLine());
        assertEquals("", r.out());
        assertFalse(Files.exists(dir.resolve("o.json")), "no output on invalid input");
    }

    private String out() {
        return dir.resolve("o.json").toString();
    }

    @Test
    void emptyCsv() throws IOException {
        Path csv = Files.writeString(dir.resolve("empty.csv"), "");
        assertInvalid(csv + ": file is empty; expected a header row",
                "--form", "power", "--csv", csv.toString(), "--x", "x", "--out", out());
    }

    @Test
    void headerOnlyCsvHasTooFewPoints() throws IOException {
        Path csv = Files.writeString(dir.resolve("header.csv"), "x,loss\n");
        assertInvalid(csv + ": 0 data points but form 'power-law-with-offset' has 3 parameters"
                + " (E, A, alpha); at least 3 points are needed",
                "--form", "power", "--csv", csv.toString(), "--x", "x", "--out", out());
    }

    @Test
    void missingColumnListsAvailableColumns() throws IOException {
        Path csv = powerLawCsv("cols.csv", 1.7, 350, 0.32, 10, 0, 1);
        assertInvalid(csv + " line 1: no column 'tokens'; available columns: step, val loss, note",
                "--form", "power", "--csv", csv.toString(), "--x", "tokens", "--y", "val loss",
                "--out", out());
        assertInvalid(csv + " line 1: no column 'loss'; available columns: step, val loss, note",
                "--form", "power", "--csv", csv.toString(), "--x", "step", "--out", out());
    }

    @Test
    void nonPositiveLoss() throws IOException {
        Path csv = Files.writeString(dir.resolve("neg.csv"),
                "N,D,loss\n1e9,2e10,2.5\n2e9,4e10,0\n3e9,6e10,-1.5\n");
        assertInvalid(csv + " line 3, column 'loss': value 0 must be > 0 for a log fit",
                "--form", "chinchilla", "--csv", csv.toString(), "--n", "N", "--d", "D",
                "--out", out());
    }

    @Test
    void nonNumericCell() throws IOException {
        Path csv = Files.writeString(dir.resolve("text.csv"), "x,loss\n1,2.5\n2,n/a\n");
        assertInvalid(csv + " line 3, column 'loss': value 'n/a' is not a number",
                "--form", "power", "--csv", csv.toString(), "--x", "x", "--out", out());
    }

    @Test
    void unknownForm() {
        assertInvalid("invalid value for option '--form': unknown form 'cubic'; forms: power, chinchilla, broken",
                "--form", "cubic", "--csv", "x.csv", "--x", "x", "--out", out());
    }

    @Test
    void missingOut() {
        assertInvalid("missing required option: '--out=<file.json>'", "--form", "power", "--csv", "x.csv",
                "--x", "x");
    }

    @Test
    void nonexistentFile() {
        Path csv = dir.resolve("nope.csv");
        assertInvalid(csv + ": no such file",
                "--form", "power", "--csv", csv.toString(), "--x", "x", "--out", out());
    }

    @Test
    void badOptions() throws IOException {
        Path csv = powerLawCsv("opts.csv", 1.7, 350, 0.32, 10, 0, 1);
        String c = csv.toString();
        assertInvalid("unknown option: '--bogus'", "--form", "power", "--csv", c, "--x", "step",
                "--out", out(), "--bogus", "1");
        assertInvalid("missing required parameter for option '--x' (<col>)", "--form", "power", "--csv", c,
                "--out", out(), "--x");
        assertInvalid("invalid value for option '--delta': must be a finite number > 0, got -1.0", "--form",
                "power", "--csv", c, "--x", "step", "--out", out(), "--delta", "-1");
        assertInvalid("invalid value for option '--bootstrap': needs at least 2 resamples (or 0 for none),"
                + " got 1", "--form", "power", "--csv", c, "--x", "step", "--out", out(), "--bootstrap", "1");
        assertInvalid("invalid value for option '--threads': must be at least 1, got 0", "--form", "power",
                "--csv", c, "--x", "step", "--out", out(), "--threads", "0");
        assertInvalid("invalid value for option '--seed': 'abc' is not a whole number", "--form", "power",
                "--csv", c, "--x", "step", "--out", out(), "--seed", "abc");
        assertInvalid("option '--out' (<file.json>) should be specified only once", "--form", "power",
                "--csv", c, "--x", "step", "--out", out(), "--out", out());
        assertInvalid("invalid value for option '--grid': must be epoch, default, small or a positive number"
                + " of starts, got 'huge'", "--form", "power", "--csv", c, "--x", "step", "--out", out(),
                "--grid", "huge");
        assertInvalid("invalid value for option '--grid': epoch is defined for forms chinchilla and power"
                + " only; use default or small for form 'broken'", "--form", "broken", "--csv", c, "--x",
                "step", "--out", out(), "--grid", "epoch");
        assertInvalid("--x is for one-variable forms; form 'chinchilla' takes --n and --d (or"
                + " --flop)", "--form", "chinchilla", "--csv", c, "--x", "step", "--out", out());
        assertInvalid("give either --d <token column> or --flop <FLOP column>, not both",
                "--form", "chinchilla", "--csv", c, "--n", "a", "--d", "b", "--flop", "c",
                "--out", out());
        assertInvalid("--n is for form 'chinchilla'; form 'power' takes --x and --y",
                "--form", "power", "--csv", c, "--n", "step", "--out", out());
        assertInvalid(c + ": --drop-highest 10 would drop all 10 data points", "--form", "power",
                "--csv", c, "--x", "step", "--y", "val loss", "--drop-highest", "10", "--out",
                out());
        assertInvalid("--out " + dir + " is a directory; give a file name", "--form", "power",
                "--csv", c, "--x", "step", "--y", "val loss", "--out", dir.toString());
    }

    @Test
    void unwritableOutputIsAnInternalError() throws IOException {
        Path csv = powerLawCsv("w.csv", 1.7, 350, 0.32, 10, 0, 1);
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        Result r = fit("--form", "power", "--csv", csv.toString(), "--x", "step", "--y",
                "val loss", "--grid", "5", "--out", blocker.resolve("out.json").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.firstErrorLine().startsWith("fit: cannot write "), r.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
