package org.lmworkbench.analysis.fit;

import java.util.List;

/**
 * Points for a scaling-law fit: one or more positive inputs (e.g. N and D) and a positive loss
 * per point, plus a human-readable source (usually the file name) used in error messages and,
 * optionally, an id per point (the run id when the points come from a sweep's runs).
 *
 * <p>Logs of all columns are computed once here because every objective evaluation needs them
 * and the multistart fit performs hundreds of thousands of evaluations. Instances are
 * immutable; accessors return copies except the package-private raw log arrays.
 */
public final class ScalingDataset {

    private final String source;
    private final List<String> inputNames;
    private final String lossName;
    private final double[][] inputs;
    private final double[] loss;
    private final double[][] logInputs;
    private final double[] logLoss;
    private final List<String> pointIds;

    /**
     * @param source description of where the points came from (file name), for messages
     * @param inputNames names of the input columns, one per input array
     * @param lossName name of the loss column
     * @param inputs {@code inputs[k][i]}: value of input {@code k} at point {@code i}, all > 0
     * @param loss loss per point, all > 0
     * @throws IllegalArgumentException on mismatched lengths or non-positive / non-finite values
     */
    public ScalingDataset(String source, List<String> inputNames, String lossName,
            double[][] inputs, double[] loss) {
        this(source, inputNames, lossName, inputs, loss, List.of());
    }

    /**
     * @param source description of where the points came from (file name), for messages
     * @param inputNames names of the input columns, one per input array
     * @param lossName name of the loss column
     * @param inputs {@code inputs[k][i]}: value of input {@code k} at point {@code i}, all > 0
     * @param loss loss per point, all > 0
     * @param pointIds an id per point (e.g. the run id), or an empty list for none
     * @throws IllegalArgumentException on mismatched lengths or non-positive / non-finite values
     */
    public ScalingDataset(String source, List<String> inputNames, String lossName,
            double[][] inputs, double[] loss, List<String> pointIds) {
        if (!pointIds.isEmpty() && pointIds.size() != loss.length) {
            throw new IllegalArgumentException(source + ": " + pointIds.size()
                    + " point ids but " + loss.length + " points");
        }
        this.pointIds = List.copyOf(pointIds);
        if (inputNames.size() != inputs.length) {
            throw new IllegalArgumentException(source + ": " + inputNames.size()
                    + " input names but " + inputs.length + " input columns");
        }
        this.source = source;
        this.inputNames = List.copyOf(inputNames);
        this.lossName = lossName;
        this.loss = loss.clone();
        this.inputs = new double[inputs.length][];
        this.logInputs = new double[inputs.length][];
        for (int k = 0; k < inputs.length; k++) {
            if (inputs[k].length != loss.length) {
                throw new IllegalArgumentException(source + ": column '" + inputNames.get(k)
                        + "' has " + inputs[k].length + " values but '" + lossName + "' has "
                        + loss.length);
            }
            this.inputs[k] = inputs[k].clone();
            this.logInputs[k] = logs(this.inputs[k], inputNames.get(k));
        }
        this.logLoss = logs(this.loss, lossName);
    }

    private double[] logs(double[] values, String column) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(source + ": point " + i + ", column '" + column
                        + "': value " + v + " must be finite and > 0 for a log fit");
            }
            out[i] = Math.log(v);
        }
        return out;
    }

    /** @return where the points came from, e.g. a file path. */
    public String source() {
        return source;
    }

    /** @return input column names. */
    public List<String> inputNames() {
        return inputNames;
    }

    /** @return loss column name. */
    public String lossName() {
        return lossName;
    }

    /** @return the id of each point (e.g. its run id), or an empty list if points have none. */
    public List<String> pointIds() {
        return pointIds;
    }

    /** @return number of points. */
    public int size() {
        return loss.length;
    }

    /** @return number of input columns. */
    public int inputCount() {
        return inputs.length;
    }

    /**
     * @param k input column index
     * @return a copy of input column {@code k}
     */
    public double[] input(int k) {
        return inputs[k].clone();
    }

    /** @return a copy of the loss column. */
    public double[] loss() {
        return loss.clone();
    }

    /** Raw log-input arrays ({@code [k][i]}), shared, for the objective's hot loop. */
    double[][] logInputs() {
        return logInputs;
    }

    /** Raw log-loss array, shared, for the objective's hot loop. */
    double[] logLoss() {
        return logLoss;
    }
}
