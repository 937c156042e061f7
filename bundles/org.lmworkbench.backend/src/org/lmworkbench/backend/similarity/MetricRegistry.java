package org.lmworkbench.backend.similarity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lmworkbench.core.run.SimilarityMetrics;

/**
 * Metric names to metrics. The families and their canonical names are core's {@link SimilarityMetrics}
 * catalogue, which the workbench offers too. Names follow the similarity-repository convention
 * ({@code cka-kernel=linear-hsic=gretton-score}, {@code cka-kernel=(rbf-sigma=0.5)-hsic=song-score},
 * {@code procrustes-distance=angular}, {@code cca-score}, {@code svcca-var=0.99-score},
 * {@code mutual_knn-topk=10}); settings in the name take any value. Short forms are accepted and
 * resolved to the canonical name: {@code cka}, {@code cka-kernel=linear} (estimator chosen by
 * {@link #autoEstimator}), the RBF kernel without parentheses, {@code cca-mean}, {@code svcca},
 * {@code svcca-var=0.95}, {@code mutual_knn-k=5}, {@code cka-minibatch=256}.
 * <p>
 * <b>Default estimator.</b> For independent Gaussian representations of widths p and q the biased
 * (Gretton) linear CKA is about {@code sqrt(pq / ((n+p)(n+q)))} rather than 0 (0.89 for p = q = 256,
 * n = 32). When that floor exceeds {@value #BIAS_FLOOR} (for equal widths: n &lt; 99 p) the
 * debiased (Song) estimator is chosen, otherwise the biased one.
 */
public final class MetricRegistry {

    /** Largest tolerated expected biased CKA of independent representations before "auto" debiases. */
    public static final double BIAS_FLOOR = 0.01;

    private static final String NUMBER = "([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)";
    private static final Pattern CKA = Pattern.compile(
            "cka-kernel=(linear|\\(rbf-sigma=" + NUMBER + "\\)|rbf-sigma=" + NUMBER + ")(?:-hsic=(gretton|song|auto))?(?:-score)?");
    private static final Pattern MINIBATCH = Pattern.compile(
            "(?:minibatch_cka-kernel=linear(?:-hsic=song)?-batch=(\\d+)-score|cka-minibatch=(\\d+))");
    /** An RBF CKA name whose sigma is not a number {@link #CKA} accepts, e.g. negative or a word. */
    private static final Pattern RBF_SETTING = Pattern.compile("cka-kernel=\\(?rbf-sigma=(.*?)\\)?(?:-hsic=[a-z]*)?(?:-score)?");
    private static final Pattern PROCRUSTES = Pattern.compile("procrustes-distance=(angular|euclidean)");
    private static final Pattern CCA = Pattern.compile("cca(?:-score|-mean)?");
    private static final Pattern SVCCA = Pattern.compile("svcca(?:-var=" + NUMBER + ")?(?:-score)?");
    private static final Pattern KNN = Pattern.compile("mutual_knn(?:-(?:topk|k)=(\\d+))?");

    /** Canonical names of the known metrics with their default settings, from the one catalogue. */
    public static final List<String> KNOWN = SimilarityMetrics.ALL.stream().map(SimilarityMetrics.Choice::defaultName)
            .toList();

    private MetricRegistry() {
    }

    /**
     * The metric called {@code name} for inputs of {@code n} examples whose widest layers have
     * {@code p} and {@code q} features (only used by "auto").
     *
     * @throws SimilarityException for an unknown name or bad settings, listing the known names
     */
    public static SimilarityMetric<?> resolve(String name, int n, long p, long q) {
        String s = name.trim();
        if (s.equals("cka")) {
            s = "cka-kernel=linear";
        }
        Matcher m = CKA.matcher(s);
        if (m.matches()) {
            String hsic = m.group(4) == null ? "auto" : m.group(4);
            CkaMetric.Estimator estimator = hsic.equals("auto") ? autoEstimator(n, p, q)
                    : CkaMetric.Estimator.valueOf(hsic.toUpperCase());
            if (m.group(1).equals("linear")) {
                return CkaMetric.linear(estimator);
            }
            return CkaMetric.rbf(Double.parseDouble(m.group(2) != null ? m.group(2) : m.group(3)), estimator);
        }
        if ((m = MINIBATCH.matcher(s)).matches()) {
            return new MinibatchCkaMetric(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        if ((m = PROCRUSTES.matcher(s)).matches()) {
            return new ProcrustesMetric(ProcrustesMetric.Form.valueOf(m.group(1).toUpperCase()));
        }
        if (CCA.matcher(s).matches()) {
            return CcaMetric.mean();
        }
        if ((m = SVCCA.matcher(s)).matches()) {
            return CcaMetric.svcca(m.group(1) == null ? 0.99 : Double.parseDouble(m.group(1)));
        }
        if ((m = KNN.matcher(s)).matches()) {
            return new MutualKnnMetric(m.group(1) == null ? 10 : Integer.parseInt(m.group(1)));
        }
        if ((m = RBF_SETTING.matcher(s)).matches()) {
            throw new SimilarityException("rbf-sigma must be a positive number, got '" + m.group(1) + "' in '" + name
                    + "'");
        }
        throw new SimilarityException("unknown metric '" + name + "'; known metrics: " + String.join(", ", KNOWN)
                + " (sigma, batch, var and topk take any value)");
    }

    /**
     * Fails fast on a name that cannot resolve, before any file is read: an unknown name lists the
     * known ones; a known metric with a setting out of range names the option and the setting.
     */
    public static void validate(String name) {
        try {
            resolve(name, 1000, 1, 1);
        } catch (SimilarityException e) {
            if (!recognised(name.trim())) {
                throw e;
            }
            throw new SimilarityException("invalid value for option '--metric': " + e.getMessage(), e);
        }
    }

    /** True if the name has the form of a known metric, whatever its settings. */
    private static boolean recognised(String s) {
        return s.equals("cka") || RBF_SETTING.matcher(s).matches() || Stream.of(CKA, MINIBATCH, PROCRUSTES, CCA, SVCCA, KNN)
                .anyMatch(p -> p.matcher(s).matches());
    }

    /** True if the estimator of {@code name} depends on the data ({@code auto}). */
    public static boolean isAuto(String name) {
        Matcher m = CKA.matcher(name.trim().equals("cka") ? "cka-kernel=linear" : name.trim());
        return m.matches() && (m.group(4) == null || m.group(4).equals("auto"));
    }

    /**
     * Song when the biased estimator's expected value for independent representations,
     * {@code sqrt(pq / ((n+p)(n+q)))}, exceeds {@link #BIAS_FLOOR}; Gretton otherwise.
     */
    public static CkaMetric.Estimator autoEstimator(int n, long p, long q) {
        double floor = Math.sqrt((double) p * q / (((double) n + p) * ((double) n + q)));
        return floor > BIAS_FLOOR ? CkaMetric.Estimator.SONG : CkaMetric.Estimator.GRETTON;
    }
}
