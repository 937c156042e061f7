package org.lmworkbench.backend.similarity;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.backend.data.NpyArrays;
import org.lmworkbench.core.format.Npy;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.core.command.ArgumentException;
import org.lmworkbench.core.command.CommandArguments;
import org.lmworkbench.core.run.AtomicFiles;
import picocli.CommandLine.Option;

/**
 * Benchmark of the linear CKA layer x layer matrix of two models (default 12 layers each, n = 4096
 * examples, width 1024, float32 activations drawn from a seeded generator): wall time of the float64
 * and mixed-precision streamed-Gram paths, the largest difference between them over all pairs, and
 * their agreement with an independent float64 feature-form computation
 * ({@code ||Y^T X||^2 / (||X^T X|| ||Y^T Y||)}) on a few pairs. {@code --npy-dir} also writes the
 * activations ({@code a<i>.npy}, {@code b<i>.npy}) and each matrix ({@code java-<precision>.json})
 * so that releng/benchmarks/cka_numpy.py can time numpy on the same data and compare all values;
 * releng/benchmarks/cka.sh runs both.
 */
public final class CkaBenchmark {

    /** The benchmark's options. */
    static final class Options {
        @Option(names = "--layers")
        int layers = 12;

        @Option(names = "--n")
        int n = 4096;

        @Option(names = "--width")
        int width = 1024;

        @Option(names = "--seed")
        long seed = 1;

        @Option(names = "--threads")
        int threads = 1;

        @Option(names = "--check-pairs")
        int checkPairs = 3;

        @Option(names = "--npy-dir")
        String npyDir;

        @Option(names = "--precision")
        String precision = "float64,mixed";
    }

    private CkaBenchmark() {
    }

    /** Runs the benchmark; see the class comment for options. */
    public static void main(String[] args) throws IOException, ArgumentException {
        Options o = new Options();
        CommandArguments.parse("cka-benchmark", o, args);
        int layers = (int) CommandArguments.atLeast("--layers", o.layers, 1);
        int n = (int) CommandArguments.atLeast("--n", o.n, 4);
        int width = (int) CommandArguments.atLeast("--width", o.width, 1);
        long seed = o.seed;
        int checkPairs = o.checkPairs;
        String precisions = o.precision;
        Engine engine = Engines.pytorch((int) CommandArguments.atLeast("--threads", o.threads, 1));
        engine.setRandomSeed((int) seed);
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> rawA = model(m, layers, n, width, 0.3);
            List<NDArray> rawB = model(m, layers, n, width, 0.5);
            System.out.printf("linear CKA %d x %d layers, n = %d, width = %d, float32 inputs, %d thread(s)%n", layers,
                    layers, n, width, Engines.threadsInUse());
            Map<String, double[][]> matrices = new LinkedHashMap<>();
            for (String p : precisions.split(",")) {
                LinearCkaMatrix.Precision precision = LinearCkaMatrix.Precision.valueOf(p.trim().toUpperCase());
                long start = System.nanoTime();
                List<Representation> a = representations(rawA, "a");
                List<Representation> b = representations(rawB, "b");
                double[][] matrix = LinearCkaMatrix.compute(a, b, CkaMetric.Estimator.GRETTON, precision);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("  streamed Gram, %-7s : %7.2f s (including float64 conversion and centring)%n",
                        precision.name().toLowerCase(), seconds);
                matrices.put(precision.name().toLowerCase(), matrix);
                if (checkPairs > 0) {
                    check(matrix, a, b, checkPairs);
                }
                release(a);
                release(b);
            }
            if (matrices.containsKey("float64") && matrices.containsKey("mixed")) {
                System.out.printf("  max |mixed - float64| over all %d pairs: %.2e%n", layers * layers,
                        maxDifference(matrices.get("mixed"), matrices.get("float64")));
            }
            String dir = o.npyDir;
            if (dir != null) {
                write(Path.of(dir), rawA, rawB, matrices);
            }
        }
    }

    /** Layers sharing a latent signal with layer-dependent noise, so CKA values spread over (0, 1). */
    private static List<NDArray> model(NDManager m, int layers, int n, int width, double noiseStep) {
        NDArray latent = m.randomNormal(new Shape(n, width));
        List<NDArray> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            NDArray noise = m.randomNormal(new Shape(n, width));
            out.add(latent.add(noise.mul(noiseStep * (l + 1))).toType(DataType.FLOAT32, false));
            noise.close();
        }
        latent.close();
        return out;
    }

    private static List<Representation> representations(List<NDArray> raw, String prefix) {
        List<Representation> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(Representation.of(prefix + i, raw.get(i)));
        }
        return out;
    }

    private static void release(List<Representation> reps) {
        reps.forEach(r -> r.data().close());
    }

    /** Diagonal pairs spread over the layers, by the float64 feature form on freshly centred data. */
    private static void check(double[][] matrix, List<Representation> a, List<Representation> b, int pairs) {
        long start = System.nanoTime();
        double worst = 0;
        for (int k = 0; k < pairs; k++) {
            int i = pairs == 1 ? 0 : (int) Math.round(k * (a.size() - 1) / (double) (pairs - 1));
            int j = Math.min(b.size() - 1, a.size() - 1 - i);
            NDArray x = Kernels.centreColumns(a.get(i).data());
            NDArray y = Kernels.centreColumns(b.get(j).data());
            double xy = CkaMetric.squaredFrobenius(y.transpose().matMul(x));
            double xx = Math.sqrt(CkaMetric.squaredFrobenius(x.transpose().matMul(x)));
            double yy = Math.sqrt(CkaMetric.squaredFrobenius(y.transpose().matMul(y)));
            worst = Math.max(worst, Math.abs(matrix[i][j] - xy / (xx * yy)));
        }
        System.out.printf("      max |difference| to float64 feature form on %d pairs: %.2e (check took %.1f s)%n",
                pairs, worst, (System.nanoTime() - start) / 1e9);
    }

    private static double maxDifference(double[][] a, double[][] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return worst;
    }

    private static void write(Path dir, List<NDArray> a, List<NDArray> b, Map<String, double[][]> matrices)
            throws IOException {
        for (int i = 0; i < a.size(); i++) {
            AtomicFiles.write(dir.resolve("a" + i + ".npy"), Npy.encode(NpyArrays.of(a.get(i))));
            AtomicFiles.write(dir.resolve("b" + i + ".npy"), Npy.encode(NpyArrays.of(b.get(i))));
        }
        for (Map.Entry<String, double[][]> e : matrices.entrySet()) {
            JsonObject root = new JsonObject();
            JsonArray rows = new JsonArray();
            for (double[] row : e.getValue()) {
                JsonArray values = new JsonArray();
                for (double v : row) {
                    values.add(v);
                }
                rows.add(values);
            }
            root.add("matrix", rows);
            AtomicFiles.write(dir.resolve("java-" + e.getKey() + ".json"), new GsonBuilder().create().toJson(root));
        }
        System.out.println("  wrote activations and java-<precision>.json to " + dir);
    }
}
