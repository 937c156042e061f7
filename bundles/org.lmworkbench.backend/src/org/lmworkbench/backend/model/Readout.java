package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;
import org.lmworkbench.core.spec.ModelSpec;

/** The dense readout shared by the families: {@code output_multiplier * mult * h W + b}. */
final class Readout {

    private Readout() {
    }

    static NDArray apply(NDArray h, ParameterSet params, Parameterization scaling, ModelSpec spec, long fanIn) {
        double mult = scaling.forwardMultiplier(ParameterInfo.Role.OUTPUT_WEIGHT, fanIn) * spec.outputMultiplier();
        NDArray out = StableScalars.times(h.matMul(params.get("output.weight")), mult);
        return spec.bias() ? out.add(params.get("output.bias")) : out;
    }
}
