package org.lmworkbench.backend.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.core.exec.BackendClassPath;
import org.lmworkbench.core.exec.BackendCommandLine;

/** Test helpers: the command line in this JVM, or as a child process like the workbench starts it. */
final class Cli {

    /** Exit code and captured output of a command. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private Cli() {
    }

    /** Runs the command line in this JVM. */
    static Result run(String... args) {
        Engines.pytorch(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Starts the command line as a child JVM with the backend class path; output goes to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        return start(log, Map.of(), args);
    }

    /** {@link #start(Path, String...)} with variables added to the child's environment. */
    static Process start(Path log, Map<String, String> environment, String... args) throws IOException {
        BackendCommandLine.Builder builder = BackendCommandLine.builder(BackendClassPath.of(Main.class))
                .arguments(List.of(args));
        environment.forEach(builder::environment);
        return builder.build().processBuilder(null).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits for a child, failing with its output after {@code seconds}. */
    static int waitFor(Process p, Path log, int seconds) throws Exception {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child did not finish in " + seconds + " s:\n" + Files.readString(log));
        }
        return p.exitValue();
    }

    /** Writes a spec file. */
    static Path spec(Path dir, String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    /** metrics.jsonl with the wall-time field removed from every line. */
    static String metricsWithoutWallTime(Path runDir) throws IOException {
        return Files.readString(runDir.resolve("metrics.jsonl")).replaceAll(",?\"wall_time\":[-0-9.eE]+", "");
    }
}
