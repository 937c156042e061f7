package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;
import org.lmworkbench.core.spec.TrainingSpec;

/**
 * A training loss {@code L(output, target)} built only from differentiable NDArray operations, so
 * that it can be differentiated twice. Targets are always {@code [batch, outputs]}: regression
 * targets, or one-hot rows for classification. Constant factors go through {@link StableScalars}
 * so that a graph kept for a later backward stays exact.
 */
public enum Loss {

    /**
     * Half squared error summed over outputs and averaged over examples, Cohen et al.'s convention
     * (a mean over outputs would divide the sharpness by the output count).
     */
    MSE {
        @Override
        public NDArray compute(NDArray output, NDArray target) {
            NDArray diff = output.sub(target);
            return StableScalars.times(diff.mul(diff).sum(), 0.5 / output.getShape().get(0));
        }
    },

    /** Softmax cross entropy averaged over examples; targets are one-hot (or class probabilities). */
    CROSS_ENTROPY {
        @Override
        public NDArray compute(NDArray output, NDArray target) {
            return StableScalars.times(output.logSoftmax(1).mul(target).sum(), -1.0 / output.getShape().get(0));
        }
    };

    /** The scalar loss. */
    public abstract NDArray compute(NDArray output, NDArray target);

    /** The loss of a spec. */
    public static Loss of(TrainingSpec.Loss spec) {
        return spec == TrainingSpec.Loss.MSE ? MSE : CROSS_ENTROPY;
    }
}
