package org.lmworkbench.backend.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * Gradient descent (full batch or minibatch) with optional heavy-ball or Nesterov momentum and L2
 * weight decay, in PyTorch's convention: {@code b = mu b + g}, step {@code lr b} (Nesterov:
 * {@code lr (g + mu b)}). In this convention the stability threshold of heavy ball is
 * {@code 2(1 + mu)/lr}.
 */
public final class GradientDescent extends StatefulOptimizer {

    /** Slot name of the momentum buffer. */
    public static final String MOMENTUM = "momentum";

    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;

    /** An optimizer for {@code params}; momentum 0 keeps no state. */
    public GradientDescent(ParameterSet params, double momentum, boolean nesterov, double weightDecay) {
        super(params, momentum > 0 ? List.of(MOMENTUM) : List.of());
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    @Override
    void update(String name, NDArray p, NDArray grad, double lr, boolean decay, Map<String, NDArray> state) {
        NDArray g = decay && weightDecay > 0 ? grad.add(p.mul(weightDecay)) : grad;
        NDArray direction = g;
        if (momentum > 0) {
            // The buffer starts at zero, so the first update sets it to g as in PyTorch.
            NDArray buffer = state.get(MOMENTUM).muli(momentum).addi(g);
            direction = nesterov ? g.add(buffer.mul(momentum)) : buffer;
        }
        p.subi(direction.mul(lr));
    }
}
