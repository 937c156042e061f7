package org.lmworkbench.core.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a spec tree against {@link SpecSchema} and reports every problem, not just the first:
 * unknown keys (with a spelling suggestion), wrong types, values out of range, disallowed enum
 * values, missing required keys, malformed sweeps, and rules that tie several fields together
 * (checked for every point of a sweep). Problems come back sorted by position in the file.
 */
public final class SpecValidator {

    /** A sweep larger than this is almost certainly a mistake (and would flood the runs folder). */
    public static final int MAX_RUNS = 10_000;

    /** A validator; it keeps no state between calls and may be shared. */
    public SpecValidator() {
    }

    /** Validates a whole spec, sweep included. */
    public List<SpecProblem> validate(SpecNode.ObjectNode root) {
        Set<SpecProblem> problems = new LinkedHashSet<>();
        Set<String> invalidKeys = new HashSet<>();
        checkObject("", root, problems, invalidKeys);
        Map<String, List<SpecNode>> sweep = new LinkedHashMap<>();
        boolean sweepOk = true;
        SpecNode sweepNode = root.get(SpecSchema.SWEEP);
        if (sweepNode != null) {
            sweepOk = checkSweep(sweepNode, sweep, problems);
        }
        checkRequired(root, sweep.keySet(), problems);
        SpecNode.ObjectNode base = root.without(SpecSchema.SWEEP);
        if (sweepOk && !sweep.isEmpty()) {
            for (Map<String, SpecNode> point : SweepExpander.points(sweep)) {
                CrossFieldRules.check(SweepExpander.apply(base, point), invalidKeys, problems);
            }
        } else {
            CrossFieldRules.check(base, invalidKeys, problems);
        }
        List<SpecProblem> sorted = new ArrayList<>(problems);
        sorted.sort(SpecProblem.BY_POSITION);
        return sorted;
    }

    private void checkObject(String section, SpecNode.ObjectNode object, Set<SpecProblem> problems, Set<String> invalid) {
        List<String> known = SpecSchema.children(section);
        for (Map.Entry<String, SpecNode> member : object.members().entrySet()) {
            String name = member.getKey();
            SpecNode value = member.getValue();
            String key = section.isEmpty() ? name : section + "." + name;
            if (section.isEmpty() && name.equals(SpecSchema.SWEEP)) {
                continue; // checked on its own, after the fields
            }
            if (SpecSchema.isSection(key)) {
                if (value instanceof SpecNode.ObjectNode child) {
                    checkObject(key, child, problems, invalid);
                } else {
                    problems.add(SpecProblem.error(value.path() + ": expected an object but found " + value.describe(), value));
                    invalid.add(key);
                }
            } else if (SpecSchema.isField(key)) {
                Object converted = FieldChecker.check(SpecSchema.field(key), value, value.path(),
                        message -> problems.add(SpecProblem.error(message, value)));
                if (converted == null) {
                    invalid.add(key);
                }
            } else {
                SpecNode.Location at = object.keyLocation(name);
                problems.add(new SpecProblem(SpecProblem.Severity.ERROR,
                        "unknown key " + JsonPaths.quote(name) + " in " + object.path() + Suggestions.didYouMean(name, known),
                        JsonPaths.child(object.path(), name), at.line(), at.column()));
            }
        }
    }

    private void checkRequired(SpecNode.ObjectNode root, Set<String> swept, Set<SpecProblem> problems) {
        for (SpecSchema.Field field : SpecSchema.fields()) {
            if (!field.required() || root.find(field.key()) != null || swept.contains(field.key())) {
                continue;
            }
            SpecNode parent = root.find(field.section());
            SpecNode at = field.section().isEmpty() || !(parent instanceof SpecNode.ObjectNode) ? root : parent;
            problems.add(new SpecProblem(SpecProblem.Severity.ERROR,
                    "missing required key '" + field.name() + "' in " + JsonPaths.ofKey(field.section()),
                    JsonPaths.ofKey(field.key()), at.line(), at.column()));
        }
    }

    /** Fills {@code valid} with the well-formed sweep entries; returns false if anything was wrong. */
    private boolean checkSweep(SpecNode node, Map<String, List<SpecNode>> valid, Set<SpecProblem> problems) {
        if (!(node instanceof SpecNode.ObjectNode sweep)) {
            problems.add(SpecProblem.error(node.path() + ": expected an object mapping spec keys to arrays of values but found "
                    + node.describe(), node));
            return false;
        }
        boolean ok = true;
        for (Map.Entry<String, SpecNode> entry : sweep.members().entrySet()) {
            String key = entry.getKey();
            SpecNode values = entry.getValue();
            String path = JsonPaths.sweepEntry(key);
            SpecNode.Location keyAt = sweep.keyLocation(key);
            String keyProblem = sweepKeyProblem(key, path, sweep.path());
            if (keyProblem != null) {
                problems.add(new SpecProblem(SpecProblem.Severity.ERROR, keyProblem, path, keyAt.line(), keyAt.column()));
                ok = false;
            } else if (!(values instanceof SpecNode.ArrayNode array)) {
                problems.add(SpecProblem.error(path + ": expected an array of values but found " + values.describe(), values));
                ok = false;
            } else if (array.elements().isEmpty()) {
                problems.add(SpecProblem.error(path + ": sweep has no values", values));
                ok = false;
            } else {
                ok &= checkSweepValues(key, path, array, problems);
                valid.put(key, array.elements());
            }
        }
        long runs = 1;
        for (List<SpecNode> values : valid.values()) {
            runs = Math.min(runs * values.size(), Integer.MAX_VALUE);
        }
        if (runs > MAX_RUNS) {
            problems.add(SpecProblem.error(sweep.path() + ": expands to " + runs + " runs; at most " + MAX_RUNS
                    + " are allowed", sweep));
            ok = false;
        }
        return ok;
    }

    private static String sweepKeyProblem(String key, String path, String sweepPath) {
        if (key.equals("name")) {
            return path + ": 'name' cannot be swept because run ids are derived from it";
        }
        if (key.equals(SpecSchema.SWEEP)) {
            return path + ": 'sweep' cannot be swept";
        }
        if (SpecSchema.isSection(key)) {
            String example = key + "." + SpecSchema.children(key).get(0);
            return path + ": '" + key + "' is an object, not a field; sweep one of its fields such as '" + example + "'";
        }
        if (!SpecSchema.isField(key)) {
            return "unknown sweep key " + JsonPaths.quote(key) + " in " + sweepPath + Suggestions.didYouMean(key, SpecSchema.sweepableKeys());
        }
        String wholeSweep = SlurmRules.sweepProblem(key);
        return wholeSweep == null ? null : path + ": " + wholeSweep;
    }

    private static boolean checkSweepValues(String key, String path, SpecNode.ArrayNode array, Set<SpecProblem> problems) {
        SpecSchema.Field field = SpecSchema.field(key);
        boolean ok = true;
        List<Object> seen = new ArrayList<>();
        for (int i = 0; i < array.elements().size(); i++) {
            SpecNode element = array.elements().get(i);
            Object value = FieldChecker.check(field, element, JsonPaths.index(path, i),
                    message -> problems.add(SpecProblem.error(message, element)));
            if (value == null) {
                ok = false;
            } else if (seen.contains(value)) {
                problems.add(SpecProblem.warning(JsonPaths.index(path, i) + ": value " + element.toValue()
                        + " is listed more than once, so the same run is repeated", element));
            }
            seen.add(value);
        }
        return ok;
    }
}
