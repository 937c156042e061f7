package org.lmworkbench.core.spec;

/**
 * The training loop ({@code "training"} in a spec).
 *
 * @param steps               optimizer steps
 * @param batchSize           examples per step, or {@link #FULL_BATCH}
 * @param loss                loss function; MSE is {@code 0.5 * ||f - y||^2} summed over outputs and
 *                            averaged over examples, as in Cohen et al. (edge of stability)
 * @param dtype               floating-point type of parameters and data
 * @param divergenceThreshold a loss above this, or NaN/infinite, ends the run as diverged
 */
public record TrainingSpec(int steps, int batchSize, Loss loss, DType dtype, double divergenceThreshold) {

    /** Value of {@link #batchSize()} meaning "every training example in every step"; JSON {@code "full"}. */
    public static final int FULL_BATCH = 0;

    /** JSON spelling of {@link #FULL_BATCH}. */
    public static final String FULL = "full";

    /** True when every step uses the whole training set. */
    public boolean isFullBatch() {
        return batchSize == FULL_BATCH;
    }

    /** Loss function. */
    public enum Loss implements SpecEnum {
        /** Half squared error, summed over outputs, averaged over examples. */
        MSE,
        /** Softmax cross entropy. */
        CROSS_ENTROPY
    }

    /** Floating-point type. */
    public enum DType implements SpecEnum {
        /** 32-bit floats. */
        FLOAT32,
        /** 64-bit floats, for precise curvature measurements. */
        FLOAT64
    }
}
