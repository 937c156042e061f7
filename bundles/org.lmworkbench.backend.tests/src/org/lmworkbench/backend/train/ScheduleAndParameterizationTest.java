package org.lmworkbench.backend.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lmworkbench.backend.model.ParameterInfo.Role;
import org.lmworkbench.backend.model.Parameterization;
import org.lmworkbench.backend.optim.LrSchedule;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ModelSpec;

/** Learning-rate schedules, muP multipliers and batch order: pure functions with known values. */
class ScheduleAndParameterizationTest {

    @Test
    void schedules() {
        ExperimentSpec cosine = ExperimentSpec.fromJson("""
                {"name": "s", "optimizer": {"lr": 1.0, "schedule": {"kind": "cosine", "warmup_steps": 10, "min_lr": 0.1}}}
                """);
        LrSchedule s = new LrSchedule(cosine.optimizer(), 111);
        assertEquals(0.1, s.at(0), 1e-12);
        assertEquals(1.0, s.at(9), 1e-12);
        assertEquals(1.0, s.at(10), 1e-12);
        assertEquals(0.55, s.at(60), 1e-12);
        assertEquals(0.1, s.at(110), 1e-12);
        LrSchedule constant = new LrSchedule(ExperimentSpec.withDefaults("c", 0.3).optimizer(), 10);
        assertEquals(0.3, constant.at(0));
        assertEquals(0.3, constant.at(9));
    }

    @Test
    void mupMultipliersFollowMicrosoftMup() {
        Parameterization adam = new Parameterization(ModelSpec.Parameterization.MUP, 1, 256, 64, true);
        assertEquals(4, adam.widthMultiplier());
        assertEquals(0.25, adam.lrMultiplier(Role.HIDDEN_WEIGHT));
        assertEquals(1, adam.lrMultiplier(Role.INPUT_WEIGHT));
        assertEquals(1, adam.lrMultiplier(Role.OUTPUT_WEIGHT));
        assertEquals(0.25, adam.forwardMultiplier(Role.OUTPUT_WEIGHT, 256));
        Parameterization sgd = new Parameterization(ModelSpec.Parameterization.MUP, 1, 256, 64, false);
        assertEquals(4, sgd.lrMultiplier(Role.INPUT_WEIGHT));
        assertEquals(1, sgd.lrMultiplier(Role.HIDDEN_WEIGHT));
        assertEquals(4, sgd.lrMultiplier(Role.HIDDEN_VECTOR));
        Parameterization atBase = new Parameterization(ModelSpec.Parameterization.MUP, 2, 64, 64, true);
        Parameterization sp = new Parameterization(ModelSpec.Parameterization.SP, 2, 64, 64, true);
        for (Role r : Role.values()) {
            assertEquals(sp.lrMultiplier(r), atBase.lrMultiplier(r), "muP equals SP at the base width");
            assertEquals(sp.initStd(r, 64), atBase.initStd(r, 64));
            assertEquals(sp.forwardMultiplier(r, 64), atBase.forwardMultiplier(r, 64));
        }
        Parameterization ntk = new Parameterization(ModelSpec.Parameterization.NTK, 1, 100, 64, false);
        assertEquals(1, ntk.initStd(Role.HIDDEN_WEIGHT, 100));
        assertEquals(0.1, ntk.forwardMultiplier(Role.HIDDEN_WEIGHT, 100), 1e-15);
    }

    @Test
    void batchOrderIsAPureFunctionOfTheStep() {
        BatchSchedule a = new BatchSchedule(7, 10, 4);
        BatchSchedule b = new BatchSchedule(7, 10, 4);
        int[] later = b.rows(5);
        b.rows(0);
        assertArrayEquals(later, a.rows(5));
        int[] epoch = new int[10];
        for (int t = 0; t < 10; t++) {
            for (int r : a.rows(t)) {
                epoch[r]++;
            }
        }
        assertArrayEquals(new int[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, epoch, "every example equally often");
        assertNotEquals(Arrays.toString(new BatchSchedule(8, 10, 4).rows(0)), Arrays.toString(a.rows(0)));
        assertEquals(10, new BatchSchedule(1, 10, 0).batchSize());
    }
}
