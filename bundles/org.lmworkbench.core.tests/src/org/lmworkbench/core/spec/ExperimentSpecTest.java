package org.lmworkbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed spec: defaults, JSON round trip, dotted-key access. */
class ExperimentSpecTest {

    private static ExperimentSpec full() {
        SpecLoadResult r = Specs.parse(Fixtures.text("specs/full-valid.lmx"));
        assertEquals(List.of(), r.problems());
        return r.singleSpec();
    }

    @Test
    void defaultsAreFilledIn() {
        ExperimentSpec s = Specs.parse("{\"name\": \"d\", \"optimizer\": {\"lr\": 0.1}}").singleSpec();
        assertEquals("", s.description());
        assertEquals(0, s.seed());
        assertEquals(new ModelSpec(ModelSpec.Family.MLP, 128, 2, ModelSpec.Activation.RELU, true, ModelSpec.Parameterization.SP,
                64, 1.0, 1.0, 16, 2, 4, 16, 64), s.model());
        assertEquals(new DataSpec(DataSpec.Source.TEACHER_STUDENT, null, 1000, 1000, 32, 1, 0.0, 1.0, 97, 3, 4, 256, null, 0),
                s.data());
        assertEquals(new OptimizerSpec(OptimizerSpec.Algorithm.GD, 0.1, 0.0, false, 0.9, 0.999, 1e-8, 0.0,
                new ScheduleSpec(ScheduleSpec.Kind.CONSTANT, 0, 0.0)), s.optimizer());
        assertEquals(new TrainingSpec(1000, TrainingSpec.FULL_BATCH, TrainingSpec.Loss.MSE, TrainingSpec.DType.FLOAT32, 1e6),
                s.training());
        assertEquals(new ProbeSpec(10, new ProbeSpec.Sharpness(0, 1, 1000, 100, 1e-4), new ProbeSpec.Trace(0, 20),
                new ProbeSpec.Activations(0, List.of()), 0), s.probes());
        assertEquals(new ExecutionSpec(ExecutionSpec.Device.AUTO, 1, 1, "2g"), s.execution());
        assertEquals(s, ExperimentSpec.withDefaults("d", 0.1));
    }

    @Test
    void defaultsThatFollowOtherFields() {
        ExperimentSpec s = Specs.parse("{\"name\": \"d\", \"seed\": 5, \"optimizer\": {\"name\": \"momentum\", \"lr\": 0.1}}")
                .singleSpec();
        assertEquals(0.9, s.optimizer().momentum(), "momentum optimizer defaults to 0.9");
        assertEquals(5, s.data().seed(), "data seed follows the top-level seed");
        ExperimentSpec fixed = Specs.parse("{\"name\": \"d\", \"seed\": 5, \"data\": {\"seed\": 1}, \"optimizer\": {\"lr\": 0.1}}")
                .singleSpec();
        assertEquals(1, fixed.data().seed());
        assertEquals(0.0, fixed.optimizer().momentum());
    }

    @Test
    void everyValueOfTheFullFixtureIsRead() {
        ExperimentSpec s = full();
        assertEquals("full.spec_v2", s.name());
        assertEquals(7, s.seed());
        assertEquals(new ModelSpec(ModelSpec.Family.TRANSFORMER, 96, 3, ModelSpec.Activation.GELU, false,
                ModelSpec.Parameterization.MUP, 32, 0.5, 2.5, 8, 3, 2, 32, 48), s.model());
        assertEquals(new DataSpec(DataSpec.Source.CSV, "data/table.csv", 200, 50, 10, 3, 0.1, 1.5, 113, 4, 3, 64, "target", 11),
                s.data());
        assertEquals(new OptimizerSpec(OptimizerSpec.Algorithm.ADAMW, 0.001, 0.5, true, 0.8, 0.99, 1e-6, 0.01,
                new ScheduleSpec(ScheduleSpec.Kind.COSINE, 100, 0.0001),
                new OptimizerSpec.ZeroOrder(3, OptimizerSpec.Distribution.SPHERE, 0.002)), s.optimizer());
        assertEquals(new TrainingSpec(5000, 32, TrainingSpec.Loss.CROSS_ENTROPY, TrainingSpec.DType.FLOAT64, 1000), s.training());
        assertEquals(new ProbeSpec(5, new ProbeSpec.Sharpness(100, 3, 128, 50, 0.001), new ProbeSpec.Trace(200, 10),
                new ProbeSpec.Activations(500, List.of("block0", "block2")), 1000, new ProbeSpec.Features(250, 100),
                new ProbeSpec.Modes(50, 2), new ProbeSpec.Noise(300, 16),
                new ProbeSpec.SharpnessDimension(250, 0.05, ProbeSpec.Method.SLQ, 6, 30, 64)), s.probes());
        assertEquals(new ExecutionSpec(ExecutionSpec.Device.CPU, 4, 2, "4g", ExecutionSpec.Target.SLURM,
                new ExecutionSpec.Slurm("short", "0:30:00", 4, "6G", 0, "lab", "normal", List.of("--constraint=avx2"),
                        120)), s.execution());
    }

    @Test
    void jsonRoundTripsThroughTheReader() {
        ExperimentSpec s = full();
        String json = s.toJson();
        ExperimentSpec back = ExperimentSpec.fromJson(json);
        assertEquals(s, back);
        assertEquals(json, back.toJson(), "output is stable");
        ExperimentSpec defaults = ExperimentSpec.withDefaults("d", 0.05);
        assertEquals(defaults, ExperimentSpec.fromJson(defaults.toJson()));
    }

    @Test
    void jsonKeysFollowTheSchemaOrder() {
        List<String> written = new ArrayList<>();
        flatten("", full().toMap(), written);
        List<String> schema = SpecSchema.fields().stream().map(SpecSchema.Field::key).toList();
        assertEquals(schema, written);
    }

    private static void flatten(String prefix, Map<?, ?> map, List<String> keys) {
        map.forEach((k, v) -> {
            String key = prefix.isEmpty() ? (String) k : prefix + "." + k;
            if (v instanceof Map<?, ?> child) {
                flatten(key, child, keys);
            } else {
                keys.add(key);
            }
        });
    }

    @Test
    void fromJsonRejectsASweep() {
        SpecException e = assertThrows(SpecException.class,
                () -> ExperimentSpec.fromJson("{\"name\": \"t\", \"optimizer\": {\"lr\": 1}, \"sweep\": {\"seed\": [1, 2]}}"));
        assertEquals("$.sweep: a single run was expected but the spec contains a sweep", e.problems().get(0).message());
    }

    @Test
    void valuesByDottedKey() {
        ExperimentSpec s = full();
        assertEquals(96, s.get("model.width"));
        assertEquals(0.001, s.get("optimizer.lr"));
        assertEquals("cosine", s.get("optimizer.schedule.kind"));
        assertEquals(32, s.get("training.batch_size"));
        assertEquals(List.of("block0", "block2"), s.get("probes.activations.layers"));
        assertEquals("full", ExperimentSpec.withDefaults("d", 1).get("training.batch_size"));
        assertNull(ExperimentSpec.withDefaults("d", 1).get("data.path"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.get("model.widht"));
        assertEquals("'model.widht' is not a spec field (did you mean 'model.width'?)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.get("model"));
    }

    @Test
    void withValueReplacesOneFieldAndKeepsTheRest() {
        ExperimentSpec s = full();
        ExperimentSpec wider = s.withValue("model.width", 512);
        assertEquals(512, wider.model().width());
        assertEquals(s, wider.withValue("model.width", 96));
        assertEquals(TrainingSpec.FULL_BATCH, s.withValue("training.batch_size", "full").training().batchSize());
        assertEquals(ModelSpec.Activation.TANH, s.withValue("model.activation", ModelSpec.Activation.TANH).model().activation());
        ExperimentSpec synthetic = s.withValue("data.source", "teacher_student").withValue("data.path", null);
        assertNull(synthetic.data().path());
        assertEquals(11, s.withValue("seed", 99).data().seed(), "a resolved data seed stays put");
    }

    @Test
    void withValueRejectsInvalidValuesWithTheUsualMessage() {
        SpecException e = assertThrows(SpecException.class, () -> full().withValue("optimizer.lr", -1));
        assertEquals(List.of("$.optimizer.lr: must be > 0 but was -1"), e.problems().stream().map(SpecProblem::message).toList());
        e = assertThrows(SpecException.class, () -> full().withValue("data.path", null));
        assertEquals("$.data.path: required when data.source is 'csv'", e.problems().get(0).message());
        assertThrows(IllegalArgumentException.class, () -> full().withValue("sweep", List.of()));
    }

    @Test
    void stabilityThresholdIsTwoOverLrForGd() {
        ExperimentSpec s = ExperimentSpec.withDefaults("d", 0.05);
        assertEquals(40.0, s.optimizer().stabilityThreshold(), 1e-12);
        assertTrue(Double.isNaN(full().optimizer().stabilityThreshold()), "no simple bound for AdamW");
    }

    @Test
    void everyExampleIsValidAndNamedAfterItsFile() {
        Map<String, Integer> runs = Map.of(ExampleSpecs.EXAMPLE_EOS, 1, ExampleSpecs.DATA_SCALING, 7,
                ExampleSpecs.MUP_TRANSFER, 12, ExampleSpecs.SP_TRANSFER, 12, ExampleSpecs.THEORY_FACT, 1,
                ExampleSpecs.THEORY_DEEP_LINEAR, 2, ExampleSpecs.ZO_EDGE, 1, ExampleSpecs.GROKKING, 1);
        for (String file : ExampleSpecs.ALL) {
            SpecLoadResult r = Specs.parse(ExampleSpecs.text(file));
            assertEquals(List.of(), r.problems(), file);
            assertEquals(runs.get(file), r.runs().size(), file);
            // the workbench finds a spec's runs by this name, and the fit and CKA examples by the ids
            assertEquals(file.substring(0, file.indexOf(".lmx")),
                    r.runs().get(0).spec().name(), file);
        }
        SpecLoadResult transfer = Specs.parse(ExampleSpecs.text(ExampleSpecs.MUP_TRANSFER));
        // analyses/widths.cka of the example project compares these three runs: lr 2^-5 at each width
        for (int[] idWidth : new int[][] {{2, 32}, {6, 64}, {10, 128}}) {
            ExperimentSpec s = transfer.runs().get(idWidth[0]).spec();
            assertEquals(idWidth[1], s.model().width());
            assertEquals(0.03125, s.optimizer().lr());
            assertEquals(String.format("mup-transfer-%03d", idWidth[0]), transfer.runs().get(idWidth[0]).runId());
        }
        assertThrows(IllegalArgumentException.class, () -> ExampleSpecs.text("nope.lmx"));
    }

    @Test
    void exampleSpecShippedInTheBundleMatchesTheFixtureAndIsValid() {
        String text = ExampleSpecs.exampleEos();
        assertEquals(Fixtures.text("specs/example-eos.lmx"), text);
        SpecLoadResult r = Specs.parse(text);
        assertEquals(List.of(), r.problems());
        ExperimentSpec s = r.singleSpec();
        assertEquals(ModelSpec.Activation.TANH, s.model().activation());
        assertEquals(64, s.model().width());
        assertEquals(2, s.model().depth());
        assertEquals(200, s.data().nTrain());
        assertEquals(4, s.data().outputDim());
        assertEquals(1.0, s.data().noise());
        assertEquals(OptimizerSpec.Algorithm.GD, s.optimizer().name());
        assertEquals(0.1, s.optimizer().lr());
        assertEquals(20.0, s.optimizer().stabilityThreshold(), 1e-12);
        assertEquals(TrainingSpec.DType.FLOAT64, s.training().dtype());
        assertEquals(1000, s.training().steps());
        assertEquals(new ProbeSpec.Sharpness(20, 2, 200, 100, 1e-4), s.probes().sharpness());
        assertEquals(10, s.probes().metricsEvery());
        assertFalse(r.isSweep());
    }
}
