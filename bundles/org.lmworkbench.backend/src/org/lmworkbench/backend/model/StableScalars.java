package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Multiplication by a constant that stays correct when the graph is differentiated later. Every
 * constant factor on a differentiated path (loss normalisation, NTK/muP/output multipliers,
 * attention scale) must go through here, never through {@code NDArray.mul(Number)}.
 *
 * <p>Why: DJL 0.35.1's {@code NDArray.mul(Number)} (likewise {@code div(Number)},
 * {@code pow(Number)}, {@code maximum(Number)}, {@code minimum(Number)}) wraps the constant in a
 * 0-d tensor created with {@code from_blob} over a Java direct buffer, applies the operation and
 * closes the wrapper at once. Autograd has saved that 0-d tensor for the backward pass; once a
 * garbage collection frees the buffer, the saved constant is whatever the allocator put there, and
 * every gradient through that node is silently wrong (observed: gradients scaled by about 1e-294,
 * zeros, or infinities). {@code add(Number)} and {@code sub(Number)} are safe because their
 * backward does not read the constant, but nothing here relies on that.
 *
 * <p>The remedy: the constant is created as an array attached to the operand's manager, which is
 * also the manager the product is attached to (DJL attaches an operation's result to its first
 * operand's manager). The Java object, and with it the buffer, therefore stays reachable exactly as
 * long as the product itself, which is until after every backward that can use it (the training
 * step's sub-manager, a Hessian-vector product's session). It adds no new lifetime: a caller that
 * keeps the product keeps the constant, one closing the product's manager frees both.
 */
public final class StableScalars {

    private StableScalars() {
    }

    /**
     * @param x operand
     * @param c constant
     * @return {@code c x} (the operand itself when {@code c == 1}), with {@code c} held by
     *         {@code x}'s manager
     */
    public static NDArray times(NDArray x, double c) {
        if (c == 1.0) {
            return x;
        }
        return x.mul(constant(x, c));
    }

    /**
     * @param like array whose manager and data type the constant takes
     * @param c    value
     * @return a 0-d array {@code c} of {@code like}'s data type, attached to {@code like}'s manager
     *         (not closed here: it lives as long as that manager)
     */
    public static NDArray constant(NDArray like, double c) {
        NDManager manager = like.getManager();
        DataType type = like.getDataType();
        return switch (type) {
            case FLOAT64 -> manager.create(c);
            case FLOAT32 -> manager.create((float) c);
            // Other types: convert from float64; both arrays stay attached to the manager.
            default -> manager.create(c).toType(type, false);
        };
    }
}
