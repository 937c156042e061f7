package org.lmworkbench.backend.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * Adam with bias correction; with {@code decoupled} it is AdamW ({@code p -= lr wd p} before the
 * Adam step, as in PyTorch), otherwise weight decay is an L2 term added to the gradient. The
 * preconditioner is {@code sqrt(v) / sqrt(1 - beta2^t) + eps}, the step {@code lr / (1 - beta1^t)}
 * times the first moment over it, as in {@code torch.optim.Adam}.
 */
public final class Adam extends StatefulOptimizer {

    /** Slot of the first moment. */
    public static final String M = "m";
    /** Slot of the second moment. */
    public static final String V = "v";

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;

    /** An optimizer for {@code params}. */
    public Adam(ParameterSet params, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        super(params, List.of(M, V));
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    void update(List<NDArray> params, List<NDArray> grads, double[] rates, boolean[] decay) {
        double c1 = 1 - Math.pow(beta1, updates);
        double c2 = 1 - Math.pow(beta2, updates);
        double[] stepSizes = new double[rates.length];
        double[] decays = new double[rates.length];
        double[] shrinks = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            boolean decayed = decay[i] && weightDecay > 0;
            stepSizes[i] = rates[i] / c1;
            decays[i] = decayed && !decoupled ? weightDecay : 0;
            shrinks[i] = decayed && decoupled ? 1 - rates[i] * weightDecay : 1;
        }
        FusedUpdates.adam(params, grads, slot(M), slot(V), stepSizes, decays, shrinks, beta1, beta2, eps, Math.sqrt(c2));
    }
}
