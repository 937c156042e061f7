package org.lmworkbench.backend.hessian;

import ai.djl.ndarray.NDArray;

/**
 * Multiplication by a constant that stays correct when the graph is differentiated later.
 *
 * <p>Why: DJL 0.35.1's {@code NDArray.mul(Number)} (likewise {@code div(Number)},
 * {@code pow(Number)}) wraps the constant in a 0-d tensor created with {@code from_blob} over a
 * Java direct buffer, multiplies, and closes the wrapper at once. Autograd has saved that 0-d
 * tensor for the backward pass; once a garbage collection frees the buffer, the saved constant is
 * whatever the allocator put there, and every gradient through that node is silently wrong
 * (observed: gradients scaled by about 1e-308, or infinities). A single backward right after the
 * forward usually escapes, a gradient graph kept for a whole Lanczos run does not. Creating the
 * constant as an array attached to the operand's manager keeps its buffer reachable until that
 * manager closes, which is after every backward that can use it.
 */
public final class StableScalars {

    private StableScalars() {
    }

    /**
     * @param x operand
     * @param c constant
     * @return {@code c x}, with {@code c} held by {@code x}'s manager
     */
    public static NDArray times(NDArray x, double c) {
        if (c == 1.0) {
            return x;
        }
        // A 0-d float64 factor does not promote a float32 operand (0-d tensors never do).
        return x.mul(x.getManager().create(c));
    }
}
