package org.lmworkbench.analysis.theory.features;

/**
 * Accumulates {@code sum_i g_i h_i^T} over batches: {@code h_i} a layer's input for example {@code i}
 * and {@code g_i} the gradient of that example's loss with respect to the same input. For a layer
 * that shares its weights over positions (a convolution, a token-wise linear map), add one row per
 * example and position: the sum then runs over both, while {@code n} stays the number of examples.
 * Not thread-safe.
 */
public final class FactSum {

    private final double[][] sum;
    private long rows;

    /** An empty sum for layers with {@code inputs} input features. */
    public FactSum(int inputs) {
        if (inputs < 1) {
            throw new IllegalArgumentException("need at least one input feature, got " + inputs);
        }
        this.sum = new double[inputs][inputs];
    }

    /**
     * Adds a batch.
     *
     * @param inputs    {@code h}, one row per example (or example and position)
     * @param gradients {@code g}, the loss gradient w.r.t. each row of {@code inputs}
     * @throws IllegalArgumentException naming the row whose length or values are wrong
     */
    public void add(double[][] inputs, double[][] gradients) {
        if (inputs.length != gradients.length) {
            throw new IllegalArgumentException(inputs.length + " input rows but " + gradients.length
                    + " gradient rows");
        }
        int d = sum.length;
        for (int r = 0; r < inputs.length; r++) {
            double[] h = inputs[r];
            double[] g = gradients[r];
            if (h.length != d || g.length != d) {
                throw new IllegalArgumentException("row " + r + " has " + h.length + " inputs and " + g.length
                        + " gradient entries, expected " + d);
            }
            for (int a = 0; a < d; a++) {
                if (!Double.isFinite(g[a]) || !Double.isFinite(h[a])) {
                    throw new IllegalArgumentException("row " + r + " is not finite at entry " + a);
                }
                for (int b = 0; b < d; b++) {
                    sum[a][b] += g[a] * h[b];
                }
            }
        }
        rows += inputs.length;
    }

    /** The number of rows added. */
    public long rows() {
        return rows;
    }

    /**
     * The FACT right-hand side {@code -(1/(n lambda)) sum_i g_i h_i^T}.
     *
     * @param examples the training-set size {@code n} of the loss {@code (1/n) sum_i loss_i}
     * @param lambda   the weight-decay coefficient of {@code (lambda/2) |theta|^2}
     */
    public double[][] rightHandSide(long examples, double lambda) {
        if (examples < 1 || !(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("need n >= 1 and a positive weight decay, got n = " + examples
                    + ", lambda = " + lambda);
        }
        double scale = -1.0 / (examples * lambda);
        double[][] m = new double[sum.length][sum.length];
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < m.length; b++) {
                m[a][b] = scale * sum[a][b];
            }
        }
        return m;
    }
}
