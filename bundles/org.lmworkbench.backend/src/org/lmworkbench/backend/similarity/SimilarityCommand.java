package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDManager;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmworkbench.backend.cli.args.CommandArgs;
import org.lmworkbench.backend.cli.args.CommandArgsException;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.core.run.SimilarityFile;

/**
 * {@code lmw similarity}: similarity of two representations, a layer x layer matrix of two models,
 * or model x model matrices at chosen layers across many runs, written as JSON
 * (core's {@link SimilarityFile}). Exit codes: 0 done, 2 invalid input, 1 internal error.
 */
public final class SimilarityCommand {

    static final String HELP = """
            usage: lmw similarity --metric <name> --a <run-or-file> --b <run-or-file> [--layers l1,l2,...]
                                  [--a-layers ...] [--b-layers ...] [--step n] --out <file.json>
                   lmw similarity --metric <name> --models <src1,src2,...> --layers <l1,...> [--step n] --out <file.json>

            Sources are run directories (activations/step-<n>/<layer>.npy; the last captured step unless
            --step), .npy files (one layer) or .npz archives (one layer per array). Two single layers give
            one "value"; otherwise a "matrix" with "rows" and "cols". With --models, one model x model
            matrix per layer.

            Metrics (settings take any value):
              cka-kernel=linear-hsic=gretton-score      linear CKA, biased HSIC (Gretton)
              cka-kernel=linear-hsic=song-score         linear CKA, unbiased HSIC (Song), n >= 4
              cka-kernel=linear-hsic=auto-score, cka    song when n is small relative to width, else gretton
              cka-kernel=(rbf-sigma=0.5)-hsic=gretton-score / ...-hsic=song-score   RBF CKA
              minibatch_cka-kernel=linear-hsic=song-batch=256-score   minibatch CKA (Nguyen et al.)
              procrustes-distance=angular | procrustes-distance=euclidean
              cca-score (mean CCA) | svcca-var=0.99-score | mutual_knn-topk=10

            Options: --precision float64|mixed (linear CKA matrices; default float64), --threads n (1).
            Exit codes: 0 done, 2 invalid input, 1 internal error.""";

    private static final String NAME = "similarity";
    private static final Set<String> OPTIONS = Set.of("metric", "a", "b", "models", "layers", "a-layers", "b-layers",
            "step", "out", "precision", "threads");

    private SimilarityCommand() {
    }

    /** Runs the command as a program (the backend's Main dispatches to {@link #run} instead). */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; {@code args} are the words after {@code similarity}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CommandArgs o = CommandArgs.parse(args, CommandArgs.Style.ANALYSIS, NAME, OPTIONS, Set.of());
            if (o.help()) {
                out.println(HELP);
                return 0;
            }
            if (!o.positional().isEmpty()) {
                throw new SimilarityException(NAME + ": unexpected argument '" + o.positional().get(0) + "' (see --help)");
            }
            String metricName = o.require("metric");
            MetricRegistry.validate(metricName);
            Path outFile = Path.of(o.require("out"));
            Long step = o.get("step") == null ? null : o.number("step", 0, 0);
            LinearCkaMatrix.Precision precision = precision(o.get("precision"));
            Engines.pytorch((int) o.number("threads", 1, 1));
            try (NDManager manager = NDManager.newBaseManager()) {
                SimilarityFile result = o.get("models") != null
                        ? models(o, metricName, step, precision, manager)
                        : pair(o, metricName, step, precision, manager);
                result.write(outFile);
            }
            out.println("similarity: wrote " + outFile);
            return 0;
        } catch (CommandArgsException e) {
            err.println(e.getMessage()); // already starts with "similarity: "
            return 2;
        } catch (SimilarityException e) {
            err.println("similarity: " + e.getMessage());
            return 2;
        } catch (Exception | Error e) {
            err.println("similarity: internal error: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static SimilarityFile pair(CommandArgs o, String metricName, Long step,
            LinearCkaMatrix.Precision precision, NDManager manager) {
        String a = o.require("a");
        String b = o.require("b");
        long start = System.nanoTime();
        List<String> aLayers = o.get("a-layers") != null ? o.list("a-layers") : o.list("layers");
        List<String> bLayers = o.get("b-layers") != null ? o.list("b-layers") : o.list("layers");
        ActivationSource.Loaded left = ActivationSource.load(Path.of(a), aLayers, step, manager);
        ActivationSource.Loaded right = ActivationSource.load(Path.of(b), bLayers, step, manager);
        List<Representation> all = new ArrayList<>(left.representations());
        all.addAll(right.representations());
        InputChecks.requireSameExamples(all);
        long loaded = System.nanoTime();
        int n = all.get(0).examples();
        SimilarityMetric<?> metric = MetricRegistry.resolve(metricName, n, widest(left.representations()),
                widest(right.representations()));
        SimilarityComparison.Result r = SimilarityComparison.matrix(metric, left.representations(),
                right.representations(), precision);
        SimilarityFile result = document(metric, metricName, n);
        if (left.layers().size() == 1 && right.layers().size() == 1) {
            result.value(r.matrix()[0][0]);
        } else {
            result.matrix(left.layers(), right.layers(), r.matrix());
        }
        long end = System.nanoTime();
        return result.input("a", left.describe()).input("b", right.describe()).timings(new SimilarityFile.Timings(
                r.method(), precision.name().toLowerCase(), seconds(loaded - start), seconds(r.prepareNanos()),
                seconds(r.compareNanos()), seconds(end - start)));
    }

    private static SimilarityFile models(CommandArgs o, String metricName, Long step,
            LinearCkaMatrix.Precision precision, NDManager manager) {
        if (o.get("a") != null || o.get("b") != null) {
            throw new SimilarityException(NAME + ": use either --a/--b or --models, not both");
        }
        List<String> sources = o.list("models");
        if (sources.size() < 2) {
            throw new SimilarityException(NAME + ": --models needs at least two sources separated by commas");
        }
        long start = System.nanoTime();
        List<ActivationSource.Loaded> loaded = new ArrayList<>();
        for (String s : sources) {
            loaded.add(ActivationSource.load(Path.of(s), o.list("layers"), step, manager));
        }
        List<String> layers = o.list("layers").isEmpty() ? loaded.get(0).layers() : o.list("layers");
        List<Representation> all = new ArrayList<>();
        loaded.forEach(l -> all.addAll(l.representations()));
        InputChecks.requireSameExamples(all);
        long read = System.nanoTime();
        int n = all.get(0).examples();
        SimilarityMetric<?> metric = MetricRegistry.resolve(metricName, n, widest(all), widest(all));
        SimilarityFile result = document(metric, metricName, n);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            names.add(loaded.get(i).name());
            result.input("model" + i, loaded.get(i).describe());
        }
        long prepare = 0;
        long compare = 0;
        String method = "";
        for (String layer : layers) {
            List<Representation> reps = new ArrayList<>();
            for (ActivationSource.Loaded l : loaded) {
                reps.add(l.layer(layer));
            }
            SimilarityComparison.Result r = SimilarityComparison.matrix(metric, reps, reps, precision);
            prepare += r.prepareNanos();
            compare += r.compareNanos();
            method = r.method();
            if (layers.size() == 1) {
                result.matrix(names, names, r.matrix());
            } else {
                result.layerMatrix(layer, names, names, r.matrix());
            }
        }
        return result.timings(new SimilarityFile.Timings(method, precision.name().toLowerCase(), seconds(read - start),
                seconds(prepare), seconds(compare), seconds(System.nanoTime() - start)));
    }

    /** A result document for {@code metric} as requested by {@code requestedName}, over {@code n} examples. */
    private static SimilarityFile document(SimilarityMetric<?> metric, String requestedName, int n) {
        Map<String, Object> settings = new LinkedHashMap<>(metric.settings());
        if (MetricRegistry.isAuto(requestedName)) {
            settings.put("estimator_rule", "song (debiased) when sqrt(pq/((n+p)(n+q))) > "
                    + MetricRegistry.BIAS_FLOOR + " for the widest layers p, q; gretton otherwise");
        }
        SimilarityFile result = new SimilarityFile(metric.name(), requestedName, settings, n);
        if (metric instanceof MinibatchCkaMetric minibatch) {
            result.examplesUsed(minibatch.examplesUsed(n));
        }
        return result;
    }

    private static LinearCkaMatrix.Precision precision(String value) {
        if (value == null || value.equals("float64")) {
            return LinearCkaMatrix.Precision.FLOAT64;
        }
        if (value.equals("mixed")) {
            return LinearCkaMatrix.Precision.MIXED;
        }
        throw new SimilarityException(NAME + ": --precision must be float64 or mixed, not '" + value + "'");
    }

    private static long widest(List<Representation> reps) {
        long max = 0;
        for (Representation r : reps) {
            max = Math.max(max, r.features());
        }
        return max;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
