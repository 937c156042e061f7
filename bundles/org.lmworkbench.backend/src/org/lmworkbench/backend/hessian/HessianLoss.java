package org.lmworkbench.backend.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * A training loss as a pure function of explicit parameter arrays: the object whose Hessian the
 * classes of this package differentiate.
 *
 * <p>Contract, chosen so repeated products keep native memory flat:
 * <ul>
 *   <li>the result is a scalar whose autograd graph reaches every array of {@code params} that
 *       influences it; the arrays of {@code params} are the leaves and must not be replaced;</li>
 *   <li>the loss must not depend on anything but {@code params} and fixed data (no dropout, no
 *       random masks, batch norm in a fixed, stated mode), otherwise the "Hessian" is not one;</li>
 *   <li>every array it creates with a manager must be created in {@code manager}. Arrays produced
 *       by operations are attached to the manager of their first operand; the caller therefore
 *       temporarily attaches {@code params} and the fixed data ({@link HessianVectorProduct}'s
 *       {@code inputs}) to {@code manager} before the call and closes {@code manager} after.</li>
 * </ul>
 */
@FunctionalInterface
public interface HessianLoss {

    /**
     * @param params  the parameters, in the order of the Hessian's blocks
     * @param manager manager for every array created during the evaluation
     * @return the scalar loss
     */
    NDArray evaluate(NDList params, NDManager manager);
}
