package org.lmworkbench.core.slurm;

import java.nio.file.Path;
import java.util.List;

/**
 * What one index of a job array runs.
 *
 * @param index   the array index ({@code SLURM_ARRAY_TASK_ID}), 0 or more
 * @param command the command's words, run as they are (no shell interprets them)
 * @param log     a file the command's standard output and error are appended to, or null to leave
 *                them in the job's output file
 */
public record ArrayTask(int index, List<String> command, Path log) {

    /** Checks the values and copies the command. */
    public ArrayTask {
        if (index < 0) {
            throw new IllegalArgumentException("array indices are not negative, got " + index);
        }
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("array index " + index + " has no command");
        }
        command = List.copyOf(command);
    }
}
