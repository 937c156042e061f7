package org.lmworkbench.core.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The table of every key a spec may contain, in the order they are written out. Validation,
 * default filling, dotted-key access and sweeps all read this one table, and forms can use it to
 * build their widgets. The format is described in the package documentation.
 */
public final class SpecSchema {

    /** Top-level key holding the sweep; not a field and never in a resolved spec. */
    public static final String SWEEP = "sweep";

    /** Allowed spec names and run ids: safe as a folder name on every OS, never hidden. */
    public static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    /** Kinds of value a field holds. */
    public enum Kind {
        /** A whole number that fits in a Java int. */
        INT,
        /** A finite number. */
        NUMBER,
        /** true or false. */
        BOOLEAN,
        /** Any string, optionally restricted by a pattern. */
        STRING,
        /** One of a fixed list of strings. */
        ENUM,
        /** A positive integer or the string "full". */
        INT_OR_FULL,
        /** An array of strings. */
        STRING_LIST
    }

    /**
     * One field of the schema.
     *
     * @param key          dotted key, e.g. {@code model.width}
     * @param kind         kind of value
     * @param min          lower bound or null
     * @param minExclusive whether {@code min} itself is excluded
     * @param max          upper bound or null
     * @param maxExclusive whether {@code max} itself is excluded
     * @param allowed      allowed values of an {@link Kind#ENUM}, empty otherwise
     * @param defaultValue value used when absent; null for required fields, fields without a value
     *                     and fields whose default depends on others ({@code optimizer.momentum},
     *                     {@code data.seed})
     * @param required     whether the key must be given
     * @param pattern      pattern a {@link Kind#STRING} must match, or null
     * @param patternHint  what the pattern means, for messages
     */
    public record Field(String key, Kind kind, BigDecimal min, boolean minExclusive, BigDecimal max,
            boolean maxExclusive, List<String> allowed, Object defaultValue, boolean required, Pattern pattern,
            String patternHint) {

        /** The last segment of the key, as written inside its object. */
        public String name() {
            return key.substring(key.lastIndexOf('.') + 1);
        }

        /** The dotted key of the enclosing object ("" for top-level fields). */
        public String section() {
            int dot = key.lastIndexOf('.');
            return dot < 0 ? "" : key.substring(0, dot);
        }
    }

    /** Partition, account and QOS names as Slurm writes them. */
    private static final Pattern SLURM_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private static final String SLURM_NAME_HINT = "use letters, digits, '_', '-' and '.' only";

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();
    private static final Map<String, List<String>> CHILDREN = new LinkedHashMap<>();

    static {
        CHILDREN.put("", new ArrayList<>());
        add(new Builder("name", Kind.STRING).required().pattern(NAME_PATTERN,
                "use 1 to 100 letters, digits, '.', '_' or '-', not starting with '.'"));
        add(new Builder("description", Kind.STRING).def(""));
        add(new Builder("seed", Kind.INT).min(0).def(0));

        section("model");
        add(new Builder("model.family", Kind.ENUM).values(ModelSpec.Family.class).def("mlp"));
        add(new Builder("model.width", Kind.INT).min(1).max(1_000_000).def(128));
        add(new Builder("model.depth", Kind.INT).min(1).max(1000).def(2));
        add(new Builder("model.activation", Kind.ENUM).values(ModelSpec.Activation.class).def("relu"));
        add(new Builder("model.bias", Kind.BOOLEAN).def(true));
        add(new Builder("model.parameterization", Kind.ENUM).values(ModelSpec.Parameterization.class).def("sp"));
        add(new Builder("model.base_width", Kind.INT).min(1).def(64));
        add(new Builder("model.init_scale", Kind.NUMBER).above(0).def(1.0));
        add(new Builder("model.output_multiplier", Kind.NUMBER).above(0).def(1.0));
        add(new Builder("model.channels", Kind.INT).min(1).def(16));
        add(new Builder("model.blocks", Kind.INT).min(1).def(2));
        add(new Builder("model.heads", Kind.INT).min(1).def(4));
        add(new Builder("model.context", Kind.INT).min(1).def(16));
        add(new Builder("model.embedding", Kind.INT).min(1).def(64));

        section("data");
        add(new Builder("data.source", Kind.ENUM).values(DataSpec.Source.class).def("teacher_student"));
        add(new Builder("data.path", Kind.STRING));
        add(new Builder("data.n_train", Kind.INT).min(1).def(1000));
        add(new Builder("data.n_test", Kind.INT).min(0).def(1000));
        add(new Builder("data.input_dim", Kind.INT).min(1).def(32));
        add(new Builder("data.output_dim", Kind.INT).min(1).def(1));
        add(new Builder("data.noise", Kind.NUMBER).min(0).def(0.0));
        add(new Builder("data.spectrum_exponent", Kind.NUMBER).above(0).def(1.0));
        add(new Builder("data.modulus", Kind.INT).min(2).def(97));
        add(new Builder("data.parity_bits", Kind.INT).min(1).def(3));
        add(new Builder("data.classes", Kind.INT).min(2).def(4));
        add(new Builder("data.probe_size", Kind.INT).min(1).def(256));
        add(new Builder("data.label_column", Kind.STRING));
        add(new Builder("data.seed", Kind.INT).min(0));

        section("optimizer");
        add(new Builder("optimizer.name", Kind.ENUM).values(OptimizerSpec.Algorithm.class).def("gd"));
        add(new Builder("optimizer.lr", Kind.NUMBER).above(0).required());
        add(new Builder("optimizer.momentum", Kind.NUMBER).min(0).below(1));
        add(new Builder("optimizer.nesterov", Kind.BOOLEAN).def(false));
        add(new Builder("optimizer.beta1", Kind.NUMBER).min(0).below(1).def(0.9));
        add(new Builder("optimizer.beta2", Kind.NUMBER).min(0).below(1).def(0.999));
        add(new Builder("optimizer.eps", Kind.NUMBER).above(0).def(1e-8));
        add(new Builder("optimizer.weight_decay", Kind.NUMBER).min(0).def(0.0));
        section("optimizer.zo");
        add(new Builder("optimizer.zo.directions", Kind.INT).min(1).max(10_000).def(1));
        add(new Builder("optimizer.zo.distribution", Kind.ENUM).values(OptimizerSpec.Distribution.class)
                .def("gaussian"));
        add(new Builder("optimizer.zo.mu", Kind.NUMBER).above(0).def(1e-3));
        section("optimizer.schedule");
        add(new Builder("optimizer.schedule.kind", Kind.ENUM).values(ScheduleSpec.Kind.class).def("constant"));
        add(new Builder("optimizer.schedule.warmup_steps", Kind.INT).min(0).def(0));
        add(new Builder("optimizer.schedule.min_lr", Kind.NUMBER).min(0).def(0.0));

        section("training");
        add(new Builder("training.steps", Kind.INT).min(1).max(1_000_000_000).def(1000));
        add(new Builder("training.batch_size", Kind.INT_OR_FULL).min(1).def(TrainingSpec.FULL));
        add(new Builder("training.loss", Kind.ENUM).values(TrainingSpec.Loss.class).def("mse"));
        add(new Builder("training.dtype", Kind.ENUM).values(TrainingSpec.DType.class).def("float32"));
        add(new Builder("training.divergence_threshold", Kind.NUMBER).above(0).def(1e6));

        section("probes");
        add(new Builder("probes.metrics_every", Kind.INT).min(1).def(10));
        section("probes.sharpness");
        add(new Builder("probes.sharpness.every", Kind.INT).min(0).def(0));
        add(new Builder("probes.sharpness.top_k", Kind.INT).min(1).max(100).def(1));
        add(new Builder("probes.sharpness.examples", Kind.INT).min(1).def(1000));
        add(new Builder("probes.sharpness.max_iterations", Kind.INT).min(1).def(100));
        add(new Builder("probes.sharpness.tolerance", Kind.NUMBER).above(0).def(1e-4));
        section("probes.trace");
        add(new Builder("probes.trace.every", Kind.INT).min(0).def(0));
        add(new Builder("probes.trace.samples", Kind.INT).min(1).def(20));
        section("probes.activations");
        add(new Builder("probes.activations.every", Kind.INT).min(0).def(0));
        add(new Builder("probes.activations.layers", Kind.STRING_LIST).def(List.of()));
        section("probes.sharpness_dimension");
        add(new Builder("probes.sharpness_dimension.every", Kind.INT).min(0).def(0));
        add(new Builder("probes.sharpness_dimension.eta", Kind.NUMBER).above(0));
        add(new Builder("probes.sharpness_dimension.method", Kind.ENUM).values(ProbeSpec.Method.class).def("auto"));
        add(new Builder("probes.sharpness_dimension.minibatches", Kind.INT).min(2).max(1000).def(4));
        add(new Builder("probes.sharpness_dimension.lanczos_steps", Kind.INT).min(2).max(1000).def(40));
        add(new Builder("probes.sharpness_dimension.batch_size", Kind.INT).min(1).def(128));
        add(new Builder("probes.checkpoint_every", Kind.INT).min(0).def(0));
        section("probes.features");
        add(new Builder("probes.features.every", Kind.INT).min(0).def(0));
        add(new Builder("probes.features.examples", Kind.INT).min(2).def(512));
        section("probes.modes");
        add(new Builder("probes.modes.every", Kind.INT).min(0).def(0));
        add(new Builder("probes.modes.count", Kind.INT).min(1).max(100).def(3));
        section("probes.noise");
        add(new Builder("probes.noise.every", Kind.INT).min(0).def(0));
        add(new Builder("probes.noise.examples", Kind.INT).min(2).def(64));

        section("execution");
        add(new Builder("execution.device", Kind.ENUM).values(ExecutionSpec.Device.class).def("auto"));
        add(new Builder("execution.threads", Kind.INT).min(1).max(256).def(1));
        add(new Builder("execution.parallel", Kind.INT).min(1).def(1));
        add(new Builder("execution.jvm_memory", Kind.STRING).def("2g").pattern(MemorySize.JVM_MEMORY,
                MemorySize.JVM_MEMORY_HINT));
        add(new Builder("execution.target", Kind.ENUM).values(ExecutionSpec.Target.class).def("local"));
        section("execution.slurm");
        add(new Builder("execution.slurm.partition", Kind.STRING).pattern(SLURM_NAME, SLURM_NAME_HINT));
        add(new Builder("execution.slurm.time", Kind.STRING).def("1:00:00").pattern(
                Pattern.compile("\\d{1,7}(?::\\d{1,7}){0,2}|\\d{1,5}-\\d{1,7}(?::\\d{1,7}){0,2}"),
                "use one of Slurm's forms: minutes, minutes:seconds, hours:minutes:seconds, days-hours, "
                        + "days-hours:minutes or days-hours:minutes:seconds (30, 2:00:00, 1-00:00:00)"));
        add(new Builder("execution.slurm.cpus", Kind.INT).min(1).max(4096));
        add(new Builder("execution.slurm.memory", Kind.STRING).pattern(
                Pattern.compile("[1-9][0-9]{0,8}[kKmMgGtT]?"), "use a size such as \"8G\" or \"500M\" (a bare number "
                        + "is megabytes, as for sbatch --mem)"));
        add(new Builder("execution.slurm.gpus", Kind.INT).min(0).max(64).def(0));
        add(new Builder("execution.slurm.account", Kind.STRING).pattern(SLURM_NAME, SLURM_NAME_HINT));
        add(new Builder("execution.slurm.qos", Kind.STRING).pattern(SLURM_NAME, SLURM_NAME_HINT));
        add(new Builder("execution.slurm.extra_args", Kind.STRING_LIST).def(List.of()));
        add(new Builder("execution.slurm.signal_lead", Kind.INT).min(0).max(65535).def(60));

        CHILDREN.get("").add(SWEEP);
        CHILDREN.replaceAll((k, v) -> Collections.unmodifiableList(v));
    }

    private SpecSchema() {
    }

    /** All fields in document order. */
    public static List<Field> fields() {
        return List.copyOf(FIELDS.values());
    }

    /** The field with this dotted key, or null. */
    public static Field field(String dottedKey) {
        return FIELDS.get(dottedKey);
    }

    /** True if the dotted key names a field (a leaf value). */
    public static boolean isField(String dottedKey) {
        return FIELDS.containsKey(dottedKey);
    }

    /** True if the dotted key names an object of the schema, such as {@code optimizer.schedule}. */
    public static boolean isSection(String dottedKey) {
        return !dottedKey.isEmpty() && CHILDREN.containsKey(dottedKey);
    }

    /** The keys allowed directly inside a section ("" is the top level), in document order. */
    public static List<String> children(String section) {
        return CHILDREN.getOrDefault(section, List.of());
    }

    /**
     * Dotted keys that a sweep may vary: every field except {@code name} and the execution target
     * with its Slurm resources, which hold for the whole sweep.
     */
    public static Set<String> sweepableKeys() {
        Set<String> keys = new LinkedHashSet<>(FIELDS.keySet());
        keys.remove("name");
        keys.removeIf(key -> SlurmRules.sweepProblem(key) != null);
        return keys;
    }

    private static void section(String key) {
        registerChild(key);
        CHILDREN.put(key, new ArrayList<>());
    }

    private static void add(Builder b) {
        registerChild(b.key);
        FIELDS.put(b.key, new Field(b.key, b.kind, b.min, b.minExclusive, b.max, b.maxExclusive,
                List.copyOf(b.allowed), b.defaultValue, b.required, b.pattern, b.patternHint));
    }

    private static void registerChild(String key) {
        int dot = key.lastIndexOf('.');
        CHILDREN.get(dot < 0 ? "" : key.substring(0, dot)).add(key.substring(dot + 1));
    }

    /** Keeps the table above readable: one line per field. */
    private static final class Builder {
        final String key;
        final Kind kind;
        BigDecimal min;
        boolean minExclusive;
        BigDecimal max;
        boolean maxExclusive;
        List<String> allowed = List.of();
        Object defaultValue;
        boolean required;
        Pattern pattern;
        String patternHint;

        Builder(String key, Kind kind) {
            this.key = key;
            this.kind = kind;
        }

        Builder min(long value) {
            min = BigDecimal.valueOf(value);
            return this;
        }

        Builder above(long value) {
            min(value);
            minExclusive = true;
            return this;
        }

        Builder max(long value) {
            max = BigDecimal.valueOf(value);
            return this;
        }

        Builder below(long value) {
            max(value);
            maxExclusive = true;
            return this;
        }

        <E extends Enum<E> & SpecEnum> Builder values(Class<E> type) {
            allowed = SpecEnum.names(type);
            return this;
        }

        Builder def(Object value) {
            defaultValue = value;
            return this;
        }

        Builder required() {
            required = true;
            return this;
        }

        Builder pattern(Pattern p, String hint) {
            pattern = p;
            patternHint = hint;
            return this;
        }
    }
}
