package org.lmworkbench.core.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Example spec files shipped inside the core bundle, e.g. for the "new experiment project" wizard.
 * The texts live next to this class as resources so that they are ordinary, editable spec files.
 */
public final class ExampleSpecs {

    /** File name of the edge-of-stability example. */
    public static final String EXAMPLE_EOS = "example-eos.lmx";

    private ExampleSpecs() {
    }

    /**
     * A small edge-of-stability experiment: a tanh MLP trained by full-batch GD on teacher-student
     * data in float64, measuring the top two Hessian eigenvalues every 50 steps.
     */
    public static String exampleEos() {
        return resource(EXAMPLE_EOS);
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
