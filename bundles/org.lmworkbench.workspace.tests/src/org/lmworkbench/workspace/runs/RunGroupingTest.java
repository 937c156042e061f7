package org.lmworkbench.workspace.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.workspace.runs.ViewSettings.Grouping;

/** Grouping runs into lines, and legends that name only the spec keys that vary. */
class RunGroupingTest {

    private static Map<String, Object> spec(int width, double lr, int seed) {
        ExperimentSpec s = ExperimentSpec.withDefaults("sweep", lr).withValue("model.width", width)
                .withValue("seed", seed);
        return SpecKeys.flatten(s);
    }

    private static List<String> labels(List<RunGrouping.Group> groups) {
        return groups.stream().map(RunGrouping.Group::label).toList();
    }

    private static List<List<Integer>> members(List<RunGrouping.Group> groups) {
        return groups.stream().map(RunGrouping.Group::members).toList();
    }

    @Test
    void flattenedSpecReadsLikeGetWithDottedKeys() {
        ExperimentSpec s = ExperimentSpec.withDefaults("x", 0.1).withValue("model.width", 64);
        Map<String, Object> flat = SpecKeys.flatten(s);
        for (String key : List.of("model.width", "optimizer.lr", "seed", "data.seed", "training.batch_size")) {
            assertEquals(s.get(key), flat.get(key), key);
        }
    }

    @Test
    void seedsAreAveragedAndTheLegendNamesTheKeysThatVary() {
        List<String> ids = List.of("sweep-000", "sweep-001", "sweep-002", "sweep-003", "sweep-004");
        List<Map<String, Object>> specs = List.of(spec(64, 0.1, 0), spec(64, 0.1, 1), spec(128, 0.1, 0),
                spec(128, 0.1, 1), spec(64, 0.05, 0));
        assertEquals(List.of("seed", "model.width", "optimizer.lr"), SpecKeys.varying(specs).stream()
                .filter(k -> !k.equals("data.seed")).toList());
        List<RunGrouping.Group> groups = RunGrouping.group(ids, specs, Grouping.SEEDS);
        assertEquals(List.of(List.of(0, 1), List.of(2, 3), List.of(4)), members(groups));
        assertEquals(List.of("width=64, lr=0.1 (2 seeds)", "width=128, lr=0.1 (2 seeds)", "width=64, lr=0.05"),
                labels(groups));
    }

    @Test
    void runsOfSeveralSpecsAreNamedBySpecAndTheKeysThatVaryWithinIt() {
        List<String> ids = List.of("sweep-000", "sweep-001", "eos-001");
        Map<String, Object> eos = SpecKeys.flatten(ExperimentSpec.withDefaults("eos", 0.3)
                .withValue("model.width", 16).withValue("model.depth", 3).withValue("training.steps", 50));
        List<Map<String, Object>> specs = List.of(spec(64, 0.1, 0), spec(128, 0.1, 0), eos);
        List<RunGrouping.Group> groups = RunGrouping.group(ids, specs, Grouping.SEEDS);
        assertEquals(List.of("sweep: width=64", "sweep: width=128", "eos"), labels(groups));
    }

    @Test
    void eachRunNamesEveryVaryingKeyIncludingTheSeed() {
        List<String> ids = List.of("a", "b");
        List<Map<String, Object>> specs = List.of(spec(64, 0.1, 0), spec(64, 0.1, 1));
        List<RunGrouping.Group> groups = RunGrouping.group(ids, specs, Grouping.EACH_RUN);
        // data.seed follows seed only in a spec file, not in withValue, so only seed varies here.
        assertEquals(List.of("seed=0", "seed=1"), labels(groups));
    }

    @Test
    void groupingByOneKeyAveragesEverythingElse() {
        List<String> ids = List.of("a", "b", "c");
        List<Map<String, Object>> specs = List.of(spec(64, 0.1, 0), spec(128, 0.1, 1), spec(64, 0.2, 1));
        List<RunGrouping.Group> groups = RunGrouping.group(ids, specs, Grouping.byKey("model.width"));
        assertEquals(List.of(List.of(0, 2), List.of(1)), members(groups));
        assertEquals(List.of("width=64 (2 runs)", "width=128"), labels(groups));
    }

    @Test
    void runIdsOnlyWhenNoKeyVaries() {
        List<Map<String, Object>> same = List.of(spec(64, 0.1, 0), spec(64, 0.1, 0));
        assertEquals(List.of("run-a", "run-b"), labels(RunGrouping.group(List.of("run-a", "run-b"), same,
                Grouping.EACH_RUN)));
        // Averaging identical specs makes one line named by the experiment; with one seed they are
        // repeats, not seeds
        assertEquals(List.of("sweep (2 runs)"), labels(RunGrouping.group(List.of("run-a", "run-b"), same,
                Grouping.SEEDS)));
        assertEquals(List.of("only"), labels(RunGrouping.group(List.of("only"), List.of(spec(64, 0.1, 0)),
                Grouping.SEEDS)));
    }

    @Test
    void reRunningASeedZeroSpecGivesRepeatsNotSeeds() {
        // a spec run twice (same resolved spec, seed 0 both times) and once more with seed 1
        List<String> ids = List.of("eos-001", "eos-002", "eos-003");
        List<Map<String, Object>> twice = List.of(spec(64, 0.1, 0), spec(64, 0.1, 0));
        List<RunGrouping.Group> groups = RunGrouping.group(ids.subList(0, 2), twice, Grouping.SEEDS);
        assertEquals(List.of(List.of(0, 1)), members(groups), "one setting, two repeats: one line");
        assertEquals(List.of("sweep (2 runs)"), labels(groups));
        List<Map<String, Object>> mixed = List.of(spec(64, 0.1, 0), spec(64, 0.1, 0), spec(64, 0.1, 1));
        assertEquals(List.of("sweep (2 seeds, 3 runs)"), labels(RunGrouping.group(ids, mixed, Grouping.SEEDS)));
        List<Map<String, Object>> seeds = List.of(spec(64, 0.1, 0), spec(64, 0.1, 1), spec(64, 0.1, 2));
        assertEquals(List.of("sweep (3 seeds)"), labels(RunGrouping.group(ids, seeds, Grouping.SEEDS)));
    }

    @Test
    void shortNamesFallBackToTheDottedKeyWhenTwoWouldClash() {
        Map<String, String> names = SpecKeys.shortNames(List.of("seed", "data.seed", "model.width"));
        assertEquals(Map.of("seed", "seed", "data.seed", "data.seed", "model.width", "width"), names);
    }

    @Test
    void valuesReadAsWritten() {
        assertEquals("64", SpecKeys.format(64));
        assertEquals("64", SpecKeys.format(64.0));
        assertEquals("0.1", SpecKeys.format(0.1));
        assertEquals("0.3", SpecKeys.format(0.1 + 0.2));
        assertEquals("0.000125", SpecKeys.format(1.25e-4));
        assertEquals("tanh", SpecKeys.format("tanh"));
        Map<String, Object> a = new LinkedHashMap<>(Map.of("w", 64));
        Map<String, Object> b = new LinkedHashMap<>(Map.of("w", 64.0));
        assertEquals(List.of(), SpecKeys.varying(List.of(a, b)), "64 and 64.0 are the same value");
    }
}
