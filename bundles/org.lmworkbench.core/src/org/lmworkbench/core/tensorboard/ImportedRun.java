package org.lmworkbench.core.tensorboard;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A run folder made by an import.
 *
 * @param runId  the run id (the folder name), which may carry a suffix such as {@code -2} if the
 *               name was taken
 * @param folder the run folder, {@code <project>/runs/<runId>}
 * @param record what {@code import.json} of the folder says
 */
public record ImportedRun(String runId, Path folder, ImportRecord record) {

    /** Checks the values. */
    public ImportedRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(record, "record");
    }
}
