package org.lmworkbench.backend.exec;

import java.time.Duration;

/**
 * How one run of an executor ended.
 *
 * @param request  the request
 * @param exitCode exit code of the backend process (see the command line's exit codes; 143 = killed by SIGTERM)
 * @param elapsed  wall time of the process
 */
public record RunResult(RunRequest request, int exitCode, Duration elapsed) {
}
