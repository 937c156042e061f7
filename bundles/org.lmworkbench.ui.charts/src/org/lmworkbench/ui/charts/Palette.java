package org.lmworkbench.ui.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.graphics.RGB;

/**
 * The series colours of charts. The first colours are matplotlib's "tab10", so that pictures look
 * familiar next to figures made in Python (the workbench replaces them with the user's chart colours
 * preference through {@link #set(RGB[])}); beyond them the palette does not repeat but goes on with
 * generated colours, each as far as possible (in CIELAB) from all colours before it and from the
 * white background, so that a sweep of 25 runs still has 25 tellable lines.
 */
public final class Palette {

    /** matplotlib tab10, in its order. */
    private static final RGB[] TAB10 = {
            new RGB(0x1f, 0x77, 0xb4), new RGB(0xff, 0x7f, 0x0e), new RGB(0x2c, 0xa0, 0x2c),
            new RGB(0xd6, 0x27, 0x28), new RGB(0x94, 0x67, 0xbd), new RGB(0x8c, 0x56, 0x4b),
            new RGB(0xe3, 0x77, 0xc2), new RGB(0x7f, 0x7f, 0x7f), new RGB(0xbc, 0xbd, 0x22),
            new RGB(0x17, 0xbe, 0xcf) };

    /** Generated colours stay this dark (CIELAB L*) so they read on white. */
    private static final double[] LIGHTNESS = { 30, 40, 50, 60, 70 };

    private static volatile Extension current = new Extension(TAB10);

    private Palette() {
    }

    /**
     * The colour of the series with the given index: the base colours first, then generated ones
     * that repeat none of them. Negative indices count back from the end of the base colours.
     */
    public static RGB colour(int index) {
        Extension e = current;
        RGB c = index < 0 ? e.base[Math.floorMod(index, e.base.length)] : e.get(index);
        return new RGB(c.red, c.green, c.blue);
    }

    /** The number of base colours (the user's, or tab10's ten) before generated ones follow. */
    public static int size() {
        return current.base.length;
    }

    /**
     * Replaces the base colours (e.g. with the user's preference colours). {@code null}, an empty
     * array or one holding only nulls restores the default tab10 palette; null entries are skipped.
     */
    public static void set(RGB[] newColours) {
        RGB[] copy = newColours == null ? new RGB[0]
                : Arrays.stream(newColours).filter(c -> c != null).map(c -> new RGB(c.red, c.green, c.blue))
                        .toArray(RGB[]::new);
        current = new Extension(copy.length == 0 ? TAB10 : copy);
    }

    /** The default palette (matplotlib tab10), as a fresh copy. */
    public static RGB[] defaults() {
        return Arrays.stream(TAB10).map(c -> new RGB(c.red, c.green, c.blue)).toArray(RGB[]::new);
    }

    /** The base colours and the ones generated after them so far (a farthest-point sequence). */
    private static final class Extension {

        final RGB[] base;
        private final List<RGB> colours = new ArrayList<>();
        private double[][] candidates;
        private double[] distance;

        Extension(RGB[] base) {
            this.base = base;
            colours.addAll(Arrays.asList(base));
        }

        synchronized RGB get(int index) {
            while (colours.size() <= index) {
                colours.add(next());
            }
            return colours.get(index);
        }

        /** The in-gamut candidate farthest from every colour so far (and from white). */
        private RGB next() {
            if (candidates == null) {
                candidates = candidates();
                distance = new double[candidates.length];
                Arrays.fill(distance, Double.POSITIVE_INFINITY);
                update(new double[] { 100, 0, 0 });
                for (RGB c : colours) {
                    update(Lab.of(c));
                }
            }
            int best = 0;
            for (int i = 1; i < candidates.length; i++) {
                if (distance[i] > distance[best]) {
                    best = i;
                }
            }
            double[] lab = candidates[best];
            update(lab);
            return Lab.toRgb(lab);
        }

        private void update(double[] lab) {
            for (int i = 0; i < candidates.length; i++) {
                distance[i] = Math.min(distance[i], Lab.deltaE(lab, candidates[i]));
            }
        }

        private static double[][] candidates() {
            List<double[]> out = new ArrayList<>();
            for (double l : LIGHTNESS) {
                for (int a = -80; a <= 80; a += 5) {
                    for (int b = -80; b <= 80; b += 5) {
                        double[] lab = { l, a, b };
                        if (Lab.inGamut(lab)) {
                            // the colour as it will be drawn (rounded to 8 bits), so distances are true
                            out.add(Lab.of(Lab.toRgb(lab)));
                        }
                    }
                }
            }
            return out.toArray(double[][]::new);
        }
    }

    /** sRGB (D65) to and from CIELAB, and the CIE76 colour difference. */
    static final class Lab {

        private static final double XN = 0.95047;
        private static final double YN = 1.0;
        private static final double ZN = 1.08883;

        private Lab() {
        }

        static double[] of(RGB c) {
            double r = linear(c.red / 255.0);
            double g = linear(c.green / 255.0);
            double b = linear(c.blue / 255.0);
            double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
            double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
            double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
            double fx = f(x / XN);
            double fy = f(y / YN);
            double fz = f(z / ZN);
            return new double[] { 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz) };
        }

        static boolean inGamut(double[] lab) {
            double[] rgb = linearRgb(lab);
            for (double v : rgb) {
                if (v < -1e-9 || v > 1 + 1e-9) {
                    return false;
                }
            }
            return true;
        }

        static RGB toRgb(double[] lab) {
            double[] rgb = linearRgb(lab);
            return new RGB(channel(rgb[0]), channel(rgb[1]), channel(rgb[2]));
        }

        static double deltaE(double[] p, double[] q) {
            double dl = p[0] - q[0];
            double da = p[1] - q[1];
            double db = p[2] - q[2];
            return Math.sqrt(dl * dl + da * da + db * db);
        }

        private static double[] linearRgb(double[] lab) {
            double fy = (lab[0] + 16) / 116;
            double fx = fy + lab[1] / 500;
            double fz = fy - lab[2] / 200;
            double x = XN * inverse(fx);
            double y = YN * inverse(fy);
            double z = ZN * inverse(fz);
            return new double[] { 3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
                    -0.9692660 * x + 1.8760108 * y + 0.0415560 * z, 0.0556434 * x - 0.2040259 * y + 1.0572252 * z };
        }

        private static int channel(double linear) {
            double v = Math.max(0, Math.min(1, linear));
            double s = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
            return (int) Math.round(s * 255);
        }

        private static double linear(double s) {
            return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }

        private static double f(double t) {
            double d = 6.0 / 29;
            return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
        }

        private static double inverse(double t) {
            double d = 6.0 / 29;
            return t > d ? t * t * t : 3 * d * d * (t - 4.0 / 29);
        }
    }
}
