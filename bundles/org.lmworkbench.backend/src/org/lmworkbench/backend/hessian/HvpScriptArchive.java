package org.lmworkbench.backend.hessian;

import java.io.IOException;
import java.io.OutputStream;
import org.lmworkbench.backend.engine.ScriptedModule;

/**
 * Writes, without Python, the TorchScript archive of a small module that computes exact
 * Hessian-vector products by double backpropagation.
 *
 * <p>Why a TorchScript module at all: DJL exposes autograd only through
 * {@code JniUtils.backward}, which accumulates into leaf {@code .grad} fields. With
 * {@code create_graph=true} that creates a leaf/grad reference cycle (about 1.8 MB leaked per
 * call on this stack) and re-using the leaves afterwards crashes. {@code torch.autograd.grad}
 * returns the gradients instead of accumulating them, so it has neither problem; it is reachable
 * from Java only through a scripted module, which is why one is generated here.
 *
 * <p>The archive itself (layout, pickles) is written by {@link ScriptedModule}.
 *
 * <p>Methods of the generated module (all parameters are {@code List[Tensor]}):
 * <ul>
 *   <li>{@code forward(loss, params, v)}: {@code g = grad(loss, params, create_graph)} then
 *       {@code grad(sum_i <g_i, v_i>, params)}, the whole HVP in one call;</li>
 *   <li>{@code gradient(loss, params)}: the plain gradient (no graph kept), the cost unit HVPs
 *       are measured in;</li>
 *   <li>{@code gradient_graph(loss, params)}: the gradient with its graph, to be reused;</li>
 *   <li>{@code hvp_from_gradient(grads, params, v)}: the second backward only, keeping the graph
 *       so the next product can reuse it (saves the forward and first backward per product).</li>
 * </ul>
 * Parameters that do not influence the loss ({@code allow_unused}) yield zero blocks.
 */
public final class HvpScriptArchive {

    /** Name of the scripted class (qualified name {@code __torch__.HvpModule}). */
    public static final String CLASS_NAME = "HvpModule";

    private static final String ARCHIVE_DIR = "hvp_module";

    private HvpScriptArchive() {
    }

    /** @return the TorchScript source of the module, in the serialised dialect */
    public static String source() {
        return """
                class HvpModule(Module):
                  __parameters__ = []
                  training : bool
                  def forward(self: __torch__.HvpModule,
                    loss: Tensor,
                    params: List[Tensor],
                    v: List[Tensor]) -> List[Tensor]:
                    grads = self.gradient_graph(loss, params)
                    return self._second_backward(grads, params, v, False)
                  def gradient(self: __torch__.HvpModule,
                    loss: Tensor,
                    params: List[Tensor]) -> List[Tensor]:
                    raw = torch.grad([loss], params, None, False, False, True)
                    return self._fill_unused(raw, params)
                  def gradient_graph(self: __torch__.HvpModule,
                    loss: Tensor,
                    params: List[Tensor]) -> List[Tensor]:
                    raw = torch.grad([loss], params, None, True, True, True)
                    return self._fill_unused(raw, params)
                  def hvp_from_gradient(self: __torch__.HvpModule,
                    grads: List[Tensor],
                    params: List[Tensor],
                    v: List[Tensor]) -> List[Tensor]:
                    return self._second_backward(grads, params, v, True)
                  def _second_backward(self: __torch__.HvpModule,
                    grads: List[Tensor],
                    params: List[Tensor],
                    v: List[Tensor],
                    keep: bool) -> List[Tensor]:
                    n = torch.len(params)
                    dot = torch.sum(torch.mul(grads[0], v[0]))
                    for i in range(1, n):
                      dot = torch.add(dot, torch.sum(torch.mul(grads[i], v[i])))
                    out = annotate(List[Tensor], [])
                    if dot.requires_grad:
                      raw = torch.grad([dot], params, None, keep, False, True)
                      out = self._fill_unused(raw, params)
                    else:
                      for j in range(n):
                        _0 = torch.append(out, torch.zeros_like(params[j]))
                    return out
                  def _fill_unused(self: __torch__.HvpModule,
                    raw: List[Optional[Tensor]],
                    params: List[Tensor]) -> List[Tensor]:
                    out = annotate(List[Tensor], [])
                    for j in range(torch.len(params)):
                      g = raw[j]
                      if torch.__isnot__(g, None):
                        _1 = torch.append(out, unchecked_cast(Tensor, g))
                      else:
                        _2 = torch.append(out, torch.zeros_like(params[j]))
                    return out
                """;
    }

    /**
     * Writes the archive to a stream.
     *
     * @param out destination; not closed
     * @throws IOException on write failure
     */
    public static void write(OutputStream out) throws IOException {
        ScriptedModule.write(out, ARCHIVE_DIR, CLASS_NAME, source());
    }

    /** Compiles the module (see {@link HvpScriptModule#shared()}, which keeps one per JVM). */
    static ScriptedModule load() {
        return ScriptedModule.load(ARCHIVE_DIR, CLASS_NAME, source(), true);
    }
}
