package org.lmworkbench.core.exec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One run for a {@link WorkerPool}: a prepared run folder (spec.json and a queued or resumable
 * status.json), trained by a backend worker as {@code lmw resume <folder> <args>} would train it.
 *
 * @param runId     the run id (the folder's name)
 * @param runFolder the run folder
 * @param args      backend options after the folder, e.g. {@code --threads 2}
 * @param heap      maximum heap of the worker JVM in {@code -Xmx} syntax ({@code execution.jvm_memory});
 *                  blank for the JVM's default. A worker only trains runs of its own heap size.
 */
public record WorkerTask(String runId, Path runFolder, List<String> args, String heap) {

    /** Checks and freezes. */
    public WorkerTask {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(runFolder, "runFolder");
        args = List.copyOf(args);
        heap = heap == null ? "" : heap.trim();
    }
}
