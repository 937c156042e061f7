package org.lmworkbench.core.spec;

import java.util.Collection;
import java.util.Set;

/**
 * Rules that involve more than one field, checked on the resolved values of one run. A rule is
 * skipped when one of its fields is already reported as invalid, so a single mistake does not
 * produce a cascade of messages.
 */
final class CrossFieldRules {

    private CrossFieldRules() {
    }

    static void check(SpecNode.ObjectNode tree, Set<String> invalidKeys, Collection<SpecProblem> out) {
        ExperimentSpec spec = SpecMapper.resolve(tree);
        Rules r = new Rules(tree, invalidKeys, out);
        DataSpec data = spec.data();
        if (r.valid("data.source", "data.path")) {
            String source = data.source().jsonName();
            if (data.source().isFileBased() && data.path() == null) {
                r.error("data.path", "data.source", "$.data.path: required when data.source is '" + source + "'");
            } else if (!data.source().isFileBased() && data.path() != null) {
                r.warning("data.path", "$.data.path: ignored because data.source '" + source + "' generates its data");
            }
        }
        if (r.valid("data.source", "data.label_column") && data.labelColumn() != null
                && data.source() != DataSpec.Source.CSV) {
            r.warning("data.label_column", "$.data.label_column: ignored because data.source is not 'csv'");
        }
        TrainingSpec training = spec.training();
        if (r.valid("optimizer.name", "training.batch_size", "data.n_train") && !training.isFullBatch()) {
            if (spec.optimizer().name().isFullBatch()) {
                r.warning("training.batch_size", "$.training.batch_size: ignored because optimizer '"
                        + spec.optimizer().name().jsonName() + "' always uses the full batch");
            } else if (training.batchSize() > data.nTrain()) {
                r.warning("training.batch_size", "$.training.batch_size: " + training.batchSize()
                        + " is larger than data.n_train (" + data.nTrain() + "), so every step uses the full batch");
            }
        }
        OptimizerSpec optimizer = spec.optimizer();
        if (r.valid("optimizer.lr", "optimizer.schedule.kind", "optimizer.schedule.min_lr")
                && optimizer.schedule().kind() == ScheduleSpec.Kind.COSINE && optimizer.schedule().minLr() > optimizer.lr()) {
            r.error("optimizer.schedule.min_lr", null, "$.optimizer.schedule.min_lr: must be <= optimizer.lr ("
                    + format(optimizer.lr()) + ") but was " + format(optimizer.schedule().minLr()));
        }
        ModelSpec model = spec.model();
        if (r.valid("model.family", "model.embedding", "model.heads") && model.family() == ModelSpec.Family.TRANSFORMER
                && model.embedding() % model.heads() != 0) {
            r.error("model.embedding", "model.family", "$.model.embedding: must be divisible by model.heads ("
                    + model.heads() + ") but was " + model.embedding());
        }
        SlurmRules.check(tree, spec, invalidKeys, out);
    }

    /** Shortest honest rendering: 2000 rather than 2000.0, 0.05 rather than 5.0E-2. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private record Rules(SpecNode.ObjectNode tree, Set<String> invalidKeys, Collection<SpecProblem> out) {

        boolean valid(String... keys) {
            for (String key : keys) {
                if (invalidKeys.contains(key)) {
                    return false;
                }
            }
            return true;
        }

        void error(String key, String fallbackKey, String message) {
            out.add(problem(SpecProblem.Severity.ERROR, key, fallbackKey, message));
        }

        void warning(String key, String message) {
            out.add(problem(SpecProblem.Severity.WARNING, key, null, message));
        }

        /** Located at the field if written, else at the fallback field, else at the nearest enclosing object. */
        private SpecProblem problem(SpecProblem.Severity severity, String key, String fallbackKey, String message) {
            SpecNode at = tree.find(key);
            if (at == null && fallbackKey != null) {
                at = tree.find(fallbackKey);
            }
            String section = key;
            while (at == null) {
                int dot = section.lastIndexOf('.');
                section = dot < 0 ? "" : section.substring(0, dot);
                at = section.isEmpty() ? tree : tree.find(section);
            }
            return new SpecProblem(severity, message, JsonPaths.ofKey(key), at.line(), at.column());
        }
    }
}
