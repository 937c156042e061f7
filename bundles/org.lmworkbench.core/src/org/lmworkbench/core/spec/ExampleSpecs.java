package org.lmworkbench.core.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Example spec files shipped inside the core bundle, e.g. for the "new experiment project" wizard.
 * The texts live next to this class as resources so that they are ordinary, editable spec files.
 */
public final class ExampleSpecs {

    /** File name of the edge-of-stability example. */
    public static final String EXAMPLE_EOS = "example-eos.lmx";
    /** File name of the learning-curve (data scaling) sweep. */
    public static final String DATA_SCALING = "data-scaling.lmx";
    /** File name of the muP width x learning-rate sweep. */
    public static final String MUP_TRANSFER = "mup-transfer.lmx";
    /** File name of the same sweep in the standard parameterization. */
    public static final String SP_TRANSFER = "sp-transfer.lmx";
    /** File name of the features-at-convergence example. */
    public static final String THEORY_FACT = "theory-fact.lmx";
    /** File name of the deep linear network example (singular modes, balancedness, noise scale). */
    public static final String THEORY_DEEP_LINEAR = "theory-deep-linear.lmx";
    /** File name of the zeroth-order edge-of-stability example. */
    public static final String ZO_EDGE = "zo-edge.lmx";
    /** File name of the grokking example (modular addition, sharpness dimension across the transition). */
    public static final String GROKKING = "grokking.lmx";
    /** Every example, in the order a new user meets them (the edge of stability first). */
    public static final List<String> ALL = List.of(EXAMPLE_EOS, DATA_SCALING, MUP_TRANSFER, SP_TRANSFER,
            THEORY_FACT, THEORY_DEEP_LINEAR, ZO_EDGE, GROKKING);

    private ExampleSpecs() {
    }

    /**
     * A small edge-of-stability experiment: a tanh MLP trained by full-batch GD on teacher-student
     * data in float64, measuring the top two Hessian eigenvalues every 50 steps.
     */
    public static String exampleEos() {
        return resource(EXAMPLE_EOS);
    }

    /** The text of one of the examples in {@link #ALL}. */
    public static String text(String fileName) {
        if (!ALL.contains(fileName)) {
            throw new IllegalArgumentException("no example spec named " + fileName + "; examples: " + ALL);
        }
        return resource(fileName);
    }

    private static String resource(String name) {
        try (InputStream in = ExampleSpecs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("example spec " + name + " is missing from the core bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
