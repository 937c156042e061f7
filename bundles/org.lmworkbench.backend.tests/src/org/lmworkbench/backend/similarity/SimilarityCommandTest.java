package org.lmworkbench.backend.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lmworkbench.backend.similarity.SimilarityFixtures.*;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.data.TruncatedArchives;
import org.lmworkbench.core.format.Npy;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.format.Npz;

/** The similarity command end to end on run directories and .npy files, and its input errors. */
class SimilarityCommandTest {

    private static NDManager m;

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        m = manager();
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    private int run(String... args) {
        return new SimilarityCommand().execute(args, new PrintStream(outBytes, true), new PrintStream(errBytes, true));
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8).trim();
    }

    private static void npy(Path file, double[][] x) throws IOException {
        double[] flat = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * x[0].length, x[0].length);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, Npy.encode(NpyArray.of(flat, x.length, x[0].length)));
    }

    private Path runDir(String id, long seed, int n) throws IOException {
        Path run = tmp.resolve("runs").resolve(id);
        npy(run.resolve("activations/step-0/hidden1.npy"), gaussian(seed, n, 3));
        npy(run.resolve("activations/step-10/hidden1.npy"), gaussian(seed + 1, n, 4));
        npy(run.resolve("activations/step-10/hidden2.npy"), gaussian(seed + 2, n, 5));
        return run;
    }

    private JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    @Test
    void layerByLayerMatrixOfTwoRunsAtTheLastStep() throws IOException {
        Path a = runDir("a", 1, 20);
        Path b = runDir("b", 11, 20);
        Path out = tmp.resolve("out/cka.json");
        assertEquals(0, run("--metric", "cka-kernel=linear-hsic=song-score", "--a", a.toString(), "--b", b.toString(),
                "--out", out.toString()), err());
        JsonObject r = json(out);
        assertEquals("cka-kernel=linear-hsic=song-score", r.get("metric").getAsString());
        assertEquals(20, r.get("n").getAsInt());
        assertEquals("[\"hidden1\",\"hidden2\"]", r.get("rows").toString());
        assertEquals(10, r.getAsJsonObject("inputs").getAsJsonObject("a").get("step").getAsLong());
        double expected = CkaMetric.linear(CkaMetric.Estimator.SONG).compute(rep(m, "x", gaussian(2, 20, 4)),
                rep(m, "y", gaussian(13, 20, 5)));
        assertEquals(expected, r.getAsJsonArray("matrix").get(0).getAsJsonArray().get(1).getAsDouble(), 1e-12);
        assertFalse(r.has("value"));
        assertTrue(r.getAsJsonObject("timings").has("total_seconds"));
    }

    @Test
    void singleFilesGiveOneValueAndBigEndianFilesReadCorrectly() throws IOException {
        double[][] x = gaussian(3, 12, 3);
        double[][] y = gaussian(4, 12, 2);
        npy(tmp.resolve("x.npy"), x);
        Files.write(tmp.resolve("y.npy"), bigEndian(y));
        Path out = tmp.resolve("pair.json");
        assertEquals(0, run("--metric", "procrustes-distance=angular", "--a", tmp.resolve("x.npy").toString(), "--b",
                tmp.resolve("y.npy").toString(), "--out", out.toString()), err());
        double expected = new ProcrustesMetric(ProcrustesMetric.Form.ANGULAR).compute(rep(m, "x", x), rep(m, "y", y));
        assertEquals(expected, json(out).get("value").getAsDouble(), 1e-12);
    }

    @Test
    void fortranOrderFilesAreReorderedNotMisread() throws IOException {
        double[][] x = gaussian(7, 10, 3);
        npy(tmp.resolve("c.npy"), x);
        Files.write(tmp.resolve("f.npy"), fortranOrder(x));
        Path out = tmp.resolve("f.json");
        assertEquals(0, run("--metric", "procrustes-distance=euclidean", "--a", tmp.resolve("c.npy").toString(), "--b",
                tmp.resolve("f.npy").toString(), "--out", out.toString()), err());
        assertEquals(0.0, json(out).get("value").getAsDouble(), 1e-7);
    }

    /** A little-endian float64 .npy with fortran_order True: the data is stored column by column. */
    private static byte[] fortranOrder(double[][] x) {
        String dict = "{'descr': '<f8', 'fortran_order': True, 'shape': (" + x.length + ", " + x[0].length + "), }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * x.length * x[0].length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (int j = 0; j < x[0].length; j++) {
            for (double[] row : x) {
                b.putDouble(row[j]);
            }
        }
        return b.array();
    }

    @Test
    void modelByModelMatrixAtOneLayer() throws IOException {
        Path a = runDir("a", 1, 16);
        Path b = runDir("b", 21, 16);
        Path c = runDir("c", 31, 16);
        Path out = tmp.resolve("models.json");
        assertEquals(0, run("--metric", "cka", "--models", a + "," + b + "," + c, "--layers", "hidden2", "--out",
                out.toString()), err());
        JsonObject r = json(out);
        assertEquals("cka-kernel=linear-hsic=song-score", r.get("metric").getAsString());
        assertEquals("[\"a\",\"b\",\"c\"]", r.get("cols").toString());
        assertEquals(1.0, r.getAsJsonArray("matrix").get(1).getAsJsonArray().get(1).getAsDouble(), 1e-12);
        assertTrue(r.getAsJsonObject("settings").has("estimator_rule"));
    }

    @Test
    void mismatchedExampleCountsExitWithTwoNamingBothFiles() throws IOException {
        npy(tmp.resolve("x.npy"), gaussian(1, 10, 2));
        npy(tmp.resolve("y.npy"), gaussian(2, 9, 2));
        assertEquals(2, run("--metric", "cca-score", "--a", tmp.resolve("x.npy").toString(), "--b",
                tmp.resolve("y.npy").toString(), "--out", tmp.resolve("o.json").toString()));
        assertEquals("similarity: " + tmp.resolve("x.npy") + " has 10 examples but " + tmp.resolve("y.npy")
                + " has 9; similarity compares the same examples in the same order", err());
        assertFalse(Files.exists(tmp.resolve("o.json")));
    }

    @Test
    void nanInARunIsReportedWithItsFile() throws IOException {
        Path a = runDir("a", 1, 8);
        double[][] bad = gaussian(5, 8, 5);
        bad[3][4] = Double.NaN;
        npy(a.resolve("activations/step-10/hidden2.npy"), bad);
        assertEquals(2, run("--metric", "cka", "--a", a.toString(), "--b", a.toString(), "--out",
                tmp.resolve("o.json").toString()));
        assertEquals("similarity: " + a.resolve("activations/step-10/hidden2.npy")
                + ": NaN at example 3, feature 4 (flat index 19); similarity needs finite activations", err());
    }

    @Test
    void unknownMetricAndMissingStepAreInputErrors() throws IOException {
        Path a = runDir("a", 1, 8);
        assertEquals(2, run("--metric", "nope", "--a", a.toString(), "--b", a.toString(), "--out", "x.json"));
        assertTrue(err().startsWith("similarity: unknown metric 'nope'; known metrics: cka-kernel=linear-hsic=gretton-score"));
        errBytes.reset();
        assertEquals(2, run("--metric", "cka", "--a", a.toString(), "--b", a.toString(), "--step", "5", "--out", "x.json"));
        assertEquals("similarity: " + a + ": no activations at step 5; captured steps: [0, 10]", err());
    }

    @Test
    void archiveCutAtAnEntryBoundaryIsAnInputErrorNamingTheFile() throws IOException {
        Map<String, NpyArray> layers = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            double[][] x = gaussian(i, 10, 3);
            double[] flat = new double[30];
            for (int r = 0; r < 10; r++) {
                System.arraycopy(x[r], 0, flat, r * 3, 3);
            }
            layers.put("layer" + i, NpyArray.of(flat, 10, 3));
        }
        Path whole = Files.write(tmp.resolve("whole.npz"), Npz.encode(layers));
        Path cut = Files.write(tmp.resolve("cut.npz"), Npz.encode(layers));
        int length = TruncatedArchives.cutAfterEntries(cut, 2);
        Path out = tmp.resolve("o.json");
        assertEquals(2, run("--metric", "cka", "--a", cut.toString(), "--b", whole.toString(), "--out", out.toString()));
        assertEquals("similarity: " + cut + ": incomplete .npz archive: the zip central directory is missing"
                + " (is the file, " + length + " bytes, cut off?)", err());
        assertFalse(Files.exists(out), "no result with fewer layers");
    }

    @Test
    void optionErrorsNameTheCommandOnceAndTheOption() {
        assertEquals(2, run("--metric", "cka", "--out", "a.json", "--out", "b.json"));
        assertEquals("similarity: option '--out' (<file.json>) should be specified only once\n"
                + "run 'lmw similarity --help' for usage", err());
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(outBytes.toString(StandardCharsets.UTF_8).contains("usage: lmw similarity"));
    }

    /** A '>f8' .npy file written by hand (numpy writes these with arr.astype('>f8')). */
    private static byte[] bigEndian(double[][] x) {
        String dict = "{'descr': '>f8', 'fortran_order': False, 'shape': (" + x.length + ", " + x[0].length + "), }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * x.length * x[0].length);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        b.order(ByteOrder.BIG_ENDIAN);
        for (double[] row : x) {
            for (double v : row) {
                b.putDouble(v);
            }
        }
        return b.array();
    }
}
