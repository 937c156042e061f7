package org.lmworkbench.backend.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Reading scalars out of NDArrays of either float type. */
public final class Scalars {

    private Scalars() {
    }

    /** The value of a one-element array as a double (DJL's getDouble insists on float64 arrays). */
    public static double value(NDArray scalar) {
        return scalar.getDataType() == DataType.FLOAT64 ? scalar.getDouble()
                : scalar.toType(DataType.FLOAT64, false).getDouble();
    }
}
