package org.lmworkbench.backend.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * The balancedness {@code D_l = W_l W_l^T - W_(l+1)^T W_(l+1)} of an MLP's chain of weight
 * matrices ({@code W_l} as {@code out x in}; the backend stores {@code W_l^T}), for
 * {@code metrics.jsonl}: its norm and its drift from initialisation. Gradient flow keeps every
 * {@code D_l} fixed for deep linear networks (and, on the diagonal, for ReLU networks); a
 * gradient-descent step changes it by {@code eta^2 (G_l G_l^T - G_(l+1)^T G_(l+1))}, so the drift
 * measures the discreteness of the steps (see {@link
 * org.lmworkbench.analysis.theory.deeplinear.Balancedness}, the same quantity on plain matrices).
 * The law holds for the stored weights when every layer has the same learning rate and unit forward
 * multipliers (the standard parameterization); biases are left out, so with biases it is the weight
 * part only. Computed on the device in float64.
 */
final class BalancednessMetric {

    private final List<String> chain;
    private final ParameterSet initial;

    private BalancednessMetric(List<String> chain, ParameterSet initial) {
        this.chain = chain;
        this.initial = initial;
    }

    /** The metric of an MLP with at least one hidden layer, or null for other models. */
    static BalancednessMetric of(Model model, ParameterSet initial) {
        if (!model.family().equals("mlp") || model.layerNames().isEmpty()) {
            return null;
        }
        List<String> chain = new ArrayList<>();
        for (String layer : model.layerNames()) {
            chain.add(layer + ".weight");
        }
        chain.add("output.weight");
        return new BalancednessMetric(chain, initial);
    }

    /**
     * {@code {|D|, |D - D_0|}} over all adjacent pairs (Frobenius norms summed in squares).
     * {@code D_0} is recomputed from the initial weights each time: temporaries live only as long as
     * the step's manager.
     */
    double[] measure(ParameterSet params) {
        List<NDArray> now = matrices(params);
        List<NDArray> initial = matrices(this.initial);
        double norm = 0;
        double drift = 0;
        for (int l = 0; l < now.size(); l++) {
            norm += now.get(l).square().sum().getDouble();
            drift += now.get(l).sub(initial.get(l)).square().sum().getDouble();
        }
        return new double[] {Math.sqrt(norm), Math.sqrt(drift)};
    }

    private List<NDArray> matrices(ParameterSet params) {
        List<NDArray> d = new ArrayList<>();
        // Stored S_l = W_l^T: W_l W_l^T = S_l^T S_l and W_(l+1)^T W_(l+1) = S_(l+1) S_(l+1)^T.
        for (int l = 0; l + 1 < chain.size(); l++) {
            NDArray s = params.get(chain.get(l)).toType(DataType.FLOAT64, true);
            NDArray next = params.get(chain.get(l + 1)).toType(DataType.FLOAT64, true);
            d.add(s.transpose().matMul(s).sub(next.matMul(next.transpose())));
        }
        return d;
    }
}
