package org.lmworkbench.backend.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.core.spec.OptimizerSpec;

/**
 * The two-point zeroth-order gradient estimate
 * <pre>  g = (1/n) sum_i [f(x + mu u_i) - f(x - mu u_i)] / (2 mu) u_i</pre>
 * from loss values only: no gradient graph is built, each direction costs two forward passes. The
 * directions are standard normal in every coordinate, or uniform on the sphere of radius
 * {@code sqrt(d)} ({@code d} the parameter count), so that {@code E[u u^T] = I} either way and the
 * estimate is unbiased for a quadratic loss. The parameters themselves are never modified: perturbed
 * copies are evaluated.
 *
 * <p>Direction {@code i} of update number {@code t} comes from a generator seeded by the run seed,
 * {@code t} and {@code i} alone, so a run resumed from a checkpoint (which restores the update count)
 * draws exactly the directions the uninterrupted run drew.
 */
public final class ZeroOrderEstimator {

    /**
     * One estimate.
     *
     * @param gradient     the estimated gradient by parameter name
     * @param coefficients the finite-difference quotient {@code [f(x + mu u) - f(x - mu u)]/(2 mu)} of
     *                     each direction (the directional derivative {@code u . grad f} as {@code mu -> 0})
     */
    public record Estimate(Map<String, NDArray> gradient, double[] coefficients) {
    }

    private final OptimizerSpec.ZeroOrder settings;
    private final long seed;

    /** An estimator with {@code settings} drawing directions from {@code seed}. */
    public ZeroOrderEstimator(OptimizerSpec.ZeroOrder settings, long seed) {
        if (settings.directions() < 1 || !(settings.mu() > 0)) {
            throw new IllegalArgumentException("need at least one direction and mu > 0, got " + settings);
        }
        this.settings = settings;
        this.seed = seed;
    }

    /** The settings. */
    public OptimizerSpec.ZeroOrder settings() {
        return settings;
    }

    /**
     * Estimates the gradient of {@code loss} at {@code params}; arrays are created in the managers of
     * the parameters (the step's manager during training).
     *
     * @param loss   the loss as a function of a parameter set, evaluated without gradient recording
     * @param params the point
     * @param update the 0-based update number, which selects the directions
     */
    public Estimate estimate(ToDoubleFunction<ParameterSet> loss, ParameterSet params, long update) {
        int n = settings.directions();
        double mu = settings.mu();
        Map<String, NDArray> sum = new LinkedHashMap<>();
        double[] coefficients = new double[n];
        for (int i = 0; i < n; i++) {
            List<NDArray> u = direction(params, update, i);
            List<NDArray> plus = new ArrayList<>(u.size());
            List<NDArray> minus = new ArrayList<>(u.size());
            List<String> names = params.names();
            for (int k = 0; k < names.size(); k++) {
                NDArray p = params.get(names.get(k));
                try (NDArray step = u.get(k).mul(mu)) {
                    plus.add(p.add(step));
                    minus.add(p.sub(step));
                }
            }
            double fPlus = loss.applyAsDouble(params.withArrays(plus));
            double fMinus = loss.applyAsDouble(params.withArrays(minus));
            coefficients[i] = (fPlus - fMinus) / (2 * mu);
            for (int k = 0; k < names.size(); k++) {
                NDArray term = u.get(k).mul(coefficients[i] / n);
                sum.merge(names.get(k), term, NDArray::addi);
            }
            // Free the perturbed copies at once: with many directions a step would otherwise hold 3n.
            plus.forEach(NDArray::close);
            minus.forEach(NDArray::close);
            u.forEach(NDArray::close);
        }
        return new Estimate(sum, coefficients);
    }

    /**
     * Direction {@code index} of update {@code update}, one array per parameter in model order, in the
     * parameters' managers and data type.
     */
    public List<NDArray> direction(ParameterSet params, long update, int index) {
        SplittableRandom random = new SplittableRandom(mix(seed, update, index));
        List<double[]> values = new ArrayList<>();
        double squared = 0;
        for (NDArray p : params.arrays()) {
            double[] v = new double[Math.toIntExact(p.size())];
            for (int j = 0; j < v.length; j++) {
                v[j] = random.nextGaussian();
                squared += v[j] * v[j];
            }
            values.add(v);
        }
        double scale = 1;
        if (settings.distribution() == OptimizerSpec.Distribution.SPHERE) {
            scale = Math.sqrt(params.elementCount() / squared);
        }
        List<NDArray> result = new ArrayList<>(values.size());
        int k = 0;
        for (NDArray p : params.arrays()) {
            double[] v = values.get(k++);
            result.add(create(p.getManager(), v, scale, p));
        }
        return result;
    }

    private static NDArray create(NDManager manager, double[] v, double scale, NDArray like) {
        if (like.getDataType() == DataType.FLOAT64) {
            double[] scaled = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                scaled[j] = v[j] * scale;
            }
            return manager.create(scaled, like.getShape()).toDevice(like.getDevice(), false);
        }
        float[] scaled = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            scaled[j] = (float) (v[j] * scale);
        }
        return manager.create(scaled, like.getShape()).toType(like.getDataType(), false)
                .toDevice(like.getDevice(), false);
    }

    /** A seed for one direction; SplittableRandom's mixing makes neighbouring seeds independent. */
    private static long mix(long seed, long update, int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + update).split().nextLong() + 31L * index;
    }
}
