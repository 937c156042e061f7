package org.lmworkbench.backend.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Exact Hessian-vector products {@code H v} of a {@link HessianLoss} at fixed parameters, by
 * double backpropagation through {@link HvpScriptModule} ({@code torch.autograd.grad} twice).
 *
 * <p>Two modes trade memory for time:
 * <ul>
 *   <li>{@link Mode#RECOMPUTE}: every product evaluates the loss, differentiates it with
 *       {@code create_graph} and differentiates {@code <g, v>}; nothing outlives the call. About
 *       three to four gradients per product.</li>
 *   <li>{@link Mode#REUSE_GRADIENT_GRAPH} (default): the loss and its differentiable gradient are
 *       computed once, on first use, and kept (activations plus the gradient graph: a few times the
 *       memory of one training step); each product then runs only the second backward, about two
 *       gradients. Valid only while the parameters are unchanged: {@link #close()} it before the
 *       optimizer updates them (autograd would otherwise refuse, the parameters' version counters
 *       having moved).</li>
 * </ul>
 *
 * <p>Memory stays flat over any number of products: each product runs in a sub-manager that is
 * closed before returning, with the parameters and fixed inputs temporarily attached to it so the
 * intermediate arrays are attached there too (DJL attaches an operation's result to its first
 * operand's manager).
 *
 * <p>Precision: products are computed in the parameters' dtype; see {@link ParameterLayout} for
 * the float64 boundary of the flat interface.
 *
 * <p>Not thread-safe; call from the thread that owns the parameters.
 */
// The grad-mode and leaf scopes are used for their open/close side effects only.
@SuppressWarnings("try")
public final class HessianVectorProduct implements AutoCloseable {

    /** How much of the computation is shared between products. */
    public enum Mode {
        /** Fresh forward and both backwards per product; no state between products. */
        RECOMPUTE,
        /** Forward and first backward once, kept with their graph; second backward per product. */
        REUSE_GRADIENT_GRAPH
    }

    private final NDList params;
    private final NDList inputs;
    private final HessianLoss loss;
    private final Mode mode;
    private final ParameterLayout layout;
    private final HvpScriptModule module;
    private final NDManager root;

    private NDManager session;
    private LeafScope sessionLeaves;
    private NDList gradientGraph;
    private double sessionLoss = Double.NaN;
    private long products;

    /**
     * @param params leaf parameter arrays, the variables of the Hessian
     * @param inputs fixed arrays the loss reads (data, targets), temporarily attached to each
     *               product's manager; may be empty
     * @param loss   the loss as a function of {@code params}
     * @param mode   see {@link Mode}
     */
    public HessianVectorProduct(NDList params, NDList inputs, HessianLoss loss, Mode mode) {
        this.params = params;
        this.inputs = inputs == null ? new NDList() : inputs;
        this.loss = loss;
        this.mode = mode;
        this.layout = new ParameterLayout(params);
        this.module = HvpScriptModule.shared();
        this.root = params.get(0).getManager();
    }

    /**
     * @param params leaf parameter arrays
     * @param inputs fixed arrays the loss reads
     * @param loss   the loss
     * @return a product in {@link Mode#REUSE_GRADIENT_GRAPH}
     */
    public static HessianVectorProduct of(NDList params, NDList inputs, HessianLoss loss) {
        return new HessianVectorProduct(params, inputs, loss, Mode.REUSE_GRADIENT_GRAPH);
    }

    /** @return the flat layout of the parameters */
    public ParameterLayout layout() {
        return layout;
    }

    /** @return the mode */
    public Mode mode() {
        return mode;
    }

    /** @return number of products computed so far */
    public long productCount() {
        return products;
    }

    /**
     * Computes {@code H v}.
     *
     * @param v      direction, one array per parameter with the parameters' shapes and dtype
     * @param target manager the result is attached to
     * @return {@code H v}, one array per parameter
     */
    public NDList apply(NDList v, NDManager target) {
        NDList hv;
        if (mode == Mode.RECOMPUTE) {
            try (NDManager work = root.newSubManager()) {
                work.tempAttachAll(params);
                work.tempAttachAll(inputs);
                work.tempAttachAll(v);
                try (LeafScope leaves = new LeafScope(params); GradScope scope = new GradScope()) {
                    NDArray value = loss.evaluate(params, work);
                    hv = module.hvp(value, params, v, work);
                }
                hv.attach(target);
            }
        } else {
            ensureSession();
            try (NDManager work = session.newSubManager()) {
                work.tempAttachAll(v);
                try (GradScope scope = new GradScope()) {
                    hv = module.hvpFromGradient(gradientGraph, params, v, work);
                }
                hv.attach(target);
            }
        }
        products++;
        return hv;
    }

    /**
     * Computes {@code out = H v} on flat float64 vectors.
     *
     * @param v   flat direction of length {@code P}, not modified
     * @param out flat result of length {@code P}, fully overwritten
     */
    public void apply(double[] v, double[] out) {
        try (NDManager work = root.newSubManager()) {
            NDList hv = apply(layout.unflatten(v, work), work);
            layout.flatten(hv, out);
        }
    }

    /**
     * One plain gradient of the loss (no graph kept); the unit in which the cost of a product is
     * quoted, and the reference for finite-difference checks.
     *
     * @return the flat gradient in float64
     */
    public double[] gradient() {
        try (NDManager work = root.newSubManager()) {
            work.tempAttachAll(params);
            work.tempAttachAll(inputs);
            try (LeafScope leaves = new LeafScope(params); GradScope scope = new GradScope()) {
                NDArray value = loss.evaluate(params, work);
                return layout.flatten(module.gradient(value, params, work));
            }
        }
    }

    /**
     * @return the loss at the current parameters (from the kept graph in
     *         {@link Mode#REUSE_GRADIENT_GRAPH}, else freshly evaluated)
     */
    public double loss() {
        if (mode == Mode.REUSE_GRADIENT_GRAPH) {
            ensureSession();
            return sessionLoss;
        }
        try (NDManager work = root.newSubManager()) {
            work.tempAttachAll(params);
            work.tempAttachAll(inputs);
            return loss.evaluate(params, work).toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
                    .getDouble();
        }
    }

    /**
     * Frees the kept gradient graph (if any). The object stays usable: the next product rebuilds
     * the graph at the then-current parameters.
     */
    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
            sessionLeaves.close();
            sessionLeaves = null;
            gradientGraph = null;
            sessionLoss = Double.NaN;
        }
    }

    private void ensureSession() {
        if (session != null) {
            return;
        }
        session = root.newSubManager();
        // Parameters and inputs stay attached to the session while its graph lives, so the
        // activations the graph holds are freed with it rather than with the model.
        session.tempAttachAll(params);
        session.tempAttachAll(inputs);
        // The leaves must keep requiring gradients for as long as the graph is differentiated
        // again, so their flags are restored only in close().
        sessionLeaves = new LeafScope(params);
        try (GradScope scope = new GradScope()) {
            NDArray value = loss.evaluate(params, session);
            gradientGraph = module.gradientGraph(value, params, session);
            sessionLoss = value.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Turns grad mode on for the calling thread, restoring it afterwards: DJL keeps grad mode off
     * outside a {@code GradientCollector}.
     */
    private static final class GradScope implements AutoCloseable {
        private final boolean previousMode;

        GradScope() {
            previousMode = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
        }

        @Override
        public void close() {
            JniUtils.setGradMode(previousMode);
        }
    }

    /**
     * Makes every parameter require gradients and restores the flags afterwards: the training loop
     * may hold parameters that do not require gradients.
     */
    private static final class LeafScope implements AutoCloseable {
        private final NDList turnedOn = new NDList();

        LeafScope(NDList params) {
            for (NDArray p : params) {
                if (!JniUtils.requiresGrad((PtNDArray) p)) {
                    p.setRequiresGradient(true);
                    turnedOn.add(p);
                }
            }
        }

        @Override
        public void close() {
            for (NDArray p : turnedOn) {
                p.setRequiresGradient(false);
            }
        }
    }
}
