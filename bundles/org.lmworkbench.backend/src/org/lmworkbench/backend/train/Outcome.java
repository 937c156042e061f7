package org.lmworkbench.backend.train;

import org.lmworkbench.core.run.RunState;

/**
 * How a training run ended.
 *
 * @param state   completed, diverged, cancelled, interrupted (the parent process died, or a scheduler's time
 *                limit is near) or failed
 * @param step    completed steps when it ended (for diverged: the step at which the loss diverged; -1 when unknown)
 * @param loss    last training loss seen, or null
 * @param message detail for the user, or null
 */
public record Outcome(RunState state, long step, Double loss, String message) {
}
