package org.lmworkbench.backend.hessian;

import org.lmworkbench.core.spec.OptimizerSpec;

/**
 * The sharpness at which an optimizer stops being stable on a quadratic, and which curvature it
 * refers to (Cohen et al. 2021, 2022).
 *
 * <ul>
 *   <li>GD and SGD: {@code 2/lr} on the Hessian's top eigenvalue.</li>
 *   <li>Heavy-ball momentum {@code beta}: {@code 2(1+beta)/lr} on the same.</li>
 *   <li>Adam/AdamW: {@code (2+2 beta1)/((1-beta1) lr)} (38/lr for beta1 = 0.9) on the
 *       <em>preconditioned</em> sharpness, the top eigenvalue of {@code P^-1 H} with
 *       {@code P = diag(sqrt(v_hat) + eps)}.</li>
 *   <li>Zeroth-order methods: no threshold on {@code lambda_max} alone; see {@link ZoStability}.</li>
 * </ul>
 *
 * @param value          the threshold at the current learning rate
 * @param kind           the formula, written to the probe records ({@code "2/lr"} ...)
 * @param preconditioned whether the threshold refers to the preconditioned sharpness
 */
public record StabilityThreshold(double value, String kind, boolean preconditioned) {

    /** The kind of zeroth-order runs, whose stability is the trace band of {@link ZoStability}. */
    public static final String ZO_BAND = "zo_band";

    /**
     * @param optimizer the optimizer of the run
     * @param lr        the learning rate in effect (after the schedule)
     * @return the threshold for that optimizer at {@code lr}
     */
    public static StabilityThreshold of(OptimizerSpec optimizer, double lr) {
        return switch (optimizer.name()) {
            case GD, SGD -> new StabilityThreshold(2.0 / lr, "2/lr", false);
            case MOMENTUM -> new StabilityThreshold(2.0 * (1.0 + optimizer.momentum()) / lr,
                    "2(1+beta)/lr", false);
            case ADAM, ADAMW -> new StabilityThreshold(
                    (2.0 + 2.0 * optimizer.beta1()) / ((1.0 - optimizer.beta1()) * lr),
                    "(2+2beta1)/((1-beta1)lr)", true);
            // The mean-square threshold of zeroth-order methods is a band in the trace, recorded apart.
            case ZO_GD, ZO_SGD, ZO_GDM -> new StabilityThreshold(Double.NaN, ZO_BAND, false);
            case ZO_ADAM -> new StabilityThreshold(Double.NaN, ZO_BAND, true);
        };
    }

    /** @return the name of the measured quantity for the records */
    public String quantity() {
        return preconditioned ? "preconditioned_sharpness" : "sharpness";
    }
}
