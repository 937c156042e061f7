package org.lmworkbench.backend.hessian;

import org.lmworkbench.analysis.theory.zo.ZoCriticalStep;
import org.lmworkbench.analysis.theory.zo.ZoEdgeBand;
import org.lmworkbench.analysis.theory.zo.ZoSettings;
import org.lmworkbench.core.run.SharpnessLine;
import org.lmworkbench.core.spec.OptimizerSpec;

/**
 * The mean-square stability of a zeroth-order run at one sharpness sample, from the theory of
 * {@link org.lmworkbench.analysis.theory.zo}: the band {@code Tr <= threshold <= Tr + margin
 * lambda_max} from the sample's top eigenvalue and trace, and, when the whole spectrum was computed,
 * the exact critical step {@code eta*}. ZO-SGD is analysed as ZO-GD (the theory covers the
 * direction noise, not the minibatch noise); Nesterov momentum as heavy ball.
 */
public final class ZoStability {

    private ZoStability() {
    }

    /**
     * The theory's settings of a zeroth-order optimizer.
     *
     * @param optimizer      the run's optimizer, one of the {@code zo_} algorithms
     * @param parameterCount {@code d}, the sphere's dimension for sphere directions
     * @throws IllegalArgumentException for a first-order optimizer
     */
    public static ZoSettings settings(OptimizerSpec optimizer, long parameterCount) {
        ZoSettings s = switch (optimizer.name()) {
            case ZO_GD, ZO_SGD -> ZoSettings.gd();
            case ZO_GDM -> ZoSettings.gdm(optimizer.momentum());
            case ZO_ADAM -> ZoSettings.adam(optimizer.beta1());
            default -> throw new IllegalArgumentException(optimizer.name().jsonName() + " is not zeroth-order");
        };
        s = s.withDirections(optimizer.zo().directions());
        return optimizer.zo().distribution() == OptimizerSpec.Distribution.SPHERE
                ? s.withSphere(Math.toIntExact(Math.max(2, parameterCount))) : s;
    }

    /**
     * The band of one sample.
     *
     * @param spectrum   every eigenvalue (of {@code P^-1 H} for ZO-Adam), or null when only the top was computed
     * @param traceError standard error of {@code trace}, 0 when exact
     */
    public static SharpnessLine.ZoBand band(OptimizerSpec optimizer, long parameterCount, double lambdaMax,
            double trace, double traceError, double lr, double[] spectrum) {
        ZoSettings settings = settings(optimizer, parameterCount);
        ZoEdgeBand band = ZoEdgeBand.of(settings, lambdaMax, trace, lr);
        double etaStar = spectrum == null ? Double.NaN : ZoCriticalStep.of(spectrum, settings);
        return new SharpnessLine.ZoBand(trace, traceError, band.threshold(), band.margin(), band.inside(), etaStar,
                settings.label());
    }
}
