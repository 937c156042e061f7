package org.lmworkbench.backend.diagnostics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.analysis.theory.features.FactCorrelation;
import org.lmworkbench.analysis.theory.features.FeaturesAtConvergence;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.core.run.DiagnosticsFile;

/**
 * The features-at-convergence relation of every weight matrix of a {@link Model}, from one backward
 * pass.
 *
 * <p>A layer {@code z_i = m W h_i + b} ({@code W} as {@code out x in}) has the data-loss gradient
 * {@code G = (m/n) sum_i delta_i h_i^T}, so {@code W^T G = (1/n) sum_i g_i h_i^T} with
 * {@code g_i = m W^T delta_i}, the gradient of example {@code i}'s loss w.r.t. the layer input. The
 * right-hand side {@code -(1/(n lambda)) sum_i g_i h_i^T} is therefore {@code -(1/lambda) W^T G}: no
 * per-example input gradients and no change to the model are needed, and the forward multiplier
 * {@code m} of the parameterization is accounted for. A convolution is the same relation over
 * unfolded patches (the sum runs over examples and positions): its kernel {@code [out, in, k, k]} is
 * read as {@code out x (in k k)}. Embedding tables are linear maps of one-hot inputs and count as
 * dense weights. Only tensors that weight decay applies to take part (biases and norm gains do not).
 */
public final class LayerFact {

    /** Above this many inputs {@code W^T W} and its eigendecomposition get too large to measure. */
    public static final int MAX_INPUTS = 1024;

    private LayerFact() {
    }

    /**
     * Gradients of the mean training loss over {@code batch} w.r.t. every parameter, in float64.
     * The parameters are copied, so the caller's arrays and their gradients are untouched.
     */
    public static Map<String, NDArray> dataGradients(Model model, ParameterSet params, Loss loss, Batch batch,
            NDManager manager) {
        ParameterSet copy = params.copy(manager);
        copy.requireGradients();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(loss.compute(model.forward(copy, batch.x(), true), batch.y()));
        }
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        for (String name : copy.names()) {
            gradients.put(name, copy.get(name).getGradient().toType(DataType.FLOAT64, true));
        }
        return gradients;
    }

    /**
     * A weight tensor as {@code out x in}: dense weights are stored {@code [in, out]}, convolution
     * kernels {@code [out, in, k, k]}; null for other shapes.
     */
    public static double[][] asOutByIn(NDArray stored) {
        NDArray w = stored.toType(DataType.FLOAT64, true);
        return switch (w.getShape().dimension()) {
            case 2 -> NeuralFeatureAnsatz.toRect(w.transpose());
            case 4 -> NeuralFeatureAnsatz.toRect(w.reshape(w.getShape().get(0), -1));
            default -> null;
        };
    }

    /**
     * The right-hand side {@code -(1/lambda) W^T G} ({@code in x in}) of one weight, both given
     * {@code out x in}.
     */
    public static double[][] rightHandSide(double[][] w, double[][] gradient, double lambda) {
        int out = w.length;
        int in = w[0].length;
        double[][] m = new double[in][in];
        for (int o = 0; o < out; o++) {
            double[] wr = w[o];
            double[] gr = gradient[o];
            for (int a = 0; a < in; a++) {
                double wa = wr[a];
                if (wa == 0) {
                    continue;
                }
                for (int b = 0; b < in; b++) {
                    m[a][b] += wa * gr[b];
                }
            }
        }
        double scale = -1.0 / lambda;
        for (double[] row : m) {
            for (int b = 0; b < in; b++) {
                row[b] *= scale;
            }
        }
        return m;
    }

    /**
     * The relation for every decayed weight matrix, measured on {@code batch} (which should be the
     * whole training set: the critical point is that of the full training loss).
     *
     * @param lambda the coupled weight decay; 0 gives the correlations (which do not depend on a
     *               positive scale) without the residual
     */
    public static DiagnosticsFile.Fact measure(Model model, ParameterSet params, Loss loss, Batch batch, double lambda,
            NDManager manager) {
        Map<String, NDArray> gradients = dataGradients(model, params, loss, batch, manager);
        List<DiagnosticsFile.LayerFact> layers = new ArrayList<>();
        for (String name : params.names()) {
            NDArray stored = params.get(name);
            int dims = stored.getShape().dimension();
            if (!params.info(name).decay() || (dims != 2 && dims != 4)) {
                continue;
            }
            String layer = name.endsWith(".weight") ? name.substring(0, name.length() - ".weight".length()) : name;
            int inputs = (int) (dims == 2 ? stored.getShape().get(0) : stored.getShape().size() / stored.getShape().get(0));
            if (inputs > MAX_INPUTS) {
                layers.add(DiagnosticsFile.LayerFact.skipped(layer, inputs,
                        inputs + " inputs, above the limit of " + MAX_INPUTS));
                continue;
            }
            double[][] w = asOutByIn(stored);
            double[][] rhs = rightHandSide(w, asOutByIn(gradients.get(name)), lambda > 0 ? lambda : 1.0);
            FactCorrelation c = FeaturesAtConvergence.correlate(w, rhs);
            layers.add(new DiagnosticsFile.LayerFact(layer, inputs, c.raw(), c.symmetric(), c.psd(),
                    lambda > 0 ? c.relativeResidual() : Double.NaN, null));
        }
        return new DiagnosticsFile.Fact(null, lambda, layers);
    }
}
