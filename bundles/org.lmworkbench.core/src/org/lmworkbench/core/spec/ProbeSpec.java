package org.lmworkbench.core.spec;

import java.util.List;

/**
 * What is measured during training ({@code "probes"} in a spec). An interval of 0 turns a probe off.
 *
 * @param metricsEvery    steps between lines of {@code metrics.jsonl}
 * @param sharpness       top Hessian eigenvalues
 * @param trace           Hessian trace estimates
 * @param activations     hidden activations on the probe set
 * @param checkpointEvery steps between checkpoints (0: only the final step, which always checkpoints)
 * @param features        the neural feature ansatz and features-at-convergence correlations per layer
 * @param modes           projections of a deep linear network onto its data's singular modes
 * @param noise           the gradient noise scale
 * @param sharpnessDimension the Kaplan-Yorke dimension of the gradient-descent map
 */
public record ProbeSpec(int metricsEvery, Sharpness sharpness, Trace trace, Activations activations,
        int checkpointEvery, Features features, Modes modes, Noise noise, SharpnessDimension sharpnessDimension) {

    /** The measurements of training alone, with the theory probes off. */
    public ProbeSpec(int metricsEvery, Sharpness sharpness, Trace trace, Activations activations, int checkpointEvery) {
        this(metricsEvery, sharpness, trace, activations, checkpointEvery, new Features(0, 512), new Modes(0, 3),
                new Noise(0, 64));
    }

    /** Probes without the sharpness dimension. */
    public ProbeSpec(int metricsEvery, Sharpness sharpness, Trace trace, Activations activations, int checkpointEvery,
            Features features, Modes modes, Noise noise) {
        this(metricsEvery, sharpness, trace, activations, checkpointEvery, features, modes, noise,
                SharpnessDimension.OFF);
    }

    /**
     * The sharpness dimension (Tuci et al. 2026) from minibatch Hessians.
     *
     * @param every         steps between measurements, 0 = off
     * @param eta           the step of the map {@code x - eta grad L_B}; NaN means the run's learning rate
     * @param method        exact eigendecomposition or stochastic Lanczos quadrature
     * @param minibatches   minibatches (exact) or SLQ runs, each on a fresh minibatch
     * @param lanczosSteps  Lanczos steps per SLQ run
     * @param batchSize     examples per minibatch
     */
    public record SharpnessDimension(int every, double eta, Method method, int minibatches, int lanczosSteps,
            int batchSize) {

        /** Not measured. */
        public static final SharpnessDimension OFF = new SharpnessDimension(0, Double.NaN, Method.AUTO, 4, 40, 128);
    }

    /** How the minibatch spectra of the sharpness dimension are obtained. */
    public enum Method implements SpecEnum {
        /** Exact for networks with at most {@link #EXACT_LIMIT} parameters, SLQ above. */
        AUTO,
        /** Dense minibatch Hessians from Hessian-vector products of the basis vectors, eigendecomposed. */
        EXACT,
        /** Stochastic Lanczos quadrature, one run per fresh minibatch. */
        SLQ;

        /** Parameter count up to which {@link #AUTO} decomposes dense Hessians. */
        public static final int EXACT_LIMIT = 600;
    }

    /**
     * Feature-learning correlations over training ({@code probes/features.jsonl}).
     *
     * @param every    steps between measurements, 0 = off
     * @param examples training examples (the first ones) measured on; FACT wants the whole set
     */
    public record Features(int every, int examples) {
    }

    /**
     * Singular-mode projections of the end-to-end map ({@code probes/modes.jsonl}).
     *
     * @param every steps between measurements, 0 = off
     * @param count modes, strongest first
     */
    public record Modes(int every, int count) {
    }

    /**
     * Gradient noise scale from per-example gradients ({@code probes/noise.jsonl}).
     *
     * @param every    steps between measurements, 0 = off
     * @param examples examples of the fixed sample whose gradients are taken one by one
     */
    public record Noise(int every, int examples) {
    }

    /**
     * Top-k Hessian eigenvalues by Lanczos iteration.
     *
     * @param every         steps between measurements, 0 = off
     * @param topK          eigenvalues to compute
     * @param examples      training examples the Hessian is taken over
     * @param maxIterations Lanczos iteration limit
     * @param tolerance     relative residual at which eigenvalues count as converged
     */
    public record Sharpness(int every, int topK, int examples, int maxIterations, double tolerance) {
    }

    /**
     * Hutchinson estimates of the Hessian trace.
     *
     * @param every   steps between measurements, 0 = off
     * @param samples random probe vectors per estimate
     */
    public record Trace(int every, int samples) {
    }

    /**
     * Activation capture on the fixed probe set.
     *
     * @param every  steps between captures, 0 = off
     * @param layers layer names; empty means every hidden layer
     */
    public record Activations(int every, List<String> layers) {

        /** Freezes the layer list. */
        public Activations {
            layers = List.copyOf(layers);
        }
    }
}
