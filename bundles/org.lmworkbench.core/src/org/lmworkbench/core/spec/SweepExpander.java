package org.lmworkbench.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a spec with a {@code sweep} into its runs: the Cartesian product of the listed values,
 * ordered like nested loops with the first sweep key outermost and the last key varying fastest.
 * <p>
 * Values are substituted into the spec <em>as written</em>, before defaults are filled, so that
 * defaults which follow other fields stay right: sweeping {@code seed} also moves {@code data.seed}
 * unless the file sets {@code data.seed} explicitly, and sweeping {@code optimizer.name} to
 * {@code momentum} picks up its 0.9 momentum default.
 */
public final class SweepExpander {

    private SweepExpander() {
    }

    /**
     * Expands a spec tree.
     *
     * @throws SpecException if the tree has errors
     */
    public static List<ResolvedRun> expand(SpecNode.ObjectNode root) {
        List<SpecProblem> problems = new SpecValidator().validate(root);
        if (problems.stream().anyMatch(SpecProblem::isError)) {
            throw new SpecException(problems);
        }
        return expandValid(root);
    }

    /**
     * Expands a resolved spec over a sweep given in code (keys are dotted keys, values plain Java).
     * Because {@code base} is already resolved, every field is explicit: here {@code data.seed} does
     * not follow a swept {@code seed}.
     *
     * @throws SpecException if the sweep or a resulting run is not valid
     */
    public static List<ResolvedRun> expand(ExperimentSpec base, Map<String, ? extends List<?>> sweep) {
        Map<String, Object> root = base.toMap();
        if (!sweep.isEmpty()) {
            root.put(SpecSchema.SWEEP, new LinkedHashMap<>(sweep));
        }
        return expand((SpecNode.ObjectNode) SpecNode.fromValue(root, JsonPaths.ROOT));
    }

    /** Expands a tree that has already been validated without errors. */
    static List<ResolvedRun> expandValid(SpecNode.ObjectNode root) {
        SpecNode.ObjectNode base = root.without(SpecSchema.SWEEP);
        Map<String, List<SpecNode>> sweep = new LinkedHashMap<>();
        if (root.get(SpecSchema.SWEEP) instanceof SpecNode.ObjectNode sweepNode) {
            sweepNode.members().forEach((key, values) -> sweep.put(key, ((SpecNode.ArrayNode) values).elements()));
        }
        List<Map<String, SpecNode>> points = points(sweep);
        List<ResolvedRun> runs = new ArrayList<>(points.size());
        for (Map<String, SpecNode> point : points) {
            ExperimentSpec spec = SpecMapper.resolve(apply(base, point));
            Map<String, Object> values = new LinkedHashMap<>();
            point.forEach((key, node) -> values.put(key, FieldChecker.convert(SpecSchema.field(key), node)));
            String runId = runId(spec.name(), runs.size(), points.size());
            runs.add(new ResolvedRun(runId, runs.size(), values, spec));
        }
        return List.copyOf(runs);
    }

    /**
     * The id of run {@code index} (0-based) of a sweep of {@code count} runs: {@code name-007}, with
     * at least three digits and as many as the largest index needs, so ids sort in run order.
     */
    public static String runId(String name, int index, int count) {
        int digits = Math.max(3, Integer.toString(Math.max(count - 1, 0)).length());
        return name + "-" + String.format("%0" + digits + "d", index);
    }

    /** All assignments of the sweep, last key fastest; one empty assignment for an empty sweep. */
    static List<Map<String, SpecNode>> points(Map<String, List<SpecNode>> sweep) {
        List<String> keys = new ArrayList<>(sweep.keySet());
        int count = 1;
        for (List<SpecNode> values : sweep.values()) {
            count *= values.size();
        }
        List<Map<String, SpecNode>> points = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            Map<String, SpecNode> point = new LinkedHashMap<>();
            int rest = index;
            // Mixed-radix digits of the index, least significant = last key.
            for (int k = keys.size() - 1; k >= 0; k--) {
                List<SpecNode> values = sweep.get(keys.get(k));
                point.put(keys.get(k), values.get(rest % values.size()));
                rest /= values.size();
            }
            Map<String, SpecNode> ordered = new LinkedHashMap<>();
            keys.forEach(key -> ordered.put(key, point.get(key)));
            points.add(ordered);
        }
        return points;
    }

    /** The spec tree with the point's values written in. */
    static SpecNode.ObjectNode apply(SpecNode.ObjectNode base, Map<String, SpecNode> point) {
        SpecNode.ObjectNode tree = base;
        for (Map.Entry<String, SpecNode> entry : point.entrySet()) {
            tree = tree.withValue(entry.getKey(), entry.getValue());
        }
        return tree;
    }
}
