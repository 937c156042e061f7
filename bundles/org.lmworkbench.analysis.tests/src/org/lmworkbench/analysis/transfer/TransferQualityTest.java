package org.lmworkbench.analysis.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transfer quality (suboptimality of the transferred learning rate, finite-width gap, and their power
 * laws against width) against a numpy computation of the same table: {@code transfer-quality-sweep.csv}
 * and {@code transfer-quality-expected.json} beside this class were written once by
 * {@code scripts/transfer_quality_fixture.py} of this fragment (python3 + numpy), which also states
 * the synthetic sweep and the definitions it implements. Also checked by hand on the parabolic sweep
 * of {@link SweepFixture}.
 */
class TransferQualityTest {

    @Test
    void matchesNumpyOnTheFixtureSweep() throws IOException {
        LrSweepTable table = LrSweepTable.of(readSweep());
        JsonObject expected;
        try (InputStream in = getClass().getResourceAsStream("transfer-quality-expected.json")) {
            assertNotNull(in, "fixture transfer-quality-expected.json");
            expected = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        for (TransferQuality.Mode mode : TransferQuality.Mode.values()) {
            JsonObject e = expected.getAsJsonObject(mode.name());
            TransferQuality q = TransferQuality.of(table, mode);
            assertEquals(e.get("transferLog2Lr").getAsDouble(), q.transferLog2Lr(), 1e-12, mode.name());
            var rows = e.getAsJsonArray("rows");
            assertEquals(rows.size(), q.rows().size());
            for (int w = 0; w < rows.size(); w++) {
                JsonObject r = rows.get(w).getAsJsonObject();
                TransferQuality.Row row = q.rows().get(w);
                String what = mode + " width " + row.width();
                assertEquals(r.get("width").getAsDouble(), row.width(), what);
                assertEquals(number(r.get("ownLoss")), row.ownLoss(), 1e-12, what);
                assertEquals(number(r.get("transferredLoss")), row.transferredLoss(), 1e-12, what);
                assertEquals(number(r.get("suboptimality")), row.suboptimality(), 1e-12, what);
                assertEquals(number(r.get("gap")), row.gap(), 1e-12, what);
            }
            checkFit(e.getAsJsonObject("suboptimality"), q.suboptimality(), mode + " suboptimality");
            checkFit(e.getAsJsonObject("gap"), q.gap(), mode + " gap");
        }
    }

    @Test
    void parabolicSweepByHand() {
        LrSweepTable table = LrSweepTable.of(parabolicRuns());
        TransferQuality q = TransferQuality.of(table, TransferQuality.Mode.QUADRATIC);
        // the smallest width's refined optimum is its vertex m_32 = -4.7 with loss 1 (seeds +-E cancel)
        assertEquals(-4.7, q.transferLog2Lr(), 1e-9);
        // every curve is 1 + 0.25 (x - m_w)^2, so the parabola through three cells is the curve itself
        double[] sub = {0, 0.25 * 0.2 * 0.2, 0.25 * 0.55 * 0.55};
        for (int w = 0; w < 3; w++) {
            TransferQuality.Row row = q.rows().get(w);
            assertEquals(1, row.ownLoss(), 1e-9);
            assertEquals(sub[w], row.suboptimality(), 1e-9, "width " + row.width());
            assertEquals(0, row.gap(), 1e-9);
        }
        assertEquals(Math.log(sub[2] / sub[1]) / Math.log(2), q.suboptimality().exponent(), 1e-7);
        assertEquals(2, q.suboptimality().points());
        assertTrue(Double.isNaN(q.suboptimality().exponentError()), "no error from two points");
        assertEquals(0, q.gap().points(), "no gap to fit: every width reaches loss 1");

        TransferQuality grid = TransferQuality.of(table, TransferQuality.Mode.GRID);
        assertEquals(-5, grid.transferLog2Lr());
        for (TransferQuality.Row row : grid.rows()) {
            assertEquals(0, row.suboptimality(), "all grid optima are at 2^-5");
        }
        assertEquals(1 + 0.25 * 0.3 * 0.3 - (1 + 0.25 * 0.25 * 0.25), grid.rows().get(0).gap(), 1e-12);
    }

    @Test
    void divergedAndMissingCellsAreNamed() {
        List<TransferRun> runs = new ArrayList<>(parabolicRuns());
        // width 64 diverges at the transferred lr 2^-5, width 128 has no run at 2^-4
        runs.replaceAll(r -> r.width() == 64 && r.lr() == 0.03125
                ? new TransferRun(r.runId(), r.dir(), r.width(), r.lr(), r.seed(), Double.NaN, true) : r);
        runs.removeIf(r -> r.width() == 128 && r.lr() == 0.0625);
        LrSweepTable table = LrSweepTable.of(runs);
        TransferQuality grid = TransferQuality.of(table, TransferQuality.Mode.GRID);
        assertEquals(Double.POSITIVE_INFINITY, grid.rows().get(1).suboptimality());
        assertEquals("diverged at the transferred learning rate", grid.rows().get(1).note());
        TransferQuality quadratic = TransferQuality.of(table, TransferQuality.Mode.QUADRATIC);
        assertEquals(Double.POSITIVE_INFINITY, quadratic.rows().get(1).transferredLoss(),
                "the nearest cell to -4.7 is the diverged one");
        assertTrue(Double.isNaN(quadratic.rows().get(2).transferredLoss()));
        assertTrue(quadratic.rows().get(2).note().contains("next to the transferred one"), quadratic.rows().get(2).note());
    }

    private static void checkFit(JsonObject e, PowerLawFit fit, String what) {
        assertEquals(e.get("points").getAsInt(), fit.points(), what);
        assertEquals(number(e.get("exponent")), fit.exponent(), 1e-10, what);
        assertEquals(number(e.get("error")), fit.exponentError(), 1e-10, what);
        assertEquals(number(e.get("prefactor")), fit.prefactor(), 1e-10 * Math.abs(fit.prefactor()), what);
    }

    private static double number(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        return e.getAsJsonPrimitive().isString() && e.getAsString().equals("inf") ? Double.POSITIVE_INFINITY
                : e.getAsDouble();
    }

    private List<TransferRun> readSweep() throws IOException {
        List<TransferRun> runs = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("transfer-quality-sweep.csv")) {
            assertNotNull(in, "fixture transfer-quality-sweep.csv");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine();
            assertEquals("run_id,width,lr,seed,loss,diverged", line);
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                double loss = f[4].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(f[4]);
                runs.add(new TransferRun(f[0], Path.of(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Integer.parseInt(f[3]), loss, Boolean.parseBoolean(f[5])));
            }
        }
        return runs;
    }

    /** The runs of {@link SweepFixture} in memory, with its diverged run. */
    private static List<TransferRun> parabolicRuns() {
        List<TransferRun> runs = new ArrayList<>();
        for (double w : SweepFixture.WIDTHS) {
            for (int e = -7; e <= -3; e++) {
                double lr = Math.pow(2, e);
                for (int seed = 0; seed < 2; seed++) {
                    String id = "w" + (int) w + "-" + e + "-" + seed;
                    boolean diverged = w == 128 && e == -3 && seed == 1;
                    runs.add(new TransferRun(id, Path.of(id), w, lr, seed, SweepFixture.loss(w, lr, seed), diverged));
                }
            }
        }
        return runs;
    }
}
