package org.lmworkbench.backend.model;

import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ModelSpec;

/** Builds the {@link Model} a spec describes for data of a given shape. */
public final class Models {

    private Models() {
    }

    /**
     * The model of {@code spec}.
     *
     * @throws IllegalArgumentException if the family cannot take this data (message for the user)
     */
    public static Model create(ExperimentSpec spec, DataShape data) {
        ModelSpec m = spec.model();
        return switch (m.family()) {
            case MLP -> {
                if (data.isTokens()) {
                    // Token ids as real numbers would be meaningless; the data layer one-hot encodes for MLPs.
                    throw new IllegalArgumentException("internal: token data reached the mlp");
                }
                yield new Mlp(Math.toIntExact(data.flatSize()), data.outputs(), m.width(), m.depth(), m.activation(),
                        m.bias(), m.outputMultiplier(), Parameterization.of(m, spec.optimizer(), m.width()));
            }
            case CNN, RESNET -> {
                long[] shape = data.example();
                if (shape.length != 3) {
                    throw new IllegalArgumentException("model.family " + m.family().jsonName()
                            + " needs image data [channels, height, width] (mnist_idx, cifar10_binary, or an npy/npz"
                            + " array of rank 4); this data has examples of shape " + java.util.Arrays.toString(shape));
                }
                Parameterization scaling = Parameterization.of(m, spec.optimizer(), m.channels());
                yield m.family() == ModelSpec.Family.CNN
                        ? new Cnn(shape, data.outputs(), m, scaling)
                        : new ResNet(shape, data.outputs(), m, scaling);
            }
            case TRANSFORMER -> {
                if (!data.isTokens()) {
                    throw new IllegalArgumentException("model.family transformer needs token data "
                            + "(data.source modular_arithmetic or sparse_parity)");
                }
                if (data.example()[0] > m.context()) {
                    throw new IllegalArgumentException("sequences of length " + data.example()[0]
                            + " do not fit model.context " + m.context());
                }
                yield new Transformer(data.vocabulary(), data.outputs(), m,
                        Parameterization.of(m, spec.optimizer(), m.embedding()));
            }
        };
    }
}
