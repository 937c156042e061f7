package org.lmworkbench.backend.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.lmworkbench.backend.data.DataException;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.DataShape;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.Models;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.Specs;

/**
 * The up-front memory estimate: its parameter counts against the parameters the models actually
 * create, and sizes no machine holds refused with the spec keys and the memory they would need.
 */
class MemoryBudgetTest {

    private static final long GIB = 1L << 30;

    private static ExperimentSpec spec(String members) {
        String optimizer = members.contains("\"optimizer\"") ? "" : "\"optimizer\": {\"lr\": 0.1}, ";
        return Specs.parse("{\"name\": \"m\", " + optimizer + members + "}").singleSpec();
    }

    @Test
    void parameterCountsAreThoseTheModelsCreate() {
        Engines.pytorch(1);
        List<Object[]> cases = List.of(
                new Object[] {"\"model\": {\"family\": \"mlp\", \"width\": 24, \"depth\": 3}", new DataShape(new long[] {7}, 5, 0)},
                new Object[] {"\"model\": {\"family\": \"mlp\", \"width\": 9, \"depth\": 1, \"bias\": false}",
                    new DataShape(new long[] {1, 6, 6}, 3, 0)},
                new Object[] {"\"model\": {\"family\": \"cnn\", \"channels\": 6, \"depth\": 3}", new DataShape(new long[] {3, 12, 12}, 10, 0)},
                new Object[] {"\"model\": {\"family\": \"resnet\", \"channels\": 5, \"blocks\": 2, \"bias\": false}",
                    new DataShape(new long[] {1, 16, 16}, 4, 0)},
                new Object[] {"\"model\": {\"family\": \"transformer\", \"width\": 20, \"depth\": 2, \"heads\": 2,"
                    + " \"embedding\": 8, \"context\": 5}", new DataShape(new long[] {3}, 11, 12)});
        try (NDManager m = NDManager.newBaseManager()) {
            for (Object[] c : cases) {
                ExperimentSpec s = spec((String) c[0]);
                DataShape shape = (DataShape) c[1];
                Model model = Models.create(s, shape);
                long actual = model.init(m, 1, DataType.FLOAT32).elementCount();
                assertEquals((double) actual, MemoryBudget.parameters(s.model(), shape, shape.outputs()), (String) c[0]);
            }
        }
    }

    @Test
    void sizesTheMachineCannotHoldAreRefusedWithTheKeysAndTheMemoryNeeded() {
        MemoryBudget budget = new MemoryBudget(2 * GIB, OptionalLong.of(16 * GIB));
        DataException wide = assertThrows(DataException.class, () -> budget.checkModel(
                spec("\"model\": {\"width\": 1000000, \"depth\": 3}"), new DataShape(new long[] {32}, 1, 0), 1000));
        assertTrue(wide.getMessage().startsWith("$.model.width 1000000 and $.model.depth 3 give 2.00e+12 parameters"),
                wide.getMessage());
        DataException many = assertThrows(DataException.class, () -> budget.checkData(
                spec("\"data\": {\"n_train\": 2000000000}")));
        assertTrue(many.getMessage().contains("$.data.n_train 2000000000") && many.getMessage().contains("Java array"),
                many.getMessage());
        DataException outputs = assertThrows(DataException.class, () -> budget.checkData(
                spec("\"data\": {\"output_dim\": 1000000}")));
        assertEquals("$.data.n_train 1000 + $.data.n_test 1000 examples of $.data.input_dim 32 inputs and"
                + " $.data.output_dim 1000000 targets need about 29.8 GiB of Java heap, but the backend process may"
                + " use at most 2.0 GiB (execution.jvm_memory); reduce them or raise execution.jvm_memory",
                outputs.getMessage());
        DataException modulus = assertThrows(DataException.class, () -> budget.checkData(
                spec("\"data\": {\"source\": \"modular_arithmetic\", \"modulus\": 1000001}")));
        assertTrue(modulus.getMessage().startsWith("$.data.modulus: 1000001 gives 1000002000001 pairs"),
                modulus.getMessage());
        // Fits the heap, not the machine: the activations of a full batch of a million examples.
        DataException machine = assertThrows(DataException.class, () -> new MemoryBudget(64 * GIB, OptionalLong.of(
                16 * GIB)).checkModel(spec("\"model\": {\"width\": 4096, \"depth\": 10}, \"data\": {\"n_train\":"
                + " 1000000}, \"training\": {\"dtype\": \"float64\"}"), new DataShape(new long[] {32}, 1, 0), 1_000_000));
        assertEquals("$.model.width 4096 and $.model.depth 10 with 1000000 rows at a time ($.data.n_train (full"
                + " batch)) need about 616 GiB of memory, more than the 16.0 GiB of this machine; reduce them",
                machine.getMessage());
    }

    @Test
    void ordinaryRunsPass() {
        MemoryBudget budget = new MemoryBudget(256L << 20, OptionalLong.of(4 * GIB));
        ExperimentSpec eos = Specs.parse(org.lmworkbench.core.spec.ExampleSpecs.exampleEos()).singleSpec();
        budget.checkData(eos);
        budget.checkModel(eos, new DataShape(new long[] {16}, 4, 0), 200);
        ExperimentSpec mnistLike = spec("\"model\": {\"width\": 512, \"depth\": 2}, \"data\": {\"n_train\": 60000},"
                + " \"training\": {\"batch_size\": 128}");
        budget.checkModel(mnistLike, new DataShape(new long[] {1, 28, 28}, 10, 0), 60000);
    }
}
