package org.lmworkbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Editing a spec's JSON text by dotted key, as the form editor and launch tabs do. */
class SpecJsonEditorTest {

    private static final String EXAMPLE = ExampleSpecs.exampleEos();

    @Test
    void settingTheValueAlreadyWrittenGivesBackTheExampleByteForByte() {
        // the example is written in the editor's own layout, so a no-op edit must not reformat it
        assertEquals(EXAMPLE, SpecJsonEditor.set(EXAMPLE, "model.width", 64));
    }

    @Test
    void replacingAValueChangesOnlyThatLine() {
        String edited = SpecJsonEditor.set(EXAMPLE, "model.width", 256);
        List<String> before = EXAMPLE.lines().toList();
        List<String> after = edited.lines().toList();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).contains("\"width\": 64")) {
                assertEquals("    \"width\": 256,", after.get(i));
            } else {
                assertEquals(before.get(i), after.get(i), "line " + (i + 1));
            }
        }
        assertEquals(256, Specs.parse(edited).singleSpec().model().width());
    }

    @Test
    void anAbsentKeyIsInsertedAtItsSchemaPositionAndNumbersKeepTheirSpelling() {
        String text = "{\n  \"name\": \"a\",\n  \"model\": {\n    \"width\": 8,\n    \"bias\": false\n  },\n"
                + "  \"optimizer\": {\n    \"lr\": 1e-3\n  }\n}\n";
        String edited = SpecJsonEditor.set(text, "model.depth", 3);
        assertEquals("{\n  \"name\": \"a\",\n  \"model\": {\n    \"width\": 8,\n    \"depth\": 3,\n    \"bias\": false\n  },\n"
                + "  \"optimizer\": {\n    \"lr\": 1e-3\n  }\n}\n", edited);
    }

    @Test
    void aMissingSectionIsCreatedBeforeTheSectionsThatFollowIt() {
        String text = "{\"name\": \"a\", \"optimizer\": {\"lr\": 0.1}, \"sweep\": {\"seed\": [0, 1]}}";
        String edited = SpecJsonEditor.set(text, "model.activation", "tanh");
        assertEquals("{\n  \"name\": \"a\",\n  \"model\": {\n    \"activation\": \"tanh\"\n  },\n"
                + "  \"optimizer\": {\n    \"lr\": 0.1\n  },\n  \"sweep\": {\n    \"seed\": [\n      0,\n      1\n    ]\n  }\n}\n",
                edited);
        String execution = SpecJsonEditor.set(edited, "execution.threads", 4);
        assertTrue(execution.indexOf("\"execution\"") < execution.indexOf("\"sweep\""));
        assertEquals(2, Specs.parse(execution).runs().size());
        assertEquals(4, Specs.parse(execution).runs().get(1).spec().execution().threads());
    }

    @Test
    void removingAValueRestoresTheDefaultAndDropsTheEmptiedSection() {
        String text = "{\"name\": \"a\", \"optimizer\": {\"lr\": 0.1}, \"execution\": {\"threads\": 4}}";
        String edited = SpecJsonEditor.set(text, "execution.threads", null);
        assertFalse(edited.contains("execution"));
        assertEquals(1, Specs.parse(edited).singleSpec().execution().threads());
        String width = SpecJsonEditor.set(text, "model.width", null);
        assertEquals(Specs.parse(text).singleSpec(), Specs.parse(width).singleSpec());
    }

    @Test
    void valuesOfEveryKindRoundTripThroughCore() {
        String text = "{\"name\": \"a\", \"optimizer\": {\"name\": \"sgd\", \"lr\": 0.1}}";
        text = SpecJsonEditor.set(text, "optimizer.lr", 0.05);
        text = SpecJsonEditor.set(text, "optimizer.eps", new BigDecimal("1e-6"));
        text = SpecJsonEditor.set(text, "model.bias", false);
        text = SpecJsonEditor.set(text, "training.batch_size", 32);
        text = SpecJsonEditor.set(text, "probes.activations.layers", List.of("layer1", "layer2"));
        text = SpecJsonEditor.set(text, "execution.jvm_memory", "512m");
        ExperimentSpec spec = Specs.parse(text).singleSpec();
        assertEquals(0.05, spec.optimizer().lr());
        assertTrue(text.contains("\"lr\": 0.05,"), text);
        assertEquals(1e-6, spec.optimizer().eps());
        assertFalse(spec.model().bias());
        assertEquals(32, spec.training().batchSize());
        assertEquals(List.of("layer1", "layer2"), spec.get("probes.activations.layers"));
        assertEquals("512m", spec.get("execution.jvm_memory"));
        assertEquals(0.05, ((Number) SpecJsonEditor.get(text, "optimizer.lr")).doubleValue());
        assertEquals(null, SpecJsonEditor.get(text, "model.width"));
    }

    @Test
    void anInvalidValueIsWrittenSoTheValidatorCanNameIt() {
        String edited = SpecJsonEditor.set(EXAMPLE, "model.width", -3);
        SpecProblem problem = Specs.parse(edited).errors().get(0);
        assertEquals("$.model.width", problem.jsonPath());
        assertEquals(edited.lines().toList().indexOf("    \"width\": -3,") + 1, problem.line());
    }

    @Test
    void textThatCannotBeReadCleanlyIsRefusedNotRewritten() {
        String broken = "{\"name\": \"a\", \"optimizer\": {\"lr\": 0.1,}}";
        assertTrue(SpecJsonEditor.refusal(broken).isPresent());
        assertThrows(SpecException.class, () -> SpecJsonEditor.set(broken, "model.width", 3));
        String duplicate = "{\"name\": \"a\", \"name\": \"b\", \"optimizer\": {\"lr\": 0.1}}";
        assertTrue(SpecJsonEditor.refusal(duplicate).orElseThrow().contains("name"));
        assertThrows(SpecException.class, () -> SpecJsonEditor.set(duplicate, "seed", 3));
        assertFalse(SpecJsonEditor.refusal(EXAMPLE).isPresent());
        assertThrows(IllegalArgumentException.class, () -> SpecJsonEditor.set(EXAMPLE, "model.widht", 3));
    }
}
