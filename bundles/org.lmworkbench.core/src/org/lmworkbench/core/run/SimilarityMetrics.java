package org.lmworkbench.core.run;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue of similarity metrics that {@code lmw similarity --metric} understands and that
 * {@code .cka} documents and similarity results name: one entry per metric family, each with its
 * canonical name and at most one setting written inside that name (RBF sigma, minibatch size, SVCCA
 * variance, kNN k). Names follow the similarity-repository convention, e.g.
 * {@code cka-kernel=(rbf-sigma=0.5)-hsic=gretton-score}, so the same text works in a document and
 * on the command line. The backend resolves these names (and its short forms) to implementations;
 * the workbench offers them in this order.
 */
public final class SimilarityMetrics {

    /** Placeholder for the setting inside a template. */
    private static final String SLOT = "{}";
    private static final String NUMBER = "([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)";

    /**
     * One metric family.
     *
     * @param label        what the combo shows
     * @param template     backend name, with {@code {}} where the setting goes (or none)
     * @param setting      name of the setting, or null
     * @param defaultValue the setting's default, or null
     * @param integral     whether the setting is a whole number
     * @param min          smallest allowed setting (exclusive when {@code minExclusive})
     * @param max          largest allowed setting (inclusive)
     * @param linearCka    whether {@code --precision} applies
     */
    public record Choice(String label, String template, String setting, String defaultValue, boolean integral,
            double min, boolean minExclusive, double max, boolean linearCka) {

        /** The backend name with {@code value} as its setting. */
        public String name(String value) {
            return setting == null ? template : template.replace(SLOT, value);
        }

        /** The backend name with the default setting. */
        public String defaultName() {
            return name(defaultValue);
        }

        /** Whether values lie in [0, 1]: all but the Procrustes distances (angular up to pi/2, Euclidean unbounded). */
        public boolean unitRange() {
            return !template.startsWith("procrustes");
        }

        Pattern pattern() {
            String[] parts = template.split(Pattern.quote(SLOT), -1);
            StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
            for (int i = 1; i < parts.length; i++) {
                regex.append(NUMBER).append(Pattern.quote(parts[i]));
            }
            return Pattern.compile(regex.toString());
        }

        /** Null when {@code value} is an allowed setting, else why not. */
        public String checkSetting(String value) {
            double v;
            try {
                v = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                return setting + " must be a number, not '" + value + "'";
            }
            if (integral && (v != Math.rint(v) || value.contains("."))) {
                return setting + " must be a whole number, not '" + value + "'";
            }
            if (v < min || (minExclusive && v == min) || v > max || Double.isNaN(v)) {
                return setting + " must be " + (minExclusive ? "> " : ">= ") + fmt(min) + " and <= " + fmt(max)
                        + ", not " + value;
            }
            return null;
        }

        private static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
        }
    }

    /** A recognised backend name: its family and setting (null for families without one). */
    public record Parsed(Choice choice, String settingValue) {
    }

    /** The families, in the order the editor lists them; the first is the default. */
    public static final List<Choice> ALL = List.of(
            new Choice("Linear CKA (biased HSIC, Gretton)", "cka-kernel=linear-hsic=gretton-score", null, null,
                    false, 0, false, 0, true),
            new Choice("Linear CKA (unbiased HSIC, Song)", "cka-kernel=linear-hsic=song-score", null, null,
                    false, 0, false, 0, true),
            new Choice("Linear CKA (estimator chosen from n and widths)", "cka-kernel=linear-hsic=auto-score", null,
                    null, false, 0, false, 0, true),
            new Choice("RBF CKA (biased HSIC)", "cka-kernel=(rbf-sigma={})-hsic=gretton-score", "sigma", "0.5",
                    false, 0, true, Double.MAX_VALUE, false),
            new Choice("RBF CKA (unbiased HSIC)", "cka-kernel=(rbf-sigma={})-hsic=song-score", "sigma", "0.5",
                    false, 0, true, Double.MAX_VALUE, false),
            new Choice("Minibatch CKA (Nguyen et al.)", "minibatch_cka-kernel=linear-hsic=song-batch={}-score",
                    "batch", "256", true, 4, false, 1e9, false),
            new Choice("Procrustes (angular distance)", "procrustes-distance=angular", null, null, false, 0, false, 0,
                    false),
            new Choice("Procrustes (Euclidean distance)", "procrustes-distance=euclidean", null, null, false, 0, false,
                    0, false),
            new Choice("Mean CCA", "cca-score", null, null, false, 0, false, 0, false),
            new Choice("SVCCA", "svcca-var={}-score", "var", "0.99", false, 0, true, 1, false),
            new Choice("Mutual k-nearest neighbours", "mutual_knn-topk={}", "topk", "10", true, 1, false, 1e9, false));

    /** The default metric: linear CKA with the biased (Gretton) HSIC. */
    public static final Choice DEFAULT = ALL.get(0);

    private SimilarityMetrics() {
    }

    /** The family and setting of a canonical backend name, or null if it is not one of {@link #ALL}. */
    public static Parsed parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        for (Choice choice : ALL) {
            Matcher m = choice.pattern().matcher(s);
            if (m.matches()) {
                return new Parsed(choice, choice.setting == null ? null : m.group(1));
            }
        }
        return null;
    }

    /** The canonical names with default settings, for error messages. */
    public static String knownNames() {
        return String.join(", ", ALL.stream().map(Choice::defaultName).toList());
    }
}
