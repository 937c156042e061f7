package org.lmworkbench.backend.exec;

import java.time.Duration;

/**
 * How one run of an executor ended.
 *
 * @param request  the request
 * @param exitCode exit code of the run, as {@code lmw resume} would have ended (143 = cancelled)
 * @param elapsed  wall time of the run
 * @param message  why it failed, was cancelled or diverged, or null
 */
public record RunResult(RunRequest request, int exitCode, Duration elapsed, String message) {

    /** A result without a message. */
    public RunResult(RunRequest request, int exitCode, Duration elapsed) {
        this(request, exitCode, elapsed, null);
    }
}
