package org.lmworkbench.core.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between a spec tree and the typed {@link ExperimentSpec}: {@link #resolve} fills
 * defaults, {@link #toMap} writes every field back in schema order.
 */
final class SpecMapper {

    private SpecMapper() {
    }

    /**
     * Builds the typed spec. Values that are missing or unacceptable are replaced by their defaults
     * (a missing {@code lr} becomes NaN), so callers that need a valid spec must validate first;
     * the validator itself relies on this leniency to check cross-field rules of broken files.
     * The {@code sweep} key is ignored.
     */
    static ExperimentSpec resolve(SpecNode.ObjectNode root) {
        Values v = new Values(root);
        int seed = v.integer("seed");
        ModelSpec model = new ModelSpec(
                v.enumValue(ModelSpec.Family.class, "model.family"), v.integer("model.width"), v.integer("model.depth"),
                v.enumValue(ModelSpec.Activation.class, "model.activation"), v.bool("model.bias"),
                v.enumValue(ModelSpec.Parameterization.class, "model.parameterization"), v.integer("model.base_width"),
                v.number("model.init_scale"), v.number("model.output_multiplier"), v.integer("model.channels"),
                v.integer("model.blocks"), v.integer("model.heads"), v.integer("model.context"),
                v.integer("model.embedding"));
        Object dataSeed = v.explicit("data.seed");
        DataSpec data = new DataSpec(
                v.enumValue(DataSpec.Source.class, "data.source"), (String) v.value("data.path"),
                v.integer("data.n_train"), v.integer("data.n_test"), v.integer("data.input_dim"),
                v.integer("data.output_dim"), v.number("data.noise"), v.number("data.spectrum_exponent"),
                v.integer("data.modulus"), v.integer("data.parity_bits"), v.integer("data.classes"),
                v.integer("data.probe_size"), (String) v.value("data.label_column"),
                dataSeed == null ? seed : (Integer) dataSeed);
        OptimizerSpec.Algorithm algorithm = v.enumValue(OptimizerSpec.Algorithm.class, "optimizer.name");
        Object momentum = v.explicit("optimizer.momentum");
        Object lr = v.value("optimizer.lr");
        OptimizerSpec optimizer = new OptimizerSpec(algorithm, lr == null ? Double.NaN : (Double) lr,
                momentum != null ? (Double) momentum : algorithm == OptimizerSpec.Algorithm.MOMENTUM
                        || algorithm == OptimizerSpec.Algorithm.ZO_GDM ? 0.9 : 0.0,
                v.bool("optimizer.nesterov"), v.number("optimizer.beta1"), v.number("optimizer.beta2"),
                v.number("optimizer.eps"), v.number("optimizer.weight_decay"),
                new ScheduleSpec(v.enumValue(ScheduleSpec.Kind.class, "optimizer.schedule.kind"),
                        v.integer("optimizer.schedule.warmup_steps"), v.number("optimizer.schedule.min_lr")),
                new OptimizerSpec.ZeroOrder(v.integer("optimizer.zo.directions"),
                        v.enumValue(OptimizerSpec.Distribution.class, "optimizer.zo.distribution"),
                        v.number("optimizer.zo.mu")));
        Object batch = v.value("training.batch_size");
        TrainingSpec training = new TrainingSpec(v.integer("training.steps"),
                batch instanceof Integer size ? size : TrainingSpec.FULL_BATCH,
                v.enumValue(TrainingSpec.Loss.class, "training.loss"), v.enumValue(TrainingSpec.DType.class, "training.dtype"),
                v.number("training.divergence_threshold"));
        @SuppressWarnings("unchecked")
        List<String> layers = (List<String>) v.value("probes.activations.layers");
        ProbeSpec probes = new ProbeSpec(v.integer("probes.metrics_every"),
                new ProbeSpec.Sharpness(v.integer("probes.sharpness.every"), v.integer("probes.sharpness.top_k"),
                        v.integer("probes.sharpness.examples"), v.integer("probes.sharpness.max_iterations"),
                        v.number("probes.sharpness.tolerance")),
                new ProbeSpec.Trace(v.integer("probes.trace.every"), v.integer("probes.trace.samples")),
                new ProbeSpec.Activations(v.integer("probes.activations.every"), layers),
                v.integer("probes.checkpoint_every"),
                new ProbeSpec.Features(v.integer("probes.features.every"), v.integer("probes.features.examples")),
                new ProbeSpec.Modes(v.integer("probes.modes.every"), v.integer("probes.modes.count")),
                new ProbeSpec.Noise(v.integer("probes.noise.every"), v.integer("probes.noise.examples")),
                sharpnessDimension(v));
        Object cpus = v.explicit("execution.slurm.cpus");
        @SuppressWarnings("unchecked")
        List<String> extraArgs = (List<String>) v.value("execution.slurm.extra_args");
        ExecutionSpec.Slurm slurm = new ExecutionSpec.Slurm((String) v.value("execution.slurm.partition"),
                (String) v.value("execution.slurm.time"),
                cpus == null ? v.integer("execution.threads") : (Integer) cpus,
                (String) v.value("execution.slurm.memory"), v.integer("execution.slurm.gpus"),
                (String) v.value("execution.slurm.account"), (String) v.value("execution.slurm.qos"), extraArgs,
                v.integer("execution.slurm.signal_lead"));
        ExecutionSpec execution = new ExecutionSpec(v.enumValue(ExecutionSpec.Device.class, "execution.device"),
                v.integer("execution.threads"), v.integer("execution.parallel"), (String) v.value("execution.jvm_memory"),
                v.enumValue(ExecutionSpec.Target.class, "execution.target"), slurm);
        Object name = v.value("name");
        return new ExperimentSpec(name == null ? "" : (String) name, (String) v.value("description"), seed, model, data,
                optimizer, training, probes, execution);
    }

    /** Every field of the spec as nested maps in schema order; absent optional strings are left out. */
    static Map<String, Object> toMap(ExperimentSpec s) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", s.name());
        root.put("description", s.description());
        root.put("seed", s.seed());
        ModelSpec m = s.model();
        Map<String, Object> model = section(root, "model");
        model.put("family", m.family().jsonName());
        model.put("width", m.width());
        model.put("depth", m.depth());
        model.put("activation", m.activation().jsonName());
        model.put("bias", m.bias());
        model.put("parameterization", m.parameterization().jsonName());
        model.put("base_width", m.baseWidth());
        model.put("init_scale", m.initScale());
        model.put("output_multiplier", m.outputMultiplier());
        model.put("channels", m.channels());
        model.put("blocks", m.blocks());
        model.put("heads", m.heads());
        model.put("context", m.context());
        model.put("embedding", m.embedding());
        DataSpec d = s.data();
        Map<String, Object> data = section(root, "data");
        data.put("source", d.source().jsonName());
        putIfPresent(data, "path", d.path());
        data.put("n_train", d.nTrain());
        data.put("n_test", d.nTest());
        data.put("input_dim", d.inputDim());
        data.put("output_dim", d.outputDim());
        data.put("noise", d.noise());
        data.put("spectrum_exponent", d.spectrumExponent());
        data.put("modulus", d.modulus());
        data.put("parity_bits", d.parityBits());
        data.put("classes", d.classes());
        data.put("probe_size", d.probeSize());
        putIfPresent(data, "label_column", d.labelColumn());
        data.put("seed", d.seed());
        OptimizerSpec o = s.optimizer();
        Map<String, Object> optimizer = section(root, "optimizer");
        optimizer.put("name", o.name().jsonName());
        optimizer.put("lr", o.lr());
        optimizer.put("momentum", o.momentum());
        optimizer.put("nesterov", o.nesterov());
        optimizer.put("beta1", o.beta1());
        optimizer.put("beta2", o.beta2());
        optimizer.put("eps", o.eps());
        optimizer.put("weight_decay", o.weightDecay());
        Map<String, Object> zo = section(optimizer, "zo");
        zo.put("directions", o.zo().directions());
        zo.put("distribution", o.zo().distribution().jsonName());
        zo.put("mu", o.zo().mu());
        Map<String, Object> schedule = section(optimizer, "schedule");
        schedule.put("kind", o.schedule().kind().jsonName());
        schedule.put("warmup_steps", o.schedule().warmupSteps());
        schedule.put("min_lr", o.schedule().minLr());
        TrainingSpec t = s.training();
        Map<String, Object> training = section(root, "training");
        training.put("steps", t.steps());
        training.put("batch_size", t.isFullBatch() ? TrainingSpec.FULL : (Object) t.batchSize());
        training.put("loss", t.loss().jsonName());
        training.put("dtype", t.dtype().jsonName());
        training.put("divergence_threshold", t.divergenceThreshold());
        ProbeSpec p = s.probes();
        Map<String, Object> probes = section(root, "probes");
        probes.put("metrics_every", p.metricsEvery());
        Map<String, Object> sharpness = section(probes, "sharpness");
        sharpness.put("every", p.sharpness().every());
        sharpness.put("top_k", p.sharpness().topK());
        sharpness.put("examples", p.sharpness().examples());
        sharpness.put("max_iterations", p.sharpness().maxIterations());
        sharpness.put("tolerance", p.sharpness().tolerance());
        Map<String, Object> trace = section(probes, "trace");
        trace.put("every", p.trace().every());
        trace.put("samples", p.trace().samples());
        Map<String, Object> activations = section(probes, "activations");
        activations.put("every", p.activations().every());
        activations.put("layers", p.activations().layers());
        ProbeSpec.SharpnessDimension sd = p.sharpnessDimension();
        Map<String, Object> dimension = section(probes, "sharpness_dimension");
        dimension.put("every", sd.every());
        if (!Double.isNaN(sd.eta())) {
            dimension.put("eta", sd.eta());
        }
        dimension.put("method", sd.method().jsonName());
        dimension.put("minibatches", sd.minibatches());
        dimension.put("lanczos_steps", sd.lanczosSteps());
        dimension.put("batch_size", sd.batchSize());
        probes.put("checkpoint_every", p.checkpointEvery());
        // The theory probes are written only when on, so that the resolved spec of every other run stays as it was.
        if (p.features().every() > 0) {
            Map<String, Object> features = section(probes, "features");
            features.put("every", p.features().every());
            features.put("examples", p.features().examples());
        }
        if (p.modes().every() > 0) {
            Map<String, Object> modes = section(probes, "modes");
            modes.put("every", p.modes().every());
            modes.put("count", p.modes().count());
        }
        if (p.noise().every() > 0) {
            Map<String, Object> noise = section(probes, "noise");
            noise.put("every", p.noise().every());
            noise.put("examples", p.noise().examples());
        }
        ExecutionSpec e = s.execution();
        Map<String, Object> execution = section(root, "execution");
        execution.put("device", e.device().jsonName());
        execution.put("threads", e.threads());
        execution.put("parallel", e.parallel());
        execution.put("jvm_memory", e.jvmMemory());
        execution.put("target", e.target().jsonName());
        Map<String, Object> slurm = section(execution, "slurm");
        putIfPresent(slurm, "partition", e.slurm().partition());
        slurm.put("time", e.slurm().time());
        slurm.put("cpus", e.slurm().cpus());
        putIfPresent(slurm, "memory", e.slurm().memory());
        slurm.put("gpus", e.slurm().gpus());
        putIfPresent(slurm, "account", e.slurm().account());
        putIfPresent(slurm, "qos", e.slurm().qos());
        slurm.put("extra_args", e.slurm().extraArgs());
        slurm.put("signal_lead", e.slurm().signalLead());
        return root;
    }

    private static ProbeSpec.SharpnessDimension sharpnessDimension(Values v) {
        Object eta = v.value("probes.sharpness_dimension.eta");
        return new ProbeSpec.SharpnessDimension(v.integer("probes.sharpness_dimension.every"),
                eta == null ? Double.NaN : ((Number) eta).doubleValue(),
                v.enumValue(ProbeSpec.Method.class, "probes.sharpness_dimension.method"),
                v.integer("probes.sharpness_dimension.minibatches"), v.integer("probes.sharpness_dimension.lanczos_steps"),
                v.integer("probes.sharpness_dimension.batch_size"));
    }

    private static Map<String, Object> section(Map<String, Object> parent, String key) {
        Map<String, Object> child = new LinkedHashMap<>();
        parent.put(key, child);
        return child;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Reads converted values from a tree, falling back to schema defaults. */
    private record Values(SpecNode.ObjectNode root) {

        /** The acceptable value written in the tree, or null. */
        Object explicit(String key) {
            SpecNode node = root.find(key);
            return node == null ? null : FieldChecker.convert(SpecSchema.field(key), node);
        }

        Object value(String key) {
            Object value = explicit(key);
            return value != null ? value : SpecSchema.field(key).defaultValue();
        }

        int integer(String key) {
            return ((Number) value(key)).intValue();
        }

        double number(String key) {
            return ((Number) value(key)).doubleValue();
        }

        boolean bool(String key) {
            return (Boolean) value(key);
        }

        <E extends Enum<E> & SpecEnum> E enumValue(Class<E> type, String key) {
            return SpecEnum.parse(type, (String) value(key));
        }
    }
}
