package org.lmworkbench.backend.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;

/**
 * The loaded {@link HvpScriptArchive} module and the three calls made on it.
 *
 * <p>One instance per JVM ({@link #shared()}): the module is stateless, loading costs a few
 * milliseconds of TorchScript compilation, and its handle is owned by a private manager that lives
 * as long as the JVM.
 *
 * <p>Calls go through {@link IValueUtils#forward(PtSymbolBlock, NDList, boolean)} with
 * {@code isTrain = true}: DJL's other entry points ({@code runMethod}) run the method under a
 * no-grad guard, in which {@code create_graph} would silently produce a graph-less gradient. That
 * entry point groups arrays into TorchScript lists by their names ({@code "params[]"}) and picks
 * the method from a marker array named {@code "module_method:<name>"}; the names of the caller's
 * arrays are therefore set for the call and restored afterwards. Results are attached to the
 * manager of the first array of the input list, the marker, which is created in the caller's
 * manager so results land there.
 *
 * <p>Not thread-safe with respect to the names of the arrays passed in; the training loop and the
 * probes run on one thread.
 */
public final class HvpScriptModule {

    private static HvpScriptModule instance;

    private final PtSymbolBlock block;

    private HvpScriptModule(PtSymbolBlock block) {
        this.block = block;
    }

    /**
     * @return the JVM-wide module, loading it on first use
     * @throws java.io.UncheckedIOException if the archive cannot be written to a temporary file
     */
    public static synchronized HvpScriptModule shared() {
        if (instance == null) {
            instance = new HvpScriptModule(HvpScriptArchive.load().block());
        }
        return instance;
    }

    /**
     * Full product: {@code grad(<grad(loss), v>)} with the loss graph freed afterwards.
     *
     * @param loss    scalar loss whose graph reaches {@code params}
     * @param params  leaf parameters (requiring gradients)
     * @param v       direction, same shapes and dtype as {@code params}
     * @param manager where the result arrays are attached
     * @return {@code H v}, one array per parameter
     */
    public NDList hvp(NDArray loss, NDList params, NDList v, NDManager manager) {
        return call("forward", manager, new NDList(loss), "loss", params, "params[]", v, "v[]");
    }

    /**
     * Plain gradient of {@code loss}; the loss graph is freed.
     *
     * @param loss    scalar loss
     * @param params  leaf parameters
     * @param manager where the gradient arrays are attached
     * @return the gradient, one array per parameter (zeros for unused parameters)
     */
    public NDList gradient(NDArray loss, NDList params, NDManager manager) {
        return call("gradient", manager, new NDList(loss), "loss", params, "params[]");
    }

    /**
     * First backward with {@code create_graph}: the gradient together with the graph needed to
     * differentiate it again. The graph stays alive as long as the returned arrays.
     *
     * @param loss    scalar loss
     * @param params  leaf parameters
     * @param manager where the gradient arrays are attached
     * @return the gradient, one array per parameter
     */
    public NDList gradientGraph(NDArray loss, NDList params, NDManager manager) {
        return call("gradient_graph", manager, new NDList(loss), "loss", params, "params[]");
    }

    /**
     * Second backward only, keeping the graph of {@code grads} for further products.
     *
     * @param grads   result of {@link #gradientGraph}
     * @param params  the same leaf parameters
     * @param v       direction
     * @param manager where the result arrays are attached
     * @return {@code H v}
     */
    public NDList hvpFromGradient(NDList grads, NDList params, NDList v, NDManager manager) {
        return call("hvp_from_gradient", manager, grads, "grads[]", params, "params[]", v, "v[]");
    }

    /**
     * @param method  TorchScript method name
     * @param manager manager for the marker and thus the results
     * @param groups  alternating (NDList, name) pairs in argument order
     */
    private NDList call(String method, NDManager manager, Object... groups) {
        NDList inputs = new NDList();
        NDArray marker = manager.zeros(new Shape(1), DataType.FLOAT32);
        marker.setName("module_method:" + method);
        inputs.add(marker);
        int total = 0;
        for (int g = 0; g < groups.length; g += 2) {
            total += ((NDList) groups[g]).size();
        }
        NDArray[] arrays = new NDArray[total];
        String[] saved = new String[total];
        int k = 0;
        for (int g = 0; g < groups.length; g += 2) {
            for (NDArray a : (NDList) groups[g]) {
                arrays[k] = a;
                saved[k] = a.getName();
                k++;
                inputs.add(a);
            }
        }
        try {
            k = 0;
            for (int g = 0; g < groups.length; g += 2) {
                String name = (String) groups[g + 1];
                for (int i = 0; i < ((NDList) groups[g]).size(); i++) {
                    arrays[k++].setName(name);
                }
            }
            return IValueUtils.forward(block, inputs, true);
        } finally {
            for (int i = 0; i < total; i++) {
                arrays[i].setName(saved[i]);
            }
            marker.close();
        }
    }
}
