package org.lmworkbench.workspace.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmworkbench.workspace.runs.ChartUpdate.ChartOp;
import org.lmworkbench.workspace.runs.ChartUpdate.Line;

/** Growing lines become appends of their new points; anything else is redrawn. */
class UpdatePlannerTest {

    private static Line line(String id, double... y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 * i;
        }
        return new Line(id, id, x, y, null, null, 1);
    }

    @Test
    void aGrowingLineIsAppendedToWithOnlyItsNewPoints() {
        UpdatePlanner planner = new UpdatePlanner();
        List<ChartOp> first = planner.plan(List.of(line("a", 3, 2)), true);
        assertEquals(1, first.size());
        assertEquals(0, assertInstanceOf(ChartOp.Add.class, first.get(0)).colour());

        List<ChartOp> grown = planner.plan(List.of(line("a", 3, 2, 1.5, 1.25)), false);
        ChartOp.Append append = assertInstanceOf(ChartOp.Append.class, grown.get(0));
        assertArrayEquals(new double[] {20, 30}, append.x());
        assertArrayEquals(new double[] {1.5, 1.25}, append.y());

        assertEquals(List.of(), planner.plan(List.of(line("a", 3, 2, 1.5, 1.25)), false));
    }

    @Test
    void aChangedLineIsRedrawnAndAVanishedOneRemoved() {
        UpdatePlanner planner = new UpdatePlanner();
        planner.plan(List.of(line("a", 3, 2), line("b", 1)), true);
        List<ChartOp> ops = planner.plan(List.of(line("a", 3, 2.5, 2)), false);
        ChartOp.Add add = assertInstanceOf(ChartOp.Add.class, ops.get(0));
        assertEquals(0, add.colour(), "a line keeps its colour when redrawn");
        assertEquals("b", assertInstanceOf(ChartOp.Remove.class, ops.get(1)).id());
    }

    @Test
    void bandsFollowTheirLine() {
        UpdatePlanner planner = new UpdatePlanner();
        Line withBand = new Line("g", "g", new double[] {0, 1}, new double[] {2, 2}, new double[] {1, 1},
                new double[] {3, 3}, 2);
        List<ChartOp> ops = planner.plan(List.of(withBand), true);
        assertInstanceOf(ChartOp.Add.class, ops.get(0));
        ChartOp.Band band = assertInstanceOf(ChartOp.Band.class, ops.get(1));
        assertEquals("g#band", band.id());
        // Grown at the end: only the new points of line and band.
        Line grown = new Line("g", "g", new double[] {0, 1, 2}, new double[] {2, 2, 1}, new double[] {1, 1, 0.5},
                new double[] {3, 3, 1.5}, 2);
        List<ChartOp> more = planner.plan(List.of(grown), false);
        assertArrayEquals(new double[] {1}, assertInstanceOf(ChartOp.Append.class, more.get(0)).y());
        ChartOp.BandAppend bandTail = assertInstanceOf(ChartOp.BandAppend.class, more.get(1));
        assertArrayEquals(new double[] {2}, bandTail.x());
        assertArrayEquals(new double[] {0.5}, bandTail.lower());
        assertArrayEquals(new double[] {1.5}, bandTail.upper());
        // A third seed joins: same steps, new label and values, so line and whole band are sent again.
        Line joined = new Line("g", "g (3 seeds)", grown.x(), new double[] {2, 2, 1.25}, new double[] {1.5, 1.5, 1},
                new double[] {2.5, 2.5, 1.5}, 3);
        List<ChartOp> redrawn = planner.plan(List.of(joined), false);
        assertInstanceOf(ChartOp.Add.class, redrawn.get(0));
        assertArrayEquals(joined.lower(), assertInstanceOf(ChartOp.Band.class, redrawn.get(1)).lower());

        List<ChartOp> gone = planner.plan(List.of(), false);
        assertEquals(List.of(new ChartOp.Remove("g"), new ChartOp.Remove("g#band")), gone);
    }
}
