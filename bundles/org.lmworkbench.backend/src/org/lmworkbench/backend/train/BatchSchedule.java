package org.lmworkbench.backend.train;

import java.util.SplittableRandom;
import org.lmworkbench.backend.data.SyntheticData;
import org.lmworkbench.backend.model.Initializer;

/**
 * Which training examples step {@code t} uses. Epoch {@code e} is a permutation drawn from a
 * generator seeded by (seed, e); step {@code t} takes positions {@code [t B, (t + 1) B)} of the
 * endless concatenation of epochs. Being a pure function of the step, it needs no saved RNG state
 * for an exact resume.
 */
public final class BatchSchedule {

    private final long seed;
    private final int n;
    private final int batch;
    private long cachedEpoch = -1;
    private int[] cachedOrder;

    /**
     * @param seed  the run seed
     * @param n     training set size
     * @param batch batch size; values at or above {@code n} mean full batch
     */
    public BatchSchedule(long seed, int n, int batch) {
        this.seed = seed;
        this.n = n;
        this.batch = batch <= 0 ? n : Math.min(batch, n);
    }

    /** True when every step uses all examples (then the loop skips gathering). */
    public boolean isFullBatch() {
        return batch >= n;
    }

    /** Examples per step. */
    public int batchSize() {
        return batch;
    }

    /** The training rows of update {@code step} (0-based). */
    public int[] rows(long step) {
        int[] rows = new int[batch];
        long position = step * batch;
        for (int i = 0; i < batch; i++, position++) {
            long epoch = position / n;
            rows[i] = order(epoch)[(int) (position % n)];
        }
        return rows;
    }

    private int[] order(long epoch) {
        if (epoch != cachedEpoch) {
            cachedOrder = SyntheticData.permutation(n, new SplittableRandom(Initializer.mix(seed, "epoch-" + epoch)));
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }
}
