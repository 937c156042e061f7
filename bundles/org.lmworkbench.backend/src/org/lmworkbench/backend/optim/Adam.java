package org.lmworkbench.backend.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * Adam with bias correction; with {@code decoupled} it is AdamW ({@code p -= lr wd p} before the
 * Adam step, as in PyTorch), otherwise weight decay is an L2 term added to the gradient. The
 * preconditioner is {@code sqrt(v / (1 - beta2^t)) + eps}.
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
    void update(String name, NDArray p, NDArray grad, double lr, boolean decay, Map<String, NDArray> state) {
        NDArray g = grad;
        if (decay && weightDecay > 0) {
            if (decoupled) {
                p.subi(p.mul(lr * weightDecay));
            } else {
                g = grad.add(p.mul(weightDecay));
            }
        }
        NDArray m = state.get(M).muli(beta1).addi(g.mul(1 - beta1));
        NDArray v = state.get(V).muli(beta2).addi(g.square().muli(1 - beta2));
        double c1 = 1 - Math.pow(beta1, updates);
        double c2 = 1 - Math.pow(beta2, updates);
        NDArray denominator = v.div(c2).sqrt().addi(eps);
        p.subi(m.mul(lr / c1).divi(denominator));
    }
}
