package org.lmworkbench.backend.train;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The run's {@code log.txt}: timestamped lines, appended and flushed one by one so that the
 * workbench can follow it and nothing is lost when the process is killed. Lines are echoed to an
 * optional console stream (the command line's stdout).
 */
public final class RunLog implements Closeable {

    private final Writer out;
    private final PrintStream echo;

    private RunLog(Writer out, PrintStream echo) {
        this.out = out;
        this.echo = echo;
    }

    /**
     * Opens {@code file} for appending. A log that cannot be opened (no space or no inodes left)
     * only echoes: the run can still write its final status, which matters more.
     */
    public static RunLog open(Path file, PrintStream echo) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new RunLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), echo);
        } catch (IOException e) {
            RunLog log = new RunLog(null, echo);
            log.log("cannot write " + file + ": " + e.getMessage());
            return log;
        }
    }

    /** Appends one line. */
    public synchronized void log(String message) {
        String line = Instant.now() + " " + message;
        try {
            if (out != null) {
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // The log is a convenience; training results do not depend on it.
        }
        if (echo != null) {
            echo.println(message);
        }
    }

    /**
     * Appends one line and, below it in the file only, the stack trace of {@code error}: an internal
     * error is then diagnosable from log.txt while the console keeps to one line.
     */
    public synchronized void log(String message, Throwable error) {
        log(message);
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        try {
            if (out != null) {
                out.write(trace.toString());
                out.flush();
            }
        } catch (IOException e) {
            // As in log(String).
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            // Lines that did not reach the disk are lost; the run's state is in status.json.
        }
    }
}
