package org.lmworkbench.backend.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.lmworkbench.core.format.NpyArray;

/**
 * Training data in numpy files.
 * <ul>
 * <li>{@code .npy}: one 2-D array {@code [n, d + 1]} whose last column is the label or target.</li>
 * <li>{@code .npz}: arrays {@code x} ({@code [n, ...]}, any rank; rank 4 is read as images
 * {@code [n, channels, height, width]}) and {@code y} ({@code [n]} labels/targets), optionally
 * {@code x_test} and {@code y_test}; without them the last {@code n_test} examples are held out.</li>
 * </ul>
 */
final class NpyData {

    private NpyData() {
    }

    static ArrayDataset[] readNpy(Path file, boolean classify) {
        NpyArray array = NpyArrays.read(file);
        long[] shape = array.shape();
        if (shape.length != 2 || shape[1] < 2) {
            throw new DataException(file + ": a .npy data file must be a 2-D array [examples, features + 1] whose "
                    + "last column is the label; this one has shape " + Arrays.toString(shape));
        }
        if (shape[0] == 0) {
            throw new DataException(file + ": the array has no rows (shape " + Arrays.toString(shape) + ")");
        }
        int n = (int) shape[0];
        int cols = (int) shape[1];
        double[] all = finite(array, file.toString());
        double[] x = new double[n * (cols - 1)];
        double[] label = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(all, i * cols, x, i * (cols - 1), cols - 1);
            label[i] = all[i * cols + cols - 1];
        }
        return new ArrayDataset[] {Targets.build(x, new long[] {cols - 1}, label, classify, file.toString()), null};
    }

    static ArrayDataset[] readNpz(Path file, boolean classify) {
        Map<String, NpyArray> arrays = NpyArrays.readArchive(file);
        ArrayDataset train = pair(file, arrays, "x", "y", classify);
        ArrayDataset test = arrays.containsKey("x_test") ? pair(file, arrays, "x_test", "y_test", classify) : null;
        if (test != null && !Arrays.equals(test.example(), train.example())) {
            throw new DataException(file + ": x_test examples have shape " + Arrays.toString(test.example())
                    + " but x examples " + Arrays.toString(train.example()));
        }
        return new ArrayDataset[] {train, test};
    }

    private static ArrayDataset pair(Path file, Map<String, NpyArray> arrays, String xName, String yName,
            boolean classify) {
        NpyArray x = arrays.get(xName);
        NpyArray y = arrays.get(yName);
        if (x == null || y == null) {
            throw new DataException(file + ": a .npz data file needs arrays '" + xName + "' and '" + yName
                    + "'; it has " + arrays.keySet());
        }
        if (x.shape().length < 2 || y.shape().length != 1 || x.shape()[0] != y.shape()[0]) {
            throw new DataException(file + ": '" + xName + "' must be [n, ...] and '" + yName + "' [n]; got "
                    + Arrays.toString(x.shape()) + " and " + Arrays.toString(y.shape()));
        }
        long[] example = Arrays.copyOfRange(x.shape(), 1, x.shape().length);
        String where = file + ": array '";
        return Targets.build(finite(x, where + xName + "'"), example, finite(y, where + yName + "'"), classify,
                file + ":" + yName);
    }

    /**
     * The values of an array, which must all be finite: NaN or infinity in the data would otherwise
     * show up as a divergence at step 0, as if the training had failed rather than the file.
     *
     * @param where names the file (and array) in the message
     */
    static double[] finite(NpyArray array, String where) {
        double[] values = array.toDoubles();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new DataException(where + " has " + values[i] + " at " + index(array.shape(), i)
                        + "; data must be finite numbers");
            }
        }
        return values;
    }

    /** The numpy index {@code [i, j, ...]} of the flat C-order position {@code flat}. */
    private static String index(long[] shape, long flat) {
        long[] index = new long[shape.length];
        long rest = flat;
        for (int k = shape.length - 1; k >= 0; k--) {
            index[k] = shape[k] == 0 ? 0 : rest % shape[k];
            rest = shape[k] == 0 ? rest : rest / shape[k];
        }
        return Arrays.toString(index);
    }
}
