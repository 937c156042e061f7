package org.lmworkbench.backend.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The map between a list of parameter arrays and one flat vector in {@code R^P}, the space the
 * spectral algorithms of {@code org.lmworkbench.analysis.spectral} work in.
 *
 * <p>Blocks are laid out in list order, each flattened row-major (C order, as numpy and libtorch
 * store it). The flat side is always {@code double[]}: Lanczos with full reorthogonalisation
 * loses accuracy quickly in single precision. A float32 model is converted at this boundary: the
 * direction is rounded to float32 on the way in and the product widened on the way out, so such a
 * product is exact only to float32 accuracy (relative error around 1e-6) even though the
 * algorithms run in float64.
 */
public final class ParameterLayout {

    private final Shape[] shapes;
    private final long[] sizes;
    private final DataType dataType;
    private final int dimension;

    /**
     * @param params parameter arrays, all of one floating-point dtype
     * @throws IllegalArgumentException if the dtypes differ, are not floating point, or there are
     *                                  more than {@code Integer.MAX_VALUE} parameters
     */
    public ParameterLayout(NDList params) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("no parameters");
        }
        shapes = new Shape[params.size()];
        sizes = new long[params.size()];
        dataType = params.get(0).getDataType();
        if (dataType != DataType.FLOAT32 && dataType != DataType.FLOAT64) {
            throw new IllegalArgumentException("parameters must be float32 or float64, not " + dataType);
        }
        long total = 0;
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            if (p.getDataType() != dataType) {
                throw new IllegalArgumentException("mixed parameter dtypes: " + dataType + " and "
                        + p.getDataType());
            }
            shapes[i] = p.getShape();
            sizes[i] = p.size();
            total += sizes[i];
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many parameters for a flat double[]: " + total);
        }
        dimension = (int) total;
    }

    /** @return the total number of parameters {@code P} */
    public int dimension() {
        return dimension;
    }

    /** @return number of blocks (parameter arrays) */
    public int blocks() {
        return shapes.length;
    }

    /** @return the dtype of the parameters, hence of every product */
    public DataType dataType() {
        return dataType;
    }

    /**
     * Splits a flat vector into arrays shaped like the parameters, in the parameters' dtype.
     *
     * @param v       flat vector of length {@link #dimension()}
     * @param manager where the arrays are created
     * @return one array per block
     */
    public NDList unflatten(double[] v, NDManager manager) {
        if (v.length != dimension) {
            throw new IllegalArgumentException("vector length " + v.length + " != " + dimension);
        }
        NDArray flat = manager.create(v);
        if (dataType != DataType.FLOAT64) {
            flat = flat.toType(dataType, false);
        }
        NDList out = new NDList(shapes.length);
        long offset = 0;
        for (int i = 0; i < shapes.length; i++) {
            out.add(flat.get(offset + ":" + (offset + sizes[i])).reshape(shapes[i]));
            offset += sizes[i];
        }
        return out;
    }

    /**
     * Copies arrays shaped like the parameters into a flat float64 vector.
     *
     * @param arrays one array per block
     * @param out    destination of length {@link #dimension()}, fully overwritten
     */
    public void flatten(NDList arrays, double[] out) {
        if (arrays.size() != shapes.length) {
            throw new IllegalArgumentException(arrays.size() + " arrays for " + shapes.length + " blocks");
        }
        // Intermediates go to a scratch manager so flattening long-lived arrays (the model's own
        // parameters) leaves nothing behind in their manager.
        try (NDManager scratch = arrays.get(0).getManager().newSubManager()) {
            scratch.tempAttachAll(arrays);
            NDList flats = new NDList(arrays.size());
            for (NDArray a : arrays) {
                flats.add(a.reshape(-1));
            }
            // One concatenation and one copy across JNI instead of one per block.
            NDArray flat = flats.size() == 1 ? flats.get(0) : NDArrays.concat(flats);
            if (flat.getDataType() != DataType.FLOAT64) {
                flat = flat.toType(DataType.FLOAT64, false);
            }
            double[] data = flat.toDoubleArray();
            if (data.length != dimension) {
                throw new IllegalArgumentException("arrays hold " + data.length + " values, expected "
                        + dimension);
            }
            System.arraycopy(data, 0, out, 0, dimension);
        }
    }

    /**
     * @param arrays one array per block
     * @return a new flat float64 copy
     */
    public double[] flatten(NDList arrays) {
        double[] out = new double[dimension];
        flatten(arrays, out);
        return out;
    }
}
