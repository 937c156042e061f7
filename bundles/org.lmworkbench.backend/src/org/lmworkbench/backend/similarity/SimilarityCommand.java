package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.core.command.ArgumentException;
import org.lmworkbench.core.command.CommandArguments;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.OptionsCommand;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.SimilarityFile;
import picocli.CommandLine.Option;

/**
 * {@code lmw similarity}: similarity of two representations, a layer x layer matrix of two models,
 * or model x model matrices at chosen layers across many runs, written as JSON
 * (core's {@link SimilarityFile}). Exit codes: 0 done, 2 invalid input, 1 internal error.
 */
public final class SimilarityCommand extends OptionsCommand<SimilarityCommand.Arguments> {

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

    /** The words of the command line, as the option parser fills them. */
    public static final class Arguments {
        @Option(names = "--metric", required = true, paramLabel = "<name>")
        String metric;

        @Option(names = "--a", paramLabel = "<run-or-file>")
        String a;

        @Option(names = "--b", paramLabel = "<run-or-file>")
        String b;

        @Option(names = "--models", paramLabel = "<src1,src2,...>")
        String models;

        @Option(names = "--layers", paramLabel = "<l1,l2,...>")
        String layers;

        @Option(names = "--a-layers", paramLabel = "<l1,l2,...>")
        String aLayers;

        @Option(names = "--b-layers", paramLabel = "<l1,l2,...>")
        String bLayers;

        @Option(names = "--step", paramLabel = "<n>")
        Long step;

        @Option(names = "--out", required = true, paramLabel = "<file.json>")
        String out;

        @Option(names = "--precision", paramLabel = "float64|mixed")
        String precision;

        @Option(names = "--threads", paramLabel = "<n>")
        int threads = 1;
    }

    /** The command {@code similarity}. */
    public SimilarityCommand() {
        super("similarity", "--metric <m> --a <src> --b <src> ...", "representation similarity of activations",
                HELP, Arguments::new);
    }

    @Override
    protected int run(Arguments o, PrintStream out, PrintStream err) throws UsageException, IOException {
        Long step = o.step == null ? null : CommandArguments.atLeast("--step", o.step, 0);
        int threads = (int) CommandArguments.atLeast("--threads", o.threads, 1);
        LinearCkaMatrix.Precision precision = precision(o.precision);
        Path outFile = CommandArguments.outputFile("--out", o.out);
        try {
            MetricRegistry.validate(o.metric);
            Engines.pytorch(threads);
            try (NDManager manager = NDManager.newBaseManager()) {
                SimilarityFile result = o.models != null
                        ? models(o, step, precision, manager)
                        : pair(o, step, precision, manager);
                result.write(outFile);
            }
        } catch (SimilarityException e) {
            throw new UsageException(e.getMessage(), e);
        }
        out.println("similarity: wrote " + outFile);
        return ExitCodes.OK;
    }

    private static SimilarityFile pair(Arguments o, Long step, LinearCkaMatrix.Precision precision,
            NDManager manager) throws ArgumentException {
        if (o.a == null || o.b == null) {
            throw new ArgumentException("missing required option: '" + (o.a == null ? "--a" : "--b")
                    + "' (or --models)");
        }
        String metricName = o.metric;
        long start = System.nanoTime();
        List<String> aLayers = CommandArguments.list(o.aLayers != null ? o.aLayers : o.layers);
        List<String> bLayers = CommandArguments.list(o.bLayers != null ? o.bLayers : o.layers);
        ActivationSource.Loaded left = ActivationSource.load(Path.of(o.a), aLayers, step, manager);
        ActivationSource.Loaded right = ActivationSource.load(Path.of(o.b), bLayers, step, manager);
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

    private static SimilarityFile models(Arguments o, Long step, LinearCkaMatrix.Precision precision,
            NDManager manager) throws ArgumentException {
        if (o.a != null || o.b != null) {
            throw new ArgumentException("use either --a/--b or --models, not both");
        }
        List<String> sources = CommandArguments.list(o.models);
        if (sources.size() < 2) {
            throw CommandArguments.invalid("--models", "needs at least two sources separated by commas");
        }
        String metricName = o.metric;
        List<String> wanted = CommandArguments.list(o.layers);
        long start = System.nanoTime();
        List<ActivationSource.Loaded> loaded = new ArrayList<>();
        for (String s : sources) {
            loaded.add(ActivationSource.load(Path.of(s), wanted, step, manager));
        }
        List<String> layers = wanted.isEmpty() ? loaded.get(0).layers() : wanted;
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

    private static LinearCkaMatrix.Precision precision(String value) throws ArgumentException {
        if (value == null || value.equals("float64")) {
            return LinearCkaMatrix.Precision.FLOAT64;
        }
        if (value.equals("mixed")) {
            return LinearCkaMatrix.Precision.MIXED;
        }
        throw CommandArguments.invalid("--precision", "must be float64 or mixed, got '" + value + "'");
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
