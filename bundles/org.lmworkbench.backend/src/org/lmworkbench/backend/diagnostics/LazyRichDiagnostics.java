package org.lmworkbench.backend.diagnostics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.lmworkbench.backend.similarity.CkaMetric;
import org.lmworkbench.backend.similarity.Kernels;
import org.lmworkbench.backend.similarity.Representation;

/**
 * Lazy versus rich training: how far weights and hidden kernels moved from initialisation. In the
 * lazy (NTK) regime the relative weight change {@code ||W_t - W_0||_F / ||W_0||_F} and the kernel
 * distance stay near 0 as the output multiplier grows; rich (feature-learning) training moves both.
 * <ul>
 * <li>{@link #relativeChange}: per parameter tensor, or over all tensors together;</li>
 * <li>{@link #kernelAlignment}: the cosine {@code <K_0, K_t> / (||K_0|| ||K_t||)} of the (uncentred)
 * hidden Gram matrices {@code K = H H^T} on the same inputs; the kernel distance of Fort et al. 2020
 * is one minus it;</li>
 * <li>{@link #centredAlignment}: the same after centring, i.e. biased linear CKA.</li>
 * </ul>
 */
public final class LazyRichDiagnostics {

    private LazyRichDiagnostics() {
    }

    /** {@code ||now - init||_F / ||init||_F} in float64 (infinite for an all-zero initial tensor that moved). */
    public static double relativeChange(NDArray now, NDArray init) {
        NDArray a = now.toType(DataType.FLOAT64, false);
        NDArray b = init.toType(DataType.FLOAT64, false);
        NDArray diff = a.sub(b);
        double change = Math.sqrt(Kernels.frobeniusDot(diff, diff));
        double base = Math.sqrt(Kernels.frobeniusDot(b, b));
        return base == 0 ? (change == 0 ? 0 : Double.POSITIVE_INFINITY) : change / base;
    }

    /** Sum of squared differences and sum of squares, for a change over several tensors. */
    public static double[] changeTerms(NDArray now, NDArray init) {
        NDArray a = now.toType(DataType.FLOAT64, false);
        NDArray b = init.toType(DataType.FLOAT64, false);
        NDArray diff = a.sub(b);
        return new double[] {Kernels.frobeniusDot(diff, diff), Kernels.frobeniusDot(b, b)};
    }

    /** Uncentred alignment of the hidden Gram matrices of {@code [N, ...]} activations at init and now. */
    public static double kernelAlignment(NDArray init, NDArray now) {
        NDArray h0 = flat64(init);
        NDArray ht = flat64(now);
        NDArray k0 = Kernels.linearGram(h0);
        NDArray kt = Kernels.linearGram(ht);
        return Kernels.frobeniusDot(k0, kt) / Math.sqrt(Kernels.frobeniusDot(k0, k0) * Kernels.frobeniusDot(kt, kt));
    }

    /** Biased linear CKA between the activations at init and now. */
    public static double centredAlignment(NDArray init, NDArray now) {
        return CkaMetric.linear(CkaMetric.Estimator.GRETTON).compute(Representation.of("init", init),
                Representation.of("now", now));
    }

    private static NDArray flat64(NDArray a) {
        return a.reshape(a.getShape().get(0), -1).toType(DataType.FLOAT64, false);
    }
}
