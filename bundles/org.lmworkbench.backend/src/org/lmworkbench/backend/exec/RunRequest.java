package org.lmworkbench.backend.exec;

import java.nio.file.Path;
import java.util.List;

/**
 * One run for an executor: a prepared run folder (spec.json and a queued status.json) to be trained
 * by {@code resume <run-dir>} outside the calling JVM.
 *
 * @param runId      the run id (folder name)
 * @param runFolder  the run folder
 * @param extraArgs  backend arguments after {@code resume <run-dir>}, e.g. {@code --threads 2}
 * @param jvmMemory  maximum heap of the JVM that trains it, {@code -Xmx} syntax (execution.jvm_memory)
 */
public record RunRequest(String runId, Path runFolder, List<String> extraArgs, String jvmMemory) {

    /** Freezes the argument list. */
    public RunRequest {
        extraArgs = List.copyOf(extraArgs);
    }
}
