package org.lmworkbench.backend.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;
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
    void update(List<NDArray> params, List<NDArray> grads, double[] rates, boolean[] decay) {
        double[] decays = new double[rates.length];
        for (int i = 0; i < decays.length; i++) {
            decays[i] = decay[i] ? weightDecay : 0;
        }
        // The buffers start at zero, so the first update sets them to g as in PyTorch.
        FusedUpdates.sgd(params, grads, momentum > 0 ? slot(MOMENTUM) : List.of(), rates, decays, momentum, nesterov);
    }
}
