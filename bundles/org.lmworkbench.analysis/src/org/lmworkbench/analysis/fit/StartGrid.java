package org.lmworkbench.analysis.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An ordered list of starting points (internal coordinates) for a multistart fit.
 *
 * <p>The order matters only for tie-breaking: when two starts end at exactly the same objective
 * the lower start index wins, which keeps results independent of thread scheduling. Cartesian
 * grids enumerate with the first coordinate varying slowest.
 */
public final class StartGrid {

    private final List<double[]> starts;

    private StartGrid(List<double[]> starts) {
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("a start grid needs at least one start");
        }
        int dim = starts.get(0).length;
        List<double[]> copy = new ArrayList<>(starts.size());
        for (double[] s : starts) {
            if (s.length != dim) {
                throw new IllegalArgumentException("all starts must have " + dim + " coordinates");
            }
            copy.add(s.clone());
        }
        this.starts = Collections.unmodifiableList(copy);
    }

    /**
     * Builds a grid from explicit starts.
     *
     * @param starts starting points in internal coordinates, all of equal length
     * @return the grid
     */
    public static StartGrid of(List<double[]> starts) {
        return new StartGrid(starts);
    }

    /**
     * Builds the Cartesian product of per-coordinate values (first coordinate varies slowest).
     *
     * @param valuesPerCoordinate one array of candidate values per internal coordinate
     * @return the grid
     */
    public static StartGrid cartesian(double[]... valuesPerCoordinate) {
        int dim = valuesPerCoordinate.length;
        List<double[]> out = new ArrayList<>();
        int[] counter = new int[dim];
        while (true) {
            double[] p = new double[dim];
            for (int k = 0; k < dim; k++) {
                p[k] = valuesPerCoordinate[k][counter[k]];
            }
            out.add(p);
            int k = dim - 1;
            while (k >= 0 && ++counter[k] == valuesPerCoordinate[k].length) {
                counter[k] = 0;
                k--;
            }
            if (k < 0) {
                return new StartGrid(out);
            }
        }
    }

    /**
     * Inclusive arithmetic range; values are computed as {@code from + i * step} (not by
     * repeated addition) so that e.g. 0..2 step 0.5 gives exact grid values.
     *
     * @param from first value
     * @param to last value (inclusive, with a tolerance of 1e-9 steps)
     * @param step positive increment
     * @return the values
     */
    public static double[] range(double from, double to, double step) {
        int n = (int) Math.floor((to - from) / step + 1e-9) + 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = from + i * step;
        }
        return v;
    }

    /**
     * Epoch AI's 4500-start grid for {@link ChinchillaLaw} in its internal order (e, a, b,
     * alpha, beta): e in -1..1 step 0.5, a and b in 0..25 step 5, alpha and beta in 0..2 step
     * 0.5. (Epoch loops alpha, beta, e, a, b; the set of starts is identical.)
     *
     * @return the 5 * 6 * 6 * 5 * 5 = 4500-start grid
     */
    public static StartGrid epochChinchilla() {
        return cartesian(range(-1, 1, 0.5), range(0, 25, 5), range(0, 25, 5),
                range(0, 2, 0.5), range(0, 2, 0.5));
    }

    /**
     * Every {@code stride}-th start of this grid, beginning at {@code offset}; a cheap,
     * reproducible way to thin a grid.
     *
     * @param stride keep one start in {@code stride}
     * @param offset index of the first kept start
     * @return the thinned grid
     */
    public StartGrid thin(int stride, int offset) {
        List<double[]> out = new ArrayList<>();
        for (int i = offset; i < starts.size(); i += stride) {
            out.add(starts.get(i));
        }
        return new StartGrid(out);
    }

    /**
     * A new grid with {@code first} prepended (index 0) to this grid's starts.
     *
     * @param first start to put first, e.g. a previous optimum
     * @return the extended grid
     */
    public StartGrid withFirst(double[] first) {
        List<double[]> out = new ArrayList<>(starts.size() + 1);
        out.add(first);
        out.addAll(starts);
        return new StartGrid(out);
    }

    /** @return number of starts. */
    public int size() {
        return starts.size();
    }

    /** @return number of coordinates per start. */
    public int dimension() {
        return starts.get(0).length;
    }

    /**
     * @param i start index
     * @return a copy of start {@code i}
     */
    public double[] start(int i) {
        return starts.get(i).clone();
    }

    @Override
    public String toString() {
        return "StartGrid[" + starts.size() + " starts, first " + Arrays.toString(starts.get(0))
                + "]";
    }
}
