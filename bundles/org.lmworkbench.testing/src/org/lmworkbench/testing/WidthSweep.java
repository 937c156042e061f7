package org.lmworkbench.testing;

/**
 * The fixture sweep {@value #PATH}: seven completed runs whose final {@code test_loss} follows the
 * power law {@code E + A width^-alpha} exactly, so a fit must give back these constants.
 */
public final class WidthSweep {

    /** The fixture folder (a project with {@code runs/width-001 ... width-007}). */
    public static final String PATH = "resources/fixtures/fit/width-sweep";
    /** The offset of the law. */
    public static final double E = 0.8;
    /** The scale of the law. */
    public static final double A = 3.0;
    /** The exponent of the law. */
    public static final double ALPHA = 0.45;

    private WidthSweep() {
    }
}
