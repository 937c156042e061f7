package org.lmworkbench.backend.hessian;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipOutputStream;
import org.lmworkbench.core.format.StoredZipEntries;

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
 * <p>Archive layout, as read by libtorch's {@code torch::jit::load} (checked against
 * {@code caffe2/serialize/inline_container.cc} and {@code torch/csrc/jit/serialization/import*.cpp}):
 * every record lives under one top-level folder (the reader takes the folder name from the first
 * entry); {@code version} holds the file-format version; {@code constants.pkl} is a pickled
 * tuple (empty here, the code uses no tensor constants); {@code data.pkl} pickles the module
 * object as {@code GLOBAL '__torch__ HvpModule'}, {@code NEWOBJ}, then {@code BUILD} with a dict
 * holding a value for every declared attribute (only {@code training}); {@code code/__torch__.py}
 * holds the class in the serialised TorchScript dialect, where builtins are spelled
 * {@code torch.<aten op>} (so {@code torch.autograd.grad} is {@code torch.grad}) and optional
 * refinement uses {@code unchecked_cast}. Records are STORED; the reader needs no alignment for
 * records it reads into memory (only tensor storages, absent here, are mmapped).
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

    /**
     * File-format version written to the archive. 3 is what libtorch itself produces for
     * modules without versioned operators; readers accept 1..10 or so. None of the operators used
     * has an upgrader, so the value does not change semantics.
     */
    static final String FORMAT_VERSION = "3";

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
     * Writes the archive to a new temporary file (deleted on JVM exit).
     *
     * @return the archive's path
     * @throws IOException if the file cannot be written
     */
    public static Path writeTempFile() throws IOException {
        Path file = Files.createTempFile("lmw-hvp-", ".pt");
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
        return file;
    }

    /**
     * Writes the archive to a stream.
     *
     * @param out destination; not closed
     * @throws IOException on write failure
     */
    public static void write(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        // The first entry fixes the archive folder name for the reader; libtorch writes "version"
        // ... or data.pkl first, either works.
        StoredZipEntries.put(zip, ARCHIVE_DIR + "/data.pkl", modulePickle());
        StoredZipEntries.put(zip, ARCHIVE_DIR + "/code/__torch__.py", source().getBytes(StandardCharsets.UTF_8));
        StoredZipEntries.put(zip, ARCHIVE_DIR + "/constants.pkl", emptyTuplePickle());
        StoredZipEntries.put(zip, ARCHIVE_DIR + "/version", (FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
        StoredZipEntries.put(zip, ARCHIVE_DIR + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        zip.finish();
    }

    /**
     * Pickle (protocol 2) of the module object: class by GLOBAL, instantiated by NEWOBJ with no
     * arguments, then BUILD with the attribute dict; libtorch's object loader copies each declared
     * attribute from that dict into the object's slots.
     */
    static byte[] modulePickle() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x80);                                   // PROTO
        b.write(2);
        b.writeBytes(("c__torch__\n" + CLASS_NAME + "\n").getBytes(StandardCharsets.US_ASCII));
        b.write(')');                                    // EMPTY_TUPLE (constructor args)
        b.write(0x81);                                   // NEWOBJ
        b.write('}');                                    // EMPTY_DICT (state)
        b.write('(');                                    // MARK
        unicode(b, "training");
        b.write(0x88);                                   // NEWTRUE
        b.write('u');                                    // SETITEMS
        b.write('b');                                    // BUILD
        b.write('.');                                    // STOP
        return b.toByteArray();
    }

    /** Pickle (protocol 2) of {@code ()}: the constant table of code without tensor constants. */
    static byte[] emptyTuplePickle() {
        return new byte[] {(byte) 0x80, 2, ')', '.'};
    }

    private static void unicode(ByteArrayOutputStream b, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        b.write('X');                                    // BINUNICODE, 4-byte little-endian length
        int n = utf8.length;
        b.write(n & 0xff);
        b.write((n >>> 8) & 0xff);
        b.write((n >>> 16) & 0xff);
        b.write((n >>> 24) & 0xff);
        b.writeBytes(utf8);
    }
}
