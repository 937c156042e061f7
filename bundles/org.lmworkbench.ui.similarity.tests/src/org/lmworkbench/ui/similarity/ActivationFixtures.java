package org.lmworkbench.ui.similarity;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.lmworkbench.ui.testing.UiTestSupport;

/**
 * Run folders with activation captures written by the test itself: {@code .npy} files (format 1.0,
 * little-endian float64, C order) of n x width matrices, a status and a spec whose seed and width
 * differ between runs, and the plain linear CKA the backend's numbers are checked against.
 */
final class ActivationFixtures {

    /** Examples per capture. */
    static final int N = 64;
    /** Capture step. */
    static final long STEP = 100;
    /** Layer names; sorted, as the backend and the editor list them; no digits, so tooltips parse. */
    static final String[] LAYERS = {"hidden", "middle", "output"};

    private ActivationFixtures() {
    }

    /** n x p standard normal entries. */
    static double[][] gaussian(Random random, int n, int p) {
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    /** A random p x p orthogonal matrix (Gram-Schmidt on a Gaussian matrix). */
    static double[][] orthogonal(Random random, int p) {
        double[][] q = gaussian(random, p, p);
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < p; i++) {
                    dot += q[i][j] * q[i][k];
                }
                for (int i = 0; i < p; i++) {
                    q[i][j] -= dot * q[i][k];
                }
            }
            double norm = 0;
            for (int i = 0; i < p; i++) {
                norm += q[i][j] * q[i][j];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < p; i++) {
                q[i][j] /= norm;
            }
        }
        return q;
    }

    /** {@code scale * a * b}. */
    static double[][] times(double[][] a, double[][] b, double scale) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += scale * a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /**
     * Linear CKA with the biased HSIC, written out the textbook way: K = X X^T, L = Y Y^T,
     * H = I - 11^T/n, HSIC(K, L) = tr(K H L H) / (n-1)^2, CKA = HSIC(K,L) / sqrt(HSIC(K,K) HSIC(L,L)).
     */
    static double linearCka(double[][] x, double[][] y) {
        double[][] k = centred(gram(x));
        double[][] l = centred(gram(y));
        return hsic(k, l) / Math.sqrt(hsic(k, k) * hsic(l, l));
    }

    private static double[][] gram(double[][] x) {
        int n = x.length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int f = 0; f < x[0].length; f++) {
                    g[i][j] += x[i][f] * x[j][f];
                }
            }
        }
        return g;
    }

    /** H G H. */
    private static double[][] centred(double[][] g) {
        int n = g.length;
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = (i == j ? 1.0 : 0.0) - 1.0 / n;
            }
        }
        return times(times(h, g, 1), h, 1);
    }

    /** tr(Kc Lc) / (n-1)^2 for centred Kc = HKH, Lc = HLH (tr(KHLH) = tr(HKH HLH) since H is idempotent). */
    private static double hsic(double[][] kc, double[][] lc) {
        double trace = 0;
        for (int i = 0; i < kc.length; i++) {
            for (int j = 0; j < kc.length; j++) {
                trace += kc[i][j] * lc[j][i];
            }
        }
        double n1 = kc.length - 1.0;
        return trace / (n1 * n1);
    }

    /** The bytes of an .npy file (version 1.0, '<f8', C order) holding {@code x}. */
    static byte[] npy(double[][] x) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + x.length + ", " + x[0].length + "), }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + 8 * x.length * x[0].length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buffer.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (double[] row : x) {
            for (double v : row) {
                buffer.putDouble(v);
            }
        }
        return buffer.array();
    }

    /**
     * Writes {@code runs/<id>/} with status.json, a spec with the given seed and width, and one
     * activation capture at {@link #STEP} holding {@code layers[i]} as {@link #LAYERS}[i].
     */
    static IFolder writeRun(IProject project, String id, int seed, int width, double[][]... layers)
            throws CoreException {
        IFolder run = project.getFolder("runs/" + id);
        UiTestSupport.writeFile(run.getFile("status.json"), """
                {"state": "completed", "created": "2026-11-20T09:14:02Z", "device": "cpu", "threads": 1,
                 "last_step": 100, "total_steps": 100, "last_loss": 0.5}
                """);
        UiTestSupport.writeFile(run.getFile("spec.json"), "{\"name\": \"" + id + "\", \"seed\": " + seed
                + ", \"model\": {\"family\": \"mlp\", \"width\": " + width + "}}");
        for (int i = 0; i < layers.length; i++) {
            writeBytes(run.getFile("activations/step-" + STEP + "/" + LAYERS[i] + ".npy"), npy(layers[i]));
        }
        return run;
    }

    private static void writeBytes(IFile file, byte[] bytes) throws CoreException {
        create(file.getParent());
        file.create(new ByteArrayInputStream(bytes), true, null);
    }

    private static void create(IContainer container) throws CoreException {
        if (container instanceof IFolder folder && !folder.exists()) {
            create(folder.getParent());
            folder.create(true, true, null);
        }
    }
}
