package org.lmworkbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every kind of validation problem, with its exact message and location. */
class SpecValidatorTest {

    private static List<SpecProblem> problems(String json) {
        return Specs.parse(json).problems();
    }

    /** Wraps model/optimizer members into an otherwise valid one-line spec. */
    private static List<SpecProblem> problemsOf(String members) {
        return problems("{\"name\": \"t\", \"optimizer\": {\"lr\": 0.1}, " + members + "}");
    }

    private static void assertOnly(List<SpecProblem> problems, String message) {
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(message, problems.get(0).message());
    }

    private static void assertProblem(SpecProblem p, SpecProblem.Severity severity, int line, int column, String message) {
        assertEquals(message, p.message());
        assertEquals(severity, p.severity(), message);
        assertEquals(line, p.line(), "line of: " + message);
        assertEquals(column, p.column(), "column of: " + message);
    }

    @Test
    void unknownKeySuggestsTheClosestKnownKey() {
        List<SpecProblem> p = Specs.parse(Fixtures.text("specs/bad-unknown-key.json")).problems();
        assertEquals(1, p.size(), p.toString());
        assertProblem(p.get(0), SpecProblem.Severity.ERROR, 4, 5, "unknown key 'widht' in $.model (did you mean 'width'?)");
        assertEquals("$.model.widht", p.get(0).jsonPath());
    }

    @Test
    void unknownKeyFarFromEveryKnownKeyHasNoSuggestion() {
        assertOnly(problemsOf("\"model\": {\"colour\": 1}"), "unknown key 'colour' in $.model");
        assertOnly(problemsOf("\"optimiser\": {}"), "unknown key 'optimiser' in $ (did you mean 'optimizer'?)");
    }

    @Test
    void wrongTypeNamesExpectedAndFound() {
        assertOnly(problemsOf("\"model\": {\"width\": \"wide\"}"), "$.model.width: expected an integer but found string \"wide\"");
        assertOnly(problemsOf("\"model\": {\"width\": 64.5}"), "$.model.width: expected an integer but found number 64.5");
        assertOnly(problemsOf("\"model\": {\"bias\": \"yes\"}"), "$.model.bias: expected a boolean but found string \"yes\"");
        assertOnly(problemsOf("\"model\": [1]"), "$.model: expected an object but found an array");
        assertOnly(problemsOf("\"training\": {\"batch_size\": \"half\"}"),
                "$.training.batch_size: expected an integer or \"full\" but found string \"half\"");
        assertOnly(problemsOf("\"probes\": {\"activations\": {\"layers\": [\"fc1\", 2]}}"),
                "$.probes.activations.layers[1]: expected a string but found number 2");
        assertOnly(problemsOf("\"description\": null"), "$.description: expected a string but found null");
    }

    @Test
    void wholeNumbersWrittenAsDecimalsAreIntegers() {
        SpecLoadResult r = Specs.parse("{\"name\": \"t\", \"optimizer\": {\"lr\": 1}, \"model\": {\"width\": 1e3, \"depth\": 3.0}}");
        assertEquals(List.of(), r.problems());
        assertEquals(1000, r.singleSpec().model().width());
        assertEquals(3, r.singleSpec().model().depth());
        assertEquals(1.0, r.singleSpec().optimizer().lr());
    }

    @Test
    void outOfRangeStatesTheBoundAndTheValueAsWritten() {
        assertOnly(problems("{\"name\": \"t\", \"optimizer\": {\"lr\": -0.1}}"), "$.optimizer.lr: must be > 0 but was -0.1");
        assertOnly(problemsOf("\"model\": {\"depth\": 0}"), "$.model.depth: must be in [1, 1000] but was 0");
        assertOnly(problemsOf("\"data\": {\"n_test\": -5}"), "$.data.n_test: must be >= 0 but was -5");
        assertOnly(problems("{\"name\": \"t\", \"optimizer\": {\"lr\": 0.1, \"beta2\": 1}}"),
                "$.optimizer.beta2: must be in [0, 1) but was 1");
        assertOnly(problemsOf("\"execution\": {\"threads\": 257}"), "$.execution.threads: must be in [1, 256] but was 257");
    }

    @Test
    void hugeNumbersAreTooLarge() {
        assertOnly(problemsOf("\"seed\": 99999999999999999999"), "$.seed: 99999999999999999999 is too large");
        assertOnly(problemsOf("\"model\": {\"init_scale\": 1e999}"), "$.model.init_scale: 1e999 is too large");
        assertOnly(problemsOf("\"data\": {\"noise\": -1e999}"), "$.data.noise: -1e999 is too small");
        assertOnly(problemsOf("\"model\": {\"width\": 2147483648}"), "$.model.width: 2147483648 is too large");
    }

    @Test
    void enumValueNotAllowedListsTheAllowedValues() {
        List<SpecProblem> p = problems("{\"name\": \"t\",\n \"optimizer\": {\"lr\": 0.1},\n \"model\": {\"activation\": \"relux\"}}");
        assertEquals(1, p.size());
        assertProblem(p.get(0), SpecProblem.Severity.ERROR, 3, 26,
                "$.model.activation: 'relux' is not one of relu, tanh, gelu, linear, sigmoid (did you mean 'relu'?)");
        assertOnly(problemsOf("\"execution\": {\"device\": \"tpu\"}"),
                "$.execution.device: 'tpu' is not one of auto, cpu, gpu (did you mean 'cpu'?)");
        assertOnly(problemsOf("\"execution\": {\"device\": \"quantum\"}"), "$.execution.device: 'quantum' is not one of auto, cpu, gpu");
    }

    @Test
    void missingNameIsReportedAtTheRootObject() {
        List<SpecProblem> p = problems("\n{\"optimizer\": {\"lr\": 0.1}}");
        assertEquals(1, p.size());
        assertProblem(p.get(0), SpecProblem.Severity.ERROR, 2, 1, "missing required key 'name' in $");
        assertEquals("$.name", p.get(0).jsonPath());
    }

    @Test
    void missingLearningRateIsReportedAtTheOptimizerObjectOrTheRoot() {
        List<SpecProblem> p = problems("{\"name\": \"t\",\n  \"optimizer\": {\"name\": \"sgd\"}}");
        assertEquals(1, p.size());
        assertProblem(p.get(0), SpecProblem.Severity.ERROR, 2, 16, "missing required key 'lr' in $.optimizer");
        p = problems("{\"name\": \"t\"}");
        assertProblem(p.get(0), SpecProblem.Severity.ERROR, 1, 1, "missing required key 'lr' in $.optimizer");
    }

    @Test
    void nameMustBeSafeAsAFolderName() {
        String hint = " is not valid; use 1 to 100 letters, digits, '.', '_' or '-', not starting with '.'";
        assertOnly(problems("{\"name\": \"a/b\", \"optimizer\": {\"lr\": 0.1}}"), "$.name: 'a/b'" + hint);
        assertOnly(problems("{\"name\": \"..\", \"optimizer\": {\"lr\": 0.1}}"), "$.name: '..'" + hint);
        assertOnly(problems("{\"name\": \"\", \"optimizer\": {\"lr\": 0.1}}"), "$.name: ''" + hint);
        assertTrue(problems("{\"name\": \"A-z_0.9\", \"optimizer\": {\"lr\": 0.1}}").isEmpty());
    }

    @Test
    void sweepWithoutValues() {
        List<SpecProblem> p = problemsOf("\n\"sweep\": {\"model.width\": []}");
        assertEquals(1, p.size());
        assertProblem(p.get(0), SpecProblem.Severity.ERROR, 2, 26, "$.sweep['model.width']: sweep has no values");
        assertEquals("$.sweep['model.width']", p.get(0).jsonPath());
    }

    @Test
    void sweepKeysMustNameAField() {
        List<SpecProblem> p = problemsOf("\n\"sweep\": {\"model.widht\": [1]}");
        assertEquals(1, p.size());
        assertProblem(p.get(0), SpecProblem.Severity.ERROR, 2, 11,
                "unknown sweep key 'model.widht' in $.sweep (did you mean 'model.width'?)");
        assertOnly(problemsOf("\"sweep\": {\"model\": [1]}"),
                "$.sweep['model']: 'model' is an object, not a field; sweep one of its fields such as 'model.family'");
        assertOnly(problemsOf("\"sweep\": {\"name\": [\"a\", \"b\"]}"),
                "$.sweep['name']: 'name' cannot be swept because run ids are derived from it");
        assertOnly(problemsOf("\"sweep\": {\"sweep\": [1]}"), "$.sweep['sweep']: 'sweep' cannot be swept");
    }

    @Test
    void sweepValuesAreValidatedLikeTheFieldWithTheirOwnPath() {
        List<SpecProblem> p = problemsOf("\"sweep\": {\"model.width\": [64, -1, \"x\"]}");
        assertEquals(List.of("$.sweep['model.width'][1]: must be in [1, 1000000] but was -1",
                "$.sweep['model.width'][2]: expected an integer but found string \"x\""),
                p.stream().map(SpecProblem::message).toList());
        assertOnly(problemsOf("\"sweep\": {\"seed\": 3}"), "$.sweep['seed']: expected an array of values but found number 3");
        assertOnly(problemsOf("\"sweep\": [\"seed\"]"),
                "$.sweep: expected an object mapping spec keys to arrays of values but found an array");
    }

    @Test
    void repeatedSweepValueIsOnlyAWarning() {
        SpecLoadResult r = Specs.parse("{\"name\": \"t\", \"optimizer\": {\"lr\": 0.1}, \"sweep\": {\"seed\": [1, 2, 1]}}");
        assertFalse(r.hasErrors());
        assertEquals(List.of("$.sweep['seed'][2]: value 1 is listed more than once, so the same run is repeated"),
                r.warnings().stream().map(SpecProblem::message).toList());
        assertEquals(3, r.runs().size());
    }

    @Test
    void sweptLearningRateSatisfiesTheRequirement() {
        SpecLoadResult r = Specs.parse("{\"name\": \"t\", \"sweep\": {\"optimizer.lr\": [0.1, 0.2]}}");
        assertEquals(List.of(), r.problems());
        assertEquals(0.2, r.runs().get(1).spec().optimizer().lr());
    }

    @Test
    void sweepLargerThanTheLimitIsRefused() {
        String seeds = IntStream.range(0, 201).mapToObj(Integer::toString).collect(Collectors.joining(","));
        String widths = IntStream.range(1, 62).mapToObj(Integer::toString).collect(Collectors.joining(","));
        assertOnly(problemsOf("\"sweep\": {\"seed\": [" + seeds + "], \"model.width\": [" + widths + "]}"),
                "$.sweep: expands to 12261 runs; at most 10000 are allowed");
    }

    @Test
    void severalProblemsInOneFileAreAllReportedInFileOrder() {
        List<SpecProblem> p = Specs.parse(Fixtures.text("specs/bad-several.json")).problems();
        List<String> expected = List.of(
                "2:11 $.name: 'several problems' is not valid; use 1 to 100 letters, digits, '.', '_' or '-', not starting with '.'",
                "3:11 $.seed: must be >= 0 but was -1",
                "5:14 $.model.width: expected an integer but found string \"wide\"",
                "6:5 unknown key 'activaton' in $.model (did you mean 'activation'?)",
                "7:15 $.model.family: 'rnn' is not one of mlp, cnn, resnet, transformer (did you mean 'cnn'?)",
                "9:16 missing required key 'lr' in $.optimizer",
                "11:17 $.optimizer.momentum: must be in [0, 1) but was 1.0",
                "14:14 $.training.steps: 99999999999999999999 is too large",
                "15:29 $.training.divergence_threshold: 1e999 is too large",
                "18:20 $.sweep['model.depth']: sweep has no values");
        assertEquals(expected, p.stream().map(x -> x.line() + ":" + x.column() + " " + x.message()).toList());
        assertTrue(p.stream().allMatch(SpecProblem::isError));
    }

    @Test
    void fileSourcesNeedAPath() {
        List<SpecProblem> p = problems("{\"name\": \"t\", \"optimizer\": {\"lr\": 0.1},\n \"data\": {\"source\": \"npz\"}}");
        assertEquals(1, p.size());
        assertProblem(p.get(0), SpecProblem.Severity.ERROR, 2, 21, "$.data.path: required when data.source is 'npz'");
    }

    @Test
    void ignoredSettingsAreWarningsThatStillAllowTheRun() {
        SpecLoadResult r = Specs.parse("{\"name\": \"t\", \"optimizer\": {\"lr\": 0.1},"
                + " \"data\": {\"path\": \"x.csv\", \"label_column\": \"y\"}, \"training\": {\"batch_size\": 10}}");
        assertFalse(r.hasErrors());
        assertEquals(List.of("$.data.path: ignored because data.source 'teacher_student' generates its data",
                "$.data.label_column: ignored because data.source is not 'csv'",
                "$.training.batch_size: ignored because optimizer 'gd' always uses the full batch"),
                r.warnings().stream().map(SpecProblem::message).toList());
        assertEquals(1, r.runs().size());
    }

    @Test
    void crossFieldRulesOnNumbers() {
        assertOnly(problems("{\"name\": \"t\", \"optimizer\": {\"lr\": 0.01, \"schedule\": {\"kind\": \"cosine\", \"min_lr\": 0.1}}}"),
                "$.optimizer.schedule.min_lr: must be <= optimizer.lr (0.01) but was 0.1");
        assertOnly(problemsOf("\"model\": {\"family\": \"transformer\", \"heads\": 4, \"embedding\": 30}"),
                "$.model.embedding: must be divisible by model.heads (4) but was 30");
        assertOnly(problems("{\"name\": \"t\", \"optimizer\": {\"name\": \"sgd\", \"lr\": 0.1}, \"training\": {\"batch_size\": 2000}}"),
                "$.training.batch_size: 2000 is larger than data.n_train (1000), so every step uses the full batch");
    }

    @Test
    void crossFieldRulesAreCheckedForEverySweepPointAndPointAtTheSweptValue() {
        List<SpecProblem> p = problems("{\"name\": \"t\", \"optimizer\": {\"lr\": 0.1},\n"
                + " \"sweep\": {\"data.source\": [\"teacher_student\", \"csv\"]}}");
        assertEquals(1, p.size(), p.toString());
        assertProblem(p.get(0), SpecProblem.Severity.ERROR, 2, 47, "$.data.path: required when data.source is 'csv'");
    }

    @Test
    void aFieldThatIsAlreadyInvalidDoesNotTriggerCrossFieldRules() {
        assertOnly(problemsOf("\"data\": {\"source\": \"parquet\", \"path\": \"x\"}"),
                "$.data.source: 'parquet' is not one of teacher_student, powerlaw_gaussian, modular_arithmetic, "
                        + "sparse_parity, gaussian_mixture, mnist_idx, cifar10_binary, npy, npz, csv");
    }

    @Test
    void jvmMemoryNeedsAUnitAndMustFitTheMachine() {
        String hint = " is not valid; use a whole number with a unit k, m, g or t, such as \"2g\" or \"512m\""
                + " (a bare number would be bytes)";
        assertOnly(problemsOf("\"execution\": {\"jvm_memory\": \"512\"}"), "$.execution.jvm_memory: '512'" + hint);
        assertOnly(problemsOf("\"execution\": {\"jvm_memory\": \"1.5g\"}"), "$.execution.jvm_memory: '1.5g'" + hint);
        assertOnly(problemsOf("\"execution\": {\"jvm_memory\": \"16m\"}"),
                "$.execution.jvm_memory: '16m' is too little for a backend process; give it at least 64m");
        java.util.OptionalLong machine = MemorySize.physicalMemory();
        org.junit.jupiter.api.Assumptions.assumeTrue(machine.isPresent(), "no /proc/meminfo here");
        List<SpecProblem> tooMuch = problemsOf("\"execution\": {\"jvm_memory\": \"99999g\"}");
        assertEquals(1, tooMuch.size(), tooMuch.toString());
        assertEquals("$.execution.jvm_memory: '99999g' (97.7 TiB) is more than the " + MemorySize.show(machine.getAsLong())
                + " of memory this machine has", tooMuch.get(0).message());
        assertTrue(tooMuch.get(0).line() > 0);
        List<SpecProblem> swept = problemsOf("\"sweep\": {\"execution.jvm_memory\": [\"1g\", \"99999g\"]}");
        assertEquals(1, swept.size(), swept.toString());
        assertTrue(swept.get(0).message().startsWith("$.sweep['execution.jvm_memory'][1]: '99999g'"), swept.toString());
        assertTrue(problemsOf("\"execution\": {\"jvm_memory\": \"64m\"}").isEmpty());
        assertEquals(3L << 30, MemorySize.bytes("3G"));
        assertEquals("1.5 GiB", MemorySize.show(1.5 * (1L << 30)));
    }
}
