package org.lmworkbench.backend.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;
import java.util.List;
import org.lmworkbench.backend.engine.ScriptedModule;

/**
 * The optimizers' parameter updates as one native call per step, each tensor updated in place by
 * libtorch's fused kernels ({@code add_} with {@code alpha}, {@code lerp_}, {@code addcmul_},
 * {@code addcdiv_}), in the order of PyTorch's single-tensor {@code torch.optim.SGD} and
 * {@code torch.optim.Adam}/{@code AdamW}.
 *
 * <p>Why a scripted module: DJL's JNI layer offers only two-operand arithmetic, so {@code p -= lr g}
 * written with NDArrays is a product into a new array and a subtraction, two passes over every
 * parameter plus an allocation and a Java-to-native round trip per tensor; Adam takes a dozen. The
 * update is memory bound, so those passes were a fifth of a small MLP's step. Here every tensor is
 * read and written once per rule and the whole update is one call. The module is written by
 * {@link ScriptedModule} without Python and compiled once per JVM; it holds no state.
 */
final class FusedUpdates {

    private static final String CLASS_NAME = "FusedUpdates";

    /** The module in TorchScript's serialised dialect. */
    static final String SOURCE = """
            class FusedUpdates(Module):
              __parameters__ = []
              training : bool
              def forward(self: __torch__.FusedUpdates,
                x: Tensor) -> Tensor:
                return x
              def sgd(self: __torch__.FusedUpdates,
                params: List[Tensor],
                grads: List[Tensor],
                buffers: List[Tensor],
                rates: List[float],
                decays: List[float],
                momentum: float,
                nesterov: bool) -> NoneType:
                for i in range(torch.len(params)):
                  p = params[i]
                  g = grads[i]
                  if decays[i] != 0.0:
                    g = torch.add(g, p, alpha=decays[i])
                  if momentum != 0.0:
                    b = torch.add_(torch.mul_(buffers[i], momentum), g)
                    if nesterov:
                      g = torch.add(g, b, alpha=momentum)
                    else:
                      g = b
                  _0 = torch.add_(p, g, alpha=-rates[i])
                return None
              def adam(self: __torch__.FusedUpdates,
                params: List[Tensor],
                grads: List[Tensor],
                first: List[Tensor],
                second: List[Tensor],
                step_sizes: List[float],
                decays: List[float],
                shrinks: List[float],
                beta1: float,
                beta2: float,
                eps: float,
                bias2_sqrt: float) -> NoneType:
                for i in range(torch.len(params)):
                  p = params[i]
                  g = grads[i]
                  if shrinks[i] != 1.0:
                    _0 = torch.mul_(p, shrinks[i])
                  if decays[i] != 0.0:
                    g = torch.add(g, p, alpha=decays[i])
                  m = first[i]
                  v = second[i]
                  _1 = torch.lerp_(m, g, 1.0 - beta1)
                  _2 = torch.addcmul_(torch.mul_(v, beta2), g, g, value=1.0 - beta2)
                  denominator = torch.add_(torch.div(torch.sqrt(v), bias2_sqrt), eps)
                  _3 = torch.addcdiv_(p, m, denominator, value=-step_sizes[i])
                return None
            """;

    private static ScriptedModule module;

    private FusedUpdates() {
    }

    private static synchronized ScriptedModule module() {
        if (module == null) {
            module = ScriptedModule.load("fused_updates", CLASS_NAME, SOURCE, false);
        }
        return module;
    }

    /**
     * SGD in PyTorch's convention, per tensor {@code i}: {@code g = grad + decay_i p};
     * with momentum {@code b = mu b + g} and {@code g = b} (Nesterov: {@code g + mu b});
     * {@code p -= rate_i g}.
     *
     * @param buffers momentum buffers, empty when {@code momentum == 0}
     */
    static void sgd(List<NDArray> params, List<NDArray> grads, List<NDArray> buffers, double[] rates,
            double[] decays, double momentum, boolean nesterov) {
        try (Arguments a = new Arguments(tensors(params), tensors(grads), tensors(buffers), IValue.listFrom(rates),
                IValue.listFrom(decays), IValue.from(momentum), IValue.from(nesterov))) {
            module().runWithoutGrad("sgd", a.values);
        }
    }

    /**
     * Adam in PyTorch's convention, per tensor {@code i}: {@code p *= shrink_i} (AdamW's decoupled
     * decay, 1 otherwise), {@code g = grad + decay_i p} (Adam's L2 term, 0 otherwise),
     * {@code m = lerp(m, g, 1 - beta1)}, {@code v = beta2 v + (1 - beta2) g^2},
     * {@code p -= stepSize_i m / (sqrt(v) / bias2Sqrt + eps)}.
     */
    static void adam(List<NDArray> params, List<NDArray> grads, List<NDArray> first, List<NDArray> second,
            double[] stepSizes, double[] decays, double[] shrinks, double beta1, double beta2, double eps,
            double bias2Sqrt) {
        try (Arguments a = new Arguments(tensors(params), tensors(grads), tensors(first), tensors(second),
                IValue.listFrom(stepSizes), IValue.listFrom(decays), IValue.listFrom(shrinks), IValue.from(beta1),
                IValue.from(beta2), IValue.from(eps), IValue.from(bias2Sqrt))) {
            module().runWithoutGrad("adam", a.values);
        }
    }

    private static IValue tensors(List<NDArray> arrays) {
        PtNDArray[] pt = new PtNDArray[arrays.size()];
        for (int i = 0; i < pt.length; i++) {
            pt[i] = (PtNDArray) arrays.get(i);
        }
        return IValue.listFrom(pt);
    }

    /** The native argument values of one call, released together. */
    private record Arguments(IValue... values) implements AutoCloseable {
        @Override
        public void close() {
            for (IValue v : values) {
                v.close();
            }
        }
    }
}
