package org.lmworkbench.core.slurm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs scheduler commands as child processes: standard input closed (so that {@code ssh} does not
 * wait for it), both outputs collected while the command runs (so that a full pipe never blocks
 * it), and the command with everything it started killed when it outlives its timeout.
 */
public final class ProcessCommandRunner implements CommandRunner {

    /** How long the output readers may take after the process ended; a grandchild may hold the pipes open. */
    private static final long DRAIN_MILLIS = 2000;

    @Override
    public CommandResult run(List<String> command, Duration timeout) throws SlurmException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new SlurmException("cannot start " + ShellWords.join(command) + ": " + e.getMessage(), e);
        }
        Collector out = new Collector(process.getInputStream());
        Collector err = new Collector(process.getErrorStream());
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The command may already have exited; it has no input either way.
        }
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        if (!finished) {
            kill(process);
            out.finish();
            String said = err.finish().strip();
            throw new SlurmException(ShellWords.join(command) + " did not finish within " + timeout.toSeconds()
                    + " s and was killed" + (said.isEmpty() ? "" : "; it said: " + said));
        }
        return new CommandResult(command, process.exitValue(), out.finish(), err.finish());
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Reads one stream to its end on its own thread. */
    private static final class Collector {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final InputStream in;
        private final Thread thread;

        Collector(InputStream in) {
            this.in = in;
            this.thread = Thread.ofVirtual().start(this::drain);
        }

        private void drain() {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (bytes) {
                        bytes.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // Closed by finish() after the process ended: what was read so far is the output.
            }
        }

        String finish() throws InterruptedException {
            thread.join(DRAIN_MILLIS);
            if (thread.isAlive()) {
                // Whoever still holds the pipe keeps the reader blocked; closing our end lets it
                // finish when it can, and the command's output so far is what counts.
                try {
                    in.close();
                } catch (IOException e) {
                    // Nothing more to do for a stream we give up on.
                }
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
