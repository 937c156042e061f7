package org.lmworkbench.core.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tag to metric name: the documented rule, collisions and the file's own keys. */
class MetricNamesTest {

    @Test
    void everyCharacterButLettersDigitsAndUnderscoreBecomesUnderscore() {
        assertEquals("loss_train", MetricNames.sanitise("loss/train"));
        assertEquals("eval_acc", MetricNames.sanitise("eval.acc"));
        assertEquals("grad_norm__L2_", MetricNames.sanitise("grad-norm (L2)"));
        assertEquals("_1st", MetricNames.sanitise("1st"));
        assertEquals("_", MetricNames.sanitise(""));
        assertEquals("loss__", MetricNames.sanitise("loss\u00b2\uD83D\uDE00"), "one _ per character, also outside the BMP");
    }

    @Test
    void collisionsAndReservedKeysGetNumberedInOrderOfFirstAppearance() {
        MetricNames names = new MetricNames();
        List<String> got = List.of("loss/train", "loss_train", "loss.train", "step", "wall time", "loss/train").stream()
                .map(names::of).toList();
        assertEquals(List.of("loss_train", "loss_train_2", "loss_train_3", "step_2", "wall_time_2", "loss_train"), got);
        assertEquals(Map.of("loss/train", "loss_train", "loss_train", "loss_train_2", "loss.train", "loss_train_3",
                "step", "step_2", "wall time", "wall_time_2"), names.mapping());
    }
}
