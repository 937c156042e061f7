package org.lmworkbench.workspace.runs;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How a loss is written wherever runs are listed (tree labels, properties, progress): four
 * significant digits, so a run reads the same everywhere.
 */
public final class LossFormat {

    /** Losses are shown with this many significant digits: enough to compare runs, short enough to scan. */
    private static final MathContext LOSS_DIGITS = new MathContext(4);

    private LossFormat() {
    }

    /**
     * A loss with four significant digits and no trailing zeros ({@code 0.0123}, {@code 2.5e-07}).
     * NaN and infinities are spelled out because a diverged run is exactly when they show up.
     */
    public static String format(double loss) {
        if (Double.isNaN(loss)) {
            return "NaN";
        }
        if (Double.isInfinite(loss)) {
            return loss > 0 ? "inf" : "-inf";
        }
        if (loss == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(loss).round(LOSS_DIGITS).stripTrailingZeros();
        double magnitude = Math.abs(loss);
        if (magnitude >= 1e-4 && magnitude < 1e6) {
            return rounded.toPlainString();
        }
        // Scientific with a lower-case, unpadded exponent, the way Python and numpy print it.
        String scientific = rounded.toString().replace("E", "e").replace("e+", "e");
        return scientific.contains("e") ? scientific : rounded.toPlainString();
    }
}
