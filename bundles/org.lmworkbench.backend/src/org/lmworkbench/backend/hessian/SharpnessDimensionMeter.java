package org.lmworkbench.backend.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lmworkbench.analysis.spectral.ProgressSink;
import org.lmworkbench.analysis.spectral.SpectralQuadrature;
import org.lmworkbench.analysis.spectral.StochasticLanczosQuadrature;
import org.lmworkbench.analysis.theory.dimension.SharpnessDimension;
import org.lmworkbench.analysis.theory.dimension.SharpnessDimensionEstimate;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.core.run.SharpnessDimensionLine;
import org.lmworkbench.core.spec.ProbeSpec;

/**
 * Measures the sharpness dimension (Tuci et al. 2026) of a network at its current parameters: the
 * Kaplan-Yorke dimension of the map {@code x - eta grad L_B} from the spectra of minibatch Hessians
 * ({@link SharpnessDimension}). Each sample is a fresh random minibatch of the training set. With
 * {@code exact} every minibatch Hessian is assembled densely from Hessian-vector products of the
 * basis vectors and eigendecomposed (cost {@code d} products each); with {@code slq} each minibatch
 * gets one stochastic Lanczos quadrature run, and the estimate pools the runs' densities. Shared by
 * the training probe and {@code lmw sharpness-dimension}.
 */
public final class SharpnessDimensionMeter {

    private final ProbeSpec.SharpnessDimension settings;
    private final long seed;

    /**
     * @param settings minibatches, their size, method and Lanczos steps
     * @param seed     seed of the minibatch rows and the Lanczos start vectors
     */
    public SharpnessDimensionMeter(ProbeSpec.SharpnessDimension settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    /** The method used for {@code d} parameters ({@code auto} resolved). */
    public ProbeSpec.Method method(long d) {
        if (settings.method() != ProbeSpec.Method.AUTO) {
            return settings.method();
        }
        return d <= ProbeSpec.Method.EXACT_LIMIT ? ProbeSpec.Method.EXACT : ProbeSpec.Method.SLQ;
    }

    /**
     * Measures.
     *
     * @param model   the network
     * @param params  its parameters (leaves that can require gradients)
     * @param loss    the training loss
     * @param train   the training set the minibatches are drawn from
     * @param eta     the step of the map
     * @param step    completed optimizer steps, mixed into the seed and recorded
     * @param manager where the minibatches live
     */
    public SharpnessDimensionLine measure(Model model, ParameterSet params, Loss loss, Batch train, double eta,
            long step, NDManager manager) {
        long start = System.nanoTime();
        ProbeSpec.Method method = method(params.elementCount());
        int batchSize = Math.min(settings.batchSize(), train.size());
        List<double[]> spectra = new ArrayList<>();
        List<SpectralQuadrature> quadratures = new ArrayList<>();
        long hvps = 0;
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + step);
        for (int b = 0; b < settings.minibatches(); b++) {
            Batch minibatch = rows(train, sample(random, train.size(), batchSize), manager);
            try (HessianOperator op = new HessianOperator(ModelHessian.product(model, params, loss, minibatch,
                    HessianVectorProduct.Mode.REUSE_GRADIENT_GRAPH))) {
                if (method == ProbeSpec.Method.EXACT) {
                    spectra.add(DenseSpectrum.eigenvalues(op));
                } else {
                    quadratures.add(StochasticLanczosQuadrature.defaults().withRuns(1)
                            .withSteps(settings.lanczosSteps()).withSeed(random.nextLong())
                            .estimate(op, ProgressSink.NONE));
                }
                hvps += op.hvpCount();
            }
        }
        SharpnessDimensionEstimate e = method == ProbeSpec.Method.EXACT
                ? SharpnessDimension.ofMinibatchSpectra(spectra, eta)
                : SharpnessDimension.ofQuadrature(quadratures, eta);
        return new SharpnessDimensionLine(step, e.value(), e.standardError(), e.jStar(), e.dimension(), e.samples(),
                eta, method.jsonName(), batchSize, e.estimator(), hvps, (System.nanoTime() - start) * 1e-9);
    }

    /** {@code k} distinct rows of {@code n}, in increasing order. */
    static int[] sample(SplittableRandom random, int n, int k) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] rows = java.util.Arrays.copyOf(all, k);
        java.util.Arrays.sort(rows);
        return rows;
    }

    /** The rows {@code rows} of {@code data}, in {@code manager}. */
    static Batch rows(Batch data, int[] rows, NDManager manager) {
        long[] index = new long[rows.length];
        int[] labels = data.labels() == null ? null : new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            index[i] = rows[i];
            if (labels != null) {
                labels[i] = data.labels()[rows[i]];
            }
        }
        NDArray idx = manager.create(index).toDevice(data.x().getDevice(), false);
        NDArray x = data.x().get(idx);
        NDArray y = data.y().get(idx);
        x.attach(manager);
        y.attach(manager);
        return new Batch(x, y, labels);
    }
}
