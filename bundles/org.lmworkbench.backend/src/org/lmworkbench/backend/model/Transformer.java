package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.spec.ModelSpec;

/**
 * Small decoder-only transformer over token ids: token and position embeddings of size
 * {@code embedding}, {@code depth} pre-norm blocks (causal multi-head self-attention with
 * {@code heads} heads, then an MLP of width {@code width}), a final layer norm and a readout from
 * the last position. Embeddings are looked up as one-hot products so every operation is twice
 * differentiable. Captured layers {@code block<i>} ({@code [n, seq, embedding]}).
 */
public final class Transformer implements Model {

    private final int vocabulary;
    private final int outputs;
    private final ModelSpec spec;
    private final Parameterization scaling;
    private final List<String> layers = new ArrayList<>();

    /** A transformer over {@code vocabulary} token ids predicting {@code outputs} classes. */
    public Transformer(int vocabulary, int outputs, ModelSpec spec, Parameterization scaling) {
        if (spec.embedding() % spec.heads() != 0) {
            throw new IllegalArgumentException("model.embedding " + spec.embedding() + " is not divisible by model.heads "
                    + spec.heads());
        }
        this.vocabulary = vocabulary;
        this.outputs = outputs;
        this.spec = spec;
        this.scaling = scaling;
        for (int b = 1; b <= spec.depth(); b++) {
            layers.add("block" + b);
        }
    }

    @Override
    public String family() {
        return "transformer";
    }

    @Override
    public ParameterSet init(NDManager manager, long seed, DataType dtype) {
        ParameterSet p = new ParameterSet();
        Initializer init = new Initializer(manager, seed, dtype);
        int e = spec.embedding();
        // One-hot inputs have effective fan-in 1: embedding coordinates start at unit scale.
        init.normal(p, scaling.info("embed", "tokens", ParameterInfo.Role.INPUT_WEIGHT),
                scaling.initStd(ParameterInfo.Role.INPUT_WEIGHT, 1), new Shape(vocabulary, e));
        init.normal(p, scaling.info("embed", "positions", ParameterInfo.Role.INPUT_WEIGHT),
                scaling.initStd(ParameterInfo.Role.INPUT_WEIGHT, 1), new Shape(spec.context(), e));
        for (String block : layers) {
            norm(p, init, block + ".ln1");
            for (String w : new String[] {"q", "k", "v", "o"}) {
                init.normal(p, scaling.info(block + ".attn", w, ParameterInfo.Role.HIDDEN_WEIGHT),
                        scaling.initStd(ParameterInfo.Role.HIDDEN_WEIGHT, e), new Shape(e, e));
            }
            norm(p, init, block + ".ln2");
            init.normal(p, scaling.info(block + ".mlp", "up", ParameterInfo.Role.HIDDEN_WEIGHT),
                    scaling.initStd(ParameterInfo.Role.HIDDEN_WEIGHT, e), new Shape(e, spec.width()));
            init.normal(p, scaling.info(block + ".mlp", "down", ParameterInfo.Role.HIDDEN_WEIGHT),
                    scaling.initStd(ParameterInfo.Role.HIDDEN_WEIGHT, spec.width()), new Shape(spec.width(), e));
        }
        norm(p, init, "final_ln");
        init.normal(p, scaling.info("output", "weight", ParameterInfo.Role.OUTPUT_WEIGHT),
                scaling.initStd(ParameterInfo.Role.OUTPUT_WEIGHT, e), new Shape(e, outputs));
        if (spec.bias()) {
            init.normal(p, scaling.info("output", "bias", ParameterInfo.Role.OUTPUT_BIAS), 0, new Shape(outputs));
        }
        return p;
    }

    private void norm(ParameterSet p, Initializer init, String layer) {
        init.constant(p, scaling.info(layer, "gain", ParameterInfo.Role.HIDDEN_VECTOR), 1.0, new Shape(spec.embedding()));
        init.normal(p, scaling.info(layer, "shift", ParameterInfo.Role.HIDDEN_VECTOR), 0, new Shape(spec.embedding()));
    }

    @Override
    public NDArray forward(ParameterSet params, NDArray x, boolean train, ActivationSink sink) {
        long n = x.getShape().get(0);
        int t = Math.toIntExact(x.getShape().get(1));
        int e = spec.embedding();
        int heads = spec.heads();
        int dh = e / heads;
        NDArray tokens = params.get("embed.tokens");
        NDArray oneHot = x.toType(DataType.INT64, false).oneHot(vocabulary).toType(tokens.getDataType(), false);
        NDArray h = oneHot.matMul(tokens).add(params.get("embed.positions").get("0:" + t));
        NDArray mask = causalMask(x.getManager(), t, tokens.getDataType());
        double attentionScale = scaling.attentionScale(dh);
        for (String block : layers) {
            NDArray a = Layers.layerNorm(h, params.get(block + ".ln1.gain"), params.get(block + ".ln1.shift"));
            NDArray q = heads(a.matMul(params.get(block + ".attn.q")), n, t, heads, dh);
            NDArray k = heads(a.matMul(params.get(block + ".attn.k")), n, t, heads, dh);
            NDArray v = heads(a.matMul(params.get(block + ".attn.v")), n, t, heads, dh);
            NDArray scores = StableScalars.times(q.matMul(k.transpose(0, 1, 3, 2)), attentionScale).add(mask);
            NDArray attended = scores.softmax(3).matMul(v).transpose(0, 2, 1, 3).reshape(n, t, e);
            h = h.add(attended.matMul(params.get(block + ".attn.o")));
            NDArray m = Layers.layerNorm(h, params.get(block + ".ln2.gain"), params.get(block + ".ln2.shift"));
            NDArray up = Activations.apply(spec.activation(), m.matMul(params.get(block + ".mlp.up")));
            h = h.add(up.matMul(params.get(block + ".mlp.down")));
            sink.accept(block, h);
        }
        NDArray last = Layers.layerNorm(h, params.get("final_ln.gain"), params.get("final_ln.shift"))
                .get(":, " + (t - 1) + ", :");
        return Readout.apply(last, params, scaling, spec, e);
    }

    private static NDArray heads(NDArray a, long n, int t, int heads, int dh) {
        return a.reshape(n, t, heads, dh).transpose(0, 2, 1, 3);
    }

    /** 0 on and below the diagonal, a large negative number above (not -inf, which gives NaN gradients). */
    private static NDArray causalMask(NDManager manager, int t, DataType type) {
        float[] mask = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                mask[i * t + j] = -1e9f;
            }
        }
        return manager.create(mask, new Shape(t, t)).toType(type, false);
    }

    @Override
    public List<String> layerNames() {
        return List.copyOf(layers);
    }
}
