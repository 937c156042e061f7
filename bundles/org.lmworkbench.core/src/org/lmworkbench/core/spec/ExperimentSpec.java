package org.lmworkbench.core.spec;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One fully resolved experiment run: every field has a value (defaults filled in) and nothing is
 * left to chance (the seeds are fixed). This is what {@code runs/<run-id>/spec.json} holds. A spec
 * file with a {@code sweep} resolves into several of these, see {@link SweepExpander}.
 * <p>
 * Besides the typed accessors, values can be read and replaced by dotted key
 * ({@code "optimizer.lr"}), which is what sweeps and generic forms use.
 *
 * @param name        experiment name, also the stem of run ids
 * @param description free text
 * @param seed        seed of initialisation and batch order
 * @param model       network
 * @param data        training data
 * @param optimizer   optimizer and schedule
 * @param training    training loop
 * @param probes      measurements during training
 * @param execution   device, threads and memory
 */
public record ExperimentSpec(String name, String description, int seed, ModelSpec model, DataSpec data,
        OptimizerSpec optimizer, TrainingSpec training, ProbeSpec probes, ExecutionSpec execution) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** Checks that no part is missing. */
    public ExperimentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(execution, "execution");
    }

    /**
     * The spec with all defaults, given only the two required values.
     *
     * @throws SpecException if the name or learning rate is not acceptable
     */
    public static ExperimentSpec withDefaults(String name, double lr) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        root.put("optimizer", Map.of("lr", lr));
        return fromTree((SpecNode.ObjectNode) SpecNode.fromValue(root, JsonPaths.ROOT));
    }

    /**
     * Parses the JSON of a single run, as written by {@link #toJson()}.
     *
     * @throws SpecException if the text is not a valid spec or contains a sweep
     */
    public static ExperimentSpec fromJson(String json) {
        SpecLoadResult result = Specs.parse(json);
        if (result.hasErrors()) {
            throw new SpecException(result.problems());
        }
        if (result.runs().size() != 1 || result.isSweep()) {
            throw new SpecException(List.of(new SpecProblem(SpecProblem.Severity.ERROR,
                    "$.sweep: a single run was expected but the spec contains a sweep", "$.sweep", 0, 0)));
        }
        return result.runs().get(0).spec();
    }

    /** Pretty JSON with every field, in the fixed order of the schema; readable back by {@link #fromJson}. */
    public String toJson() {
        return GSON.toJson(toMap()) + "\n";
    }

    /** Every field as nested maps in schema order. The maps are fresh copies the caller may change. */
    public Map<String, Object> toMap() {
        return SpecMapper.toMap(this);
    }

    /**
     * The value of a field by dotted key: Integer, Double, Boolean, String (enums in their JSON
     * spelling, batch size {@code "full"}), List of String, or null for an absent optional string.
     *
     * @throws IllegalArgumentException if the key is not a field of the schema
     */
    public Object get(String dottedKey) {
        requireField(dottedKey);
        Object node = toMap();
        for (String part : dottedKey.split("\\.")) {
            node = ((Map<?, ?>) node).get(part);
        }
        return node;
    }

    /**
     * A copy with one field replaced. The value may be a Number, String, Boolean, {@link SpecEnum},
     * List of String, or null to remove an optional string. Other fields keep their resolved values:
     * in particular {@code data.seed} does not follow a changed {@code seed} here, because once resolved
     * it is a value of its own.
     *
     * @throws IllegalArgumentException if the key is not a field of the schema
     * @throws SpecException            if the result is not valid; the problems name the key
     */
    public ExperimentSpec withValue(String dottedKey, Object value) {
        requireField(dottedKey);
        Map<String, Object> root = toMap();
        String[] parts = dottedKey.split("\\.");
        Map<String, Object> section = root;
        for (int i = 0; i < parts.length - 1; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) section.get(parts[i]);
            section = child;
        }
        if (value == null) {
            section.remove(parts[parts.length - 1]);
        } else {
            section.put(parts[parts.length - 1], value);
        }
        return fromTree((SpecNode.ObjectNode) SpecNode.fromValue(root, JsonPaths.ROOT));
    }

    private static ExperimentSpec fromTree(SpecNode.ObjectNode tree) {
        List<SpecProblem> problems = new SpecValidator().validate(tree);
        if (problems.stream().anyMatch(SpecProblem::isError)) {
            throw new SpecException(problems);
        }
        return SpecMapper.resolve(tree);
    }

    private static void requireField(String dottedKey) {
        if (!SpecSchema.isField(dottedKey)) {
            throw new IllegalArgumentException("'" + dottedKey + "' is not a spec field"
                    + Suggestions.didYouMean(dottedKey, SpecSchema.sweepableKeys()));
        }
    }
}
