package org.lmworkbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sweep expansion: count, order, seeds, run ids. */
class SweepExpanderTest {

    private static List<ResolvedRun> sweep24() {
        SpecLoadResult r = Specs.parse(Fixtures.text("specs/sweep-24.lmx"));
        assertEquals(List.of(), r.problems());
        assertTrue(r.isSweep());
        return r.runs();
    }

    @Test
    void countIsTheProductOfTheValueCounts() {
        assertEquals(3 * 2 * 4, sweep24().size());
    }

    @Test
    void orderIsNestedLoopsWithTheLastKeyFastest() {
        List<Map<String, Object>> expected = new ArrayList<>();
        for (int width : new int[] {32, 64, 128}) {
            for (double lr : new double[] {0.01, 0.05}) {
                for (int seed = 0; seed < 4; seed++) {
                    Map<String, Object> point = new LinkedHashMap<>();
                    point.put("model.width", width);
                    point.put("optimizer.lr", lr);
                    point.put("seed", seed);
                    expected.add(point);
                }
            }
        }
        List<ResolvedRun> runs = sweep24();
        for (int i = 0; i < expected.size(); i++) {
            ResolvedRun run = runs.get(i);
            assertEquals(i, run.index());
            assertEquals(expected.get(i), run.point(), "point " + i);
            assertEquals(List.copyOf(expected.get(i).keySet()), List.copyOf(run.point().keySet()), "key order of point " + i);
            assertEquals(expected.get(i).get("model.width"), run.spec().model().width());
            assertEquals(expected.get(i).get("optimizer.lr"), run.spec().optimizer().lr());
        }
    }

    @Test
    void seedsAreFixedInEveryResolvedSpecAndDataSeedFollows() {
        List<ResolvedRun> runs = sweep24();
        for (ResolvedRun run : runs) {
            int seed = (Integer) run.point().get("seed");
            assertEquals(seed, run.spec().seed());
            assertEquals(seed, run.spec().data().seed(), "data.seed is not written, so it follows the swept seed");
            String json = run.spec().toJson();
            assertFalse(json.contains("\"sweep\""), "a resolved spec has no sweep");
            assertEquals(run.spec(), ExperimentSpec.fromJson(json));
        }
        Set<List<Object>> distinct = new HashSet<>();
        runs.forEach(r -> distinct.add(List.of(r.spec().model().width(), r.spec().optimizer().lr(), r.spec().seed())));
        assertEquals(24, distinct.size(), "every run differs");
    }

    @Test
    void explicitDataSeedStaysFixedWhileTheInitSeedIsSwept() {
        List<ResolvedRun> runs = Specs.parse("{\"name\": \"s\", \"data\": {\"seed\": 42}, \"optimizer\": {\"lr\": 0.1},"
                + " \"sweep\": {\"seed\": [1, 2]}}").runsOrThrow();
        assertEquals(List.of(1, 2), runs.stream().map(r -> r.spec().seed()).toList());
        assertEquals(List.of(42, 42), runs.stream().map(r -> r.spec().data().seed()).toList());
    }

    @Test
    void runIdsAreUniqueStableAndFilesystemSafe() {
        List<String> ids = sweep24().stream().map(ResolvedRun::runId).toList();
        assertEquals("eos-000", ids.get(0));
        assertEquals("eos-003", ids.get(3));
        assertEquals("eos-023", ids.get(23));
        assertEquals(24, new HashSet<>(ids).size());
        assertEquals(ids, sweep24().stream().map(ResolvedRun::runId).toList(), "same file, same ids");
        assertTrue(ids.stream().allMatch(id -> SpecSchema.NAME_PATTERN.matcher(id).matches()));
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(ids, sorted, "ids sort in run order");
    }

    @Test
    void runIdPaddingGrowsWithTheSweep() {
        assertEquals("eos-007", SweepExpander.runId("eos", 7, 24));
        assertEquals("eos-999", SweepExpander.runId("eos", 999, 1000));
        assertEquals("eos-0007", SweepExpander.runId("eos", 7, 1001));
    }

    @Test
    void specWithoutSweepIsOneRunNumberedLikeTheFirstRunOfASweep() {
        List<ResolvedRun> runs = Specs.parse(ExampleSpecs.exampleEos()).runsOrThrow();
        assertEquals(1, runs.size());
        assertEquals("example-eos-000", runs.get(0).runId());
        assertEquals(0, runs.get(0).index());
        assertTrue(runs.get(0).point().isEmpty());
    }

    @Test
    void valuesAreSubstitutedBeforeDefaultsAreFilled() {
        List<ResolvedRun> runs = Specs.parse("{\"name\": \"o\", \"optimizer\": {\"lr\": 0.1},"
                + " \"sweep\": {\"optimizer.name\": [\"gd\", \"momentum\"]}}").runsOrThrow();
        assertEquals(0.0, runs.get(0).spec().optimizer().momentum());
        assertEquals(0.9, runs.get(1).spec().optimizer().momentum());
    }

    @Test
    void sweepOverAnAbsentSectionCreatesIt() {
        List<ResolvedRun> runs = Specs.parse("{\"name\": \"c\", \"optimizer\": {\"lr\": 0.1},"
                + " \"sweep\": {\"optimizer.schedule.warmup_steps\": [0, 10]}}").runsOrThrow();
        assertEquals(10, runs.get(1).spec().optimizer().schedule().warmupSteps());
        assertEquals("optimizer.schedule.warmup_steps=10", runs.get(1).label());
    }

    @Test
    void programmaticSweepOverAResolvedSpec() {
        ExperimentSpec base = ExperimentSpec.withDefaults("p", 0.1);
        Map<String, List<?>> sweep = new LinkedHashMap<>();
        sweep.put("model.depth", List.of(1, 2));
        sweep.put("optimizer.lr", List.of(0.1, 0.2, 0.4));
        List<ResolvedRun> runs = SweepExpander.expand(base, sweep);
        assertEquals(6, runs.size());
        assertEquals("p-005", runs.get(5).runId());
        assertEquals(2, runs.get(5).spec().model().depth());
        assertEquals(0.4, runs.get(5).spec().optimizer().lr());
        SpecException e = assertThrows(SpecException.class, () -> SweepExpander.expand(base, Map.of("model.depth", List.of())));
        assertEquals("$.sweep['model.depth']: sweep has no values", e.problems().get(0).message());
    }
}
