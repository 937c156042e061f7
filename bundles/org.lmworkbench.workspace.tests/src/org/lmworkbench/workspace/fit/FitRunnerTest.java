package org.lmworkbench.workspace.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.analysis.fit.BootstrapEstimator;
import org.lmworkbench.analysis.fit.BootstrapResult;
import org.lmworkbench.analysis.fit.ChinchillaLaw;
import org.lmworkbench.analysis.fit.EpochChinchillaData;
import org.lmworkbench.analysis.fit.FitCommand;
import org.lmworkbench.analysis.fit.MultiStartFitter;
import org.lmworkbench.analysis.fit.MultiStartResult;
import org.lmworkbench.analysis.fit.ScalingDataException;
import org.lmworkbench.analysis.fit.ScalingDataset;
import org.lmworkbench.testing.Fixtures;
import org.lmworkbench.testing.WidthSweep;

/**
 * The editor's in-process fit ({@link FitRunner}, the code the fit job runs) against
 * independent truth: {@code lmw fit} ({@link FitCommand}) and the analysis classes called
 * directly on the Epoch/Chinchilla reference data, the published optimum, noise-free synthetic
 * points from a known law, and a fixture sweep whose final test loss follows a known law in
 * width.
 */
class FitRunnerTest {

    /** Plain Huber-loss multistart optimum quoted in REFERENCES.md (E, A, B, alpha, beta). */
    private static final double[] EPOCH_HUBER = {1.817, 478, 2144, 0.347, 0.367};
    /** scipy optimum of the analysis tests (releng/benchmarks/epoch_scipy.py). */
    private static final double[] SCIPY = {1.8172181, 477.82587, 2143.4174, 0.34731050,
        0.36717243};

    @TempDir
    Path dir;

    private record Command(int code, String out, String err, JsonObject json) {
    }

    private Command lmwFit(String... args) throws IOException {
        Path json = dir.resolve("lmw-fit-" + System.nanoTime() + ".json");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", json.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FitCommand.run(all.toArray(String[]::new), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        JsonObject o = code == 0 ? JsonParser.parseString(Files.readString(json)).getAsJsonObject()
                : null;
        return new Command(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), o);
    }

    private static void assertRelative(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.abs(expected), what);
    }

    @Test
    void epochFitEqualsLmwFitTheAnalysisClassesAndThePublishedOptimum() throws IOException {
        Path csv = EpochChinchillaData.locate(Path.of(""));
        Assumptions.assumeTrue(csv != null, "shared/data/" + EpochChinchillaData.FILE_NAME
                + " not found above " + Path.of("").toAbsolutePath() + "; skipping");
        FitDocument doc = new FitDocument(new FitDocument.Source("csv", csv.toString(),
                List.of("Model Size", "Training FLOP"), "loss", true), "chinchilla",
                new FitDocument.Settings(1e-3, "default", 6, 20240417L, 5));
        FitRunner.Outcome editor = FitRunner.run(doc, dir, new NullProgressMonitor());
        FitResultModel model = FitRunner.toModel(doc, editor);
        assertEquals(240, model.points().size());

        Command cli = lmwFit("--form", "chinchilla", "--csv", csv.toString(), "--n", "Model Size",
                "--flop", "Training FLOP", "--loss", "loss", "--drop-highest", "5",
                "--bootstrap", "6", "--seed", "20240417");
        assertEquals(0, cli.code(), cli.err());
        JsonObject params = cli.json().getAsJsonObject("params");
        JsonObject stderr = cli.json().getAsJsonObject("stderr");
        List<String> names = model.names();
        for (int k = 0; k < names.size(); k++) {
            String n = names.get(k);
            assertRelative(params.get(n).getAsDouble(), model.params()[k], 1e-9, n + " vs lmw fit");
            assertRelative(stderr.get(n).getAsDouble(), model.stderr()[k], 1e-9,
                    n + " stderr vs lmw fit");
            assertRelative(cli.json().getAsJsonObject("ci95").getAsJsonArray(n).get(1)
                    .getAsDouble(), model.upper95()[k], 1e-9, n + " upper vs lmw fit");
        }
        assertRelative(cli.json().get("objective").getAsDouble(), model.objective(), 1e-9,
                "objective");
        assertEquals(cli.json().get("starts_at_best").getAsInt(), model.startsAtBest());

        // The analysis classes called directly, on data prepared by their own loader.
        ScalingDataset data = EpochChinchillaData.load(csv);
        MultiStartFitter fitter = new MultiStartFitter(new ChinchillaLaw(),
                MultiStartFitter.Options.defaults());
        MultiStartResult direct = fitter.fit(data);
        BootstrapResult boot = new BootstrapEstimator(fitter).run(data, direct, 6, 20240417L);
        for (int k = 0; k < names.size(); k++) {
            assertRelative(direct.parameters()[k], model.params()[k], 1e-9, names.get(k));
            assertRelative(boot.standardErrors()[k], model.stderr()[k], 1e-9, names.get(k));
            assertRelative(EPOCH_HUBER[k], model.params()[k], 0.005, names.get(k) + " vs Epoch");
            assertRelative(SCIPY[k], model.params()[k], 2e-6, names.get(k) + " vs scipy");
        }
        assertEquals(direct.bestStartIndex(), editor.fit().bestStartIndex());
        assertEquals(4500, model.starts());
        System.out.printf(Locale.ROOT, "editor fit of the Epoch data: %s%n", editor.fit());
    }

    private Path powerCsv(double e, double a, double alpha) throws IOException {
        StringBuilder csv = new StringBuilder("label,x,loss\n");
        for (int i = 0; i < 15; i++) {
            double x = Math.pow(10, 4 + 5.0 * i / 14);
            csv.append(String.format(Locale.ROOT, "p%d,%.17g,%.17g%n", i, x,
                    e + a * Math.pow(x, -alpha)));
        }
        Path file = dir.resolve("data").resolve("power.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void noiseFreePowerLawIsRecovered() throws IOException {
        powerCsv(1.7, 250, 0.32);
        FitDocument doc = new FitDocument(new FitDocument.Source("csv", "data/power.csv",
                List.of("x"), "loss", false), "power_law", FitDocument.Settings.defaults());
        FitResultModel m = FitRunner.toModel(doc, FitRunner.run(doc, dir,
                new NullProgressMonitor()));
        assertRelative(1.7, m.param("E"), 1e-6, "E");
        assertRelative(250, m.param("A"), 1e-6, "A");
        assertRelative(0.32, m.param("alpha"), 1e-6, "alpha");
        double far = 1e12;
        assertRelative(1.7 + 250 * Math.pow(far, -0.32), m.predict(far), 1e-6, "extrapolation");
        // CSV points carry their data-row number; residuals are the log misfit (here ~0).
        assertEquals("1", m.points().get(0).id());
        assertEquals("15", m.points().get(14).id());
        for (FitResultModel.Point p : m.points()) {
            assertEquals(0, p.logResidual(), 1e-6, p.id());
        }
    }

    @Test
    void pointsFromASweepsCompletedRunsGiveTheExponent() throws IOException {
        Path project = Fixtures.copyToDirectory(WidthSweep.PATH, dir.resolve("p")
                .resolve("width-sweep")).getParent();
        FitDocument doc = new FitDocument(new FitDocument.Source("runs", "width-sweep",
                List.of("model.width"), "test_loss", false), "power_law",
                new FitDocument.Settings(1e-3, "default", 4, 3, 0));
        FitRunner.Outcome out = FitRunner.run(doc, project, new NullProgressMonitor());
        FitResultModel m = FitRunner.toModel(doc, out);
        assertRelative(WidthSweep.ALPHA, m.param("alpha"), 1e-6, "alpha");
        assertRelative(WidthSweep.E, m.param("E"), 1e-6, "E");
        assertRelative(WidthSweep.A, m.param("A"), 1e-6, "A");
        assertEquals(List.of("width-001", "width-002", "width-003", "width-004", "width-005",
                "width-006"), m.points().stream().map(FitResultModel.Point::id).toList());
        assertArrayEquals(new double[] {16, 32, 64, 128, 256, 512}, m.inputs(0));
        assertEquals(List.of("width-007: running"), m.skipped());

        Command cli = lmwFit("--form", "power", "--runs", project.resolve("width-sweep")
                .toString(), "--x", "model.width", "--bootstrap", "4", "--seed", "3");
        assertEquals(0, cli.code(), cli.err());
        for (int k = 0; k < m.names().size(); k++) {
            String n = m.names().get(k);
            assertRelative(cli.json().getAsJsonObject("params").get(n).getAsDouble(),
                    m.params()[k], 1e-9, n);
            assertRelative(cli.json().getAsJsonObject("stderr").get(n).getAsDouble(),
                    m.stderr()[k], 1e-9, n);
        }
    }

    @Test
    void dataProblemsNameTheirSource() throws IOException {
        FitDocument doc = new FitDocument(new FitDocument.Source("csv", "missing.csv",
                List.of("x"), "loss", false), "power_law", FitDocument.Settings.defaults());
        ScalingDataException e = assertThrows(ScalingDataException.class,
                () -> FitRunner.run(doc, dir, new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("missing.csv: no such file"), e.getMessage());
        powerCsv(1, 2, 0.5);
        doc.setSource(new FitDocument.Source("csv", "data/power.csv", List.of("size"), "loss",
                false));
        e = assertThrows(ScalingDataException.class,
                () -> FitRunner.run(doc, dir, new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("no column 'size'"), e.getMessage());
    }

    /** Counts work and cancels after a number of reports. */
    private static final class CancellingMonitor extends NullProgressMonitor {
        private final int cancelAfter;
        private int reports;
        private int total;

        CancellingMonitor(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void beginTask(String name, int totalWork) {
            total = totalWork;
        }

        @Override
        public void internalWorked(double work) {
            report();
        }

        @Override
        public void worked(int work) {
            report();
        }

        private void report() {
            if (++reports >= cancelAfter) {
                setCanceled(true);
            }
        }
    }

    @Test
    void progressIsReportedInSlicesAndCancelStopsTheFit() throws IOException {
        powerCsv(1.7, 250, 0.32);
        FitDocument doc = new FitDocument(new FitDocument.Source("csv", "data/power.csv",
                List.of("x"), "loss", false), "power_law",
                new FitDocument.Settings(1e-3, "default", 10, 0, 0));
        CancellingMonitor all = new CancellingMonitor(Integer.MAX_VALUE);
        FitRunner.run(doc, dir, all);
        assertTrue(all.total > 0);
        assertTrue(all.reports >= 20, "progress reports: " + all.reports);
        CancellingMonitor cancelling = new CancellingMonitor(3);
        assertThrows(OperationCanceledException.class, () -> FitRunner.run(doc, dir, cancelling));
        assertTrue(cancelling.reports < all.reports / 2, "stopped after " + cancelling.reports);
    }
}
