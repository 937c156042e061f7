package org.lmworkbench.workspace.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmworkbench.workspace.runs.MetricTable.Series;

/** Mean and sd bands over seeds, on common steps, against values worked out by hand. */
class GroupStatisticsTest {

    private static Series series(double[] steps, double[] y) {
        return new Series(steps, steps.clone(), y);
    }

    @Test
    void meanAndSampleSdOfThreeSeedsByHand() {
        // At step 0 the values 1, 2, 6: mean 3, deviations -2, -1, 3, squares 4+1+9 = 14, sd = sqrt(14/2) = sqrt(7).
        // At step 10 the values 0.5, 0.5, 0.5: mean 0.5, sd 0.
        Series a = series(new double[] {0, 10}, new double[] {1, 0.5});
        Series b = series(new double[] {0, 10}, new double[] {2, 0.5});
        Series c = series(new double[] {0, 10}, new double[] {6, 0.5});
        GroupStatistics.Band band = GroupStatistics.meanBand(List.of(a, b, c));
        assertArrayEquals(new double[] {0, 10}, band.steps());
        assertArrayEquals(new double[] {0, 10}, band.x());
        assertArrayEquals(new double[] {3, 0.5}, band.mean(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(7), 0}, band.sd(), 1e-15);
        assertArrayEquals(new double[] {3 - Math.sqrt(7), 0.5}, band.lower(), 1e-15);
        assertArrayEquals(new double[] {3 + Math.sqrt(7), 0.5}, band.upper(), 1e-15);
    }

    @Test
    void onlyStepsEveryRunHasAreAveraged() {
        // b is behind (no step 30) and skipped step 10 (a NaN filtered out upstream).
        Series a = series(new double[] {0, 10, 20, 30}, new double[] {4, 3, 2, 1});
        Series b = series(new double[] {0, 20}, new double[] {2, 4});
        assertArrayEquals(new double[] {0, 20}, GroupStatistics.commonSteps(List.of(a, b)));
        GroupStatistics.Band band = GroupStatistics.meanBand(List.of(a, b));
        assertArrayEquals(new double[] {3, 3}, band.mean(), 0);
        // Two values v, w: sd = |v - w| / sqrt(2).
        assertArrayEquals(new double[] {2 / Math.sqrt(2), 2 / Math.sqrt(2)}, band.sd(), 1e-15);
    }

    @Test
    void wallTimeAxisAveragesTheTimesOfTheAlignedSteps() {
        Series a = new Series(new double[] {0, 10}, new double[] {0.0, 1.0}, new double[] {1, 1});
        Series b = new Series(new double[] {0, 10}, new double[] {0.5, 2.0}, new double[] {3, 3});
        GroupStatistics.Band band = GroupStatistics.meanBand(List.of(a, b));
        assertArrayEquals(new double[] {0.25, 1.5}, band.x(), 1e-15);
        assertArrayEquals(new double[] {0, 10}, band.steps());
    }

    @Test
    void oneRunIsItsOwnLineWithoutBand() {
        Series a = series(new double[] {0, 10}, new double[] {1, 2});
        GroupStatistics.Band band = GroupStatistics.meanBand(List.of(a));
        assertArrayEquals(a.y(), band.mean());
        assertNull(band.sd());
        assertNull(band.lower());
    }

    @Test
    void aRepeatedStepOfAResumedRunCountsOnceWithItsLaterValue() {
        Series resumed = series(new double[] {0, 10, 20, 10, 20, 30}, new double[] {5, 4, 3, 4.5, 3.5, 2});
        Series ordered = GroupStatistics.ascending(resumed);
        assertArrayEquals(new double[] {0, 10, 20, 30}, ordered.steps());
        assertArrayEquals(new double[] {5, 4.5, 3.5, 2}, ordered.y());
        Series other = series(new double[] {0, 10, 20, 30}, new double[] {1, 0.5, 0.5, 0});
        assertEquals(4, GroupStatistics.meanBand(List.of(resumed, other)).mean().length);
    }
}
