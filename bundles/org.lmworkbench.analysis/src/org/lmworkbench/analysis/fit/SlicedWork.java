package org.lmworkbench.analysis.fit;

import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.lmworkbench.analysis.spectral.ProgressSink;

/**
 * Runs independent tasks (multistart starts, bootstrap resamples) over a list of indices. Without
 * a progress sink they run in one go, as fast as possible; with one they run in slices, reporting
 * each finished slice and honouring cancellation between slices. The tasks are independent, so
 * the results do not depend on the slicing or on parallelism.
 */
final class SlicedWork {

    /** Slices per phase when someone watches: a smooth progress bar and prompt cancellation. */
    private static final int SLICES = 50;

    private SlicedWork() {
    }

    /**
     * Runs {@code task} for every index.
     *
     * @param indices the indices, in order
     * @param parallel run a slice's tasks on a parallel stream
     * @param sink progress and cancellation; {@link ProgressSink#NONE} runs everything as one slice
     * @param task the work for one index
     * @throws CancellationException if the sink asked to cancel
     */
    static void run(int[] indices, boolean parallel, ProgressSink sink, IntConsumer task) {
        int slices = sink == ProgressSink.NONE ? 1 : Math.max(1, Math.min(SLICES, indices.length));
        for (int s = 0; s < slices; s++) {
            if (sink.isCanceled()) {
                throw new CancellationException();
            }
            int from = (int) ((long) indices.length * s / slices);
            int to = (int) ((long) indices.length * (s + 1) / slices);
            IntStream slice = IntStream.range(from, to).map(j -> indices[j]);
            if (parallel) {
                slice = slice.parallel();
            }
            slice.forEach(task);
            if (to > from) {
                sink.worked(to - from);
            }
        }
        if (sink.isCanceled()) {
            throw new CancellationException();
        }
    }
}
