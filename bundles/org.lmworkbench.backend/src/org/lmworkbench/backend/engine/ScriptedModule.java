package org.lmworkbench.backend.engine;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipOutputStream;
import org.lmworkbench.core.format.StoredZipEntries;

/**
 * A TorchScript module without tensors, written from its source without Python and loaded with DJL.
 * It is how the backend reaches libtorch operations that DJL's JNI layer does not expose
 * ({@code torch.autograd.grad}, in-place {@code add_} with {@code alpha}, {@code addcdiv_}, ...):
 * one call runs a whole method natively.
 *
 * <p>Archive layout, as read by libtorch's {@code torch::jit::load} (checked against
 * {@code caffe2/serialize/inline_container.cc} and {@code torch/csrc/jit/serialization/import*.cpp}):
 * every record lives under one top-level folder (the reader takes the folder name from the first
 * entry); {@code version} holds the file-format version; {@code constants.pkl} is a pickled
 * tuple (empty here, the code uses no tensor constants); {@code data.pkl} pickles the module
 * object as {@code GLOBAL '__torch__ <class>'}, {@code NEWOBJ}, then {@code BUILD} with a dict
 * holding a value for every declared attribute (only {@code training}); {@code code/__torch__.py}
 * holds the class in the serialised TorchScript dialect, where builtins are spelled
 * {@code torch.<aten op>} and optional refinement uses {@code unchecked_cast}. Records are STORED;
 * the reader needs no alignment for records it reads into memory (only tensor storages, absent
 * here, are mmapped).
 */
public final class ScriptedModule {

    /**
     * File-format version written to the archive. 3 is what libtorch itself produces for
     * modules without versioned operators; readers accept 1..10 or so. None of the operators the
     * backend's modules use has an upgrader, so the value does not change semantics.
     */
    static final String FORMAT_VERSION = "3";

    private final PtSymbolBlock block;

    private ScriptedModule(PtSymbolBlock block) {
        this.block = block;
    }

    /**
     * Compiles a module. Its handle belongs to a manager that lives as long as the JVM, so callers
     * keep one instance per JVM (the modules are stateless and may be called from any thread).
     *
     * @param folder    top-level folder of the archive
     * @param className the class defined by {@code source}, qualified as {@code __torch__.<className>}
     * @param source    the class in the serialised dialect
     * @param training  whether the module is put in training mode (only matters for methods that
     *                  read {@code self.training})
     * @throws UncheckedIOException if the archive cannot be written to a temporary file
     */
    public static ScriptedModule load(String folder, String className, String source, boolean training) {
        try {
            Path archive = Files.createTempFile("lmw-" + folder + "-", ".pt");
            try {
                try (OutputStream out = Files.newOutputStream(archive)) {
                    write(out, folder, className, source);
                }
                PtNDManager owner = (PtNDManager) NDManager.newBaseManager();
                PtSymbolBlock block = JniUtils.loadModule(owner, archive, true, new String[0], new String[0], true);
                if (training) {
                    JniUtils.enableTrainingMode(block);
                }
                return new ScriptedModule(block);
            } finally {
                Files.deleteIfExists(archive);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TorchScript archive of " + className, e);
        }
    }

    /** The loaded module, for DJL's calls that take a block. */
    public PtSymbolBlock block() {
        return block;
    }

    /**
     * Runs {@code method} under libtorch's no-grad guard (what an optimizer update needs) and
     * releases its result.
     *
     * @param args the method's arguments after {@code self}; the caller closes them
     */
    public void runWithoutGrad(String method, IValue... args) {
        IValueUtils.runMethod(block, method, args).close();
    }

    /**
     * Writes the archive of a module.
     *
     * @param out       destination; not closed
     * @param folder    top-level folder of the archive
     * @param className the class defined by {@code source}
     * @param source    the class in the serialised dialect
     * @throws IOException on write failure
     */
    public static void write(OutputStream out, String folder, String className, String source) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        // The first entry fixes the archive folder name for the reader; libtorch writes "version"
        // ... or data.pkl first, either works.
        StoredZipEntries.put(zip, folder + "/data.pkl", modulePickle(className));
        StoredZipEntries.put(zip, folder + "/code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
        StoredZipEntries.put(zip, folder + "/constants.pkl", emptyTuplePickle());
        StoredZipEntries.put(zip, folder + "/version", (FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
        StoredZipEntries.put(zip, folder + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        zip.finish();
    }

    /**
     * Pickle (protocol 2) of the module object: class by GLOBAL, instantiated by NEWOBJ with no
     * arguments, then BUILD with the attribute dict; libtorch's object loader copies each declared
     * attribute from that dict into the object's slots.
     */
    static byte[] modulePickle(String className) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x80);                                   // PROTO
        b.write(2);
        b.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII));
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
