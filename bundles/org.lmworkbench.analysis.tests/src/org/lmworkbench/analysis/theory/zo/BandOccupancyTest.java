package org.lmworkbench.analysis.theory.zo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.run.SharpnessLine;

/** Post-sharpening band occupancy counted by hand on a constructed sequence of samples. */
class BandOccupancyTest {

    private static SharpnessLine line(long step, double lambdaMax, double trace) {
        ZoEdgeBand band = ZoEdgeBand.of(ZoSettings.gd(), lambdaMax, trace, 0.1);
        return new SharpnessLine(step, new double[] {lambdaMax}, new double[] {0}, 1, 0.1, Double.NaN, "zo_band",
                "sharpness", true, 1, 1, "train", 1, "lanczos", "float64", 0,
                new SharpnessLine.ZoBand(trace, 0, band.threshold(), band.margin(), band.inside(), Double.NaN, "ZO-GD"));
    }

    @Test
    void countsFromTheFirstSampleAtNinetyPercentOfTheThreshold() {
        // 2/eta = 20, margin 2: inside when 20 - 2 lambda <= Tr <= 20.
        List<SharpnessLine> lines = new ArrayList<>();
        lines.add(line(0, 1, 5));    // before sharpening
        lines.add(line(10, 2, 17.9)); // 17.9 < 18: still sharpening
        lines.add(line(20, 2, 18));   // starts here, inside (16 <= 18 <= 20)
        lines.add(line(30, 2, 21));   // above 2/eta
        lines.add(line(40, 1, 17));   // below 20 - 2 = 18
        lines.add(line(50, 3, 19));   // inside
        BandOccupancy o = BandOccupancy.of(lines);
        assertEquals(6, o.samples());
        assertEquals(20, o.startStep());
        assertEquals(4, o.postSharpening());
        assertEquals(2, o.inside());
        assertEquals(3, o.below());
        assertEquals(0.5, o.fraction());
        assertEquals((18 + 21 + 17 + 19) / 4.0, o.meanTrace(), 1e-12);
        assertEquals(20, o.threshold(), 1e-12);
    }

    @Test
    void noBandNoOccupancy() {
        BandOccupancy o = BandOccupancy.of(List.of(new SharpnessLine(0, new double[] {1}, new double[0], 1, 0.1, 20,
                "2/lr", "sharpness", true, 1, 1, "train", 1, "lanczos", "float64", 0)));
        assertEquals(0, o.samples());
        assertEquals(-1, o.startStep());
        assertTrue(Double.isNaN(o.fraction()));
    }
}
