package org.lmworkbench.analysis.transfer;

import java.io.IOException;
import java.util.Arrays;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.run.RunFileException;

/**
 * The sizes the coordinate check plots: the root mean square of an activation's coordinates over
 * all examples and units, sqrt(mean x^2), and of its change since initialisation,
 * sqrt(mean (x_t - x_0)^2). RMS rather than the mean |x| of microsoft/mup: it is the norm that muP's
 * "coordinates of size Theta(1)" refers to, and it differs from mean |x| only by a constant factor
 * for a fixed distribution shape.
 */
public final class ActivationRms {

    private ActivationRms() {
    }

    /** sqrt(mean x^2) over every element; NaN for an empty array. */
    public static double rms(NpyArray x) {
        double[] v = x.toDoubles();
        if (v.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double e : v) {
            sum += e * e;
        }
        return Math.sqrt(sum / v.length);
    }

    /**
     * sqrt(mean (x - base)^2) over every element.
     *
     * @throws RunFileException if the shapes differ (the probe set must be the same at every step)
     */
    public static double deltaRms(NpyArray x, NpyArray base) throws IOException {
        if (!Arrays.equals(x.shape(), base.shape())) {
            throw new RunFileException(java.nio.file.Path.of(x.source()), "shape " + x.shapeText()
                    + " differs from the initial capture " + base.source() + " of shape " + base.shapeText(), null);
        }
        double[] a = x.toDoubles();
        double[] b = base.toDoubles();
        if (a.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum / a.length);
    }
}
