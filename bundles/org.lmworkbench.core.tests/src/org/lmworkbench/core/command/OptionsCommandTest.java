package org.lmworkbench.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a command ends when its work fails in ways that are not the user's input. */
class OptionsCommandTest {

    /** One option, unused. */
    static final class None {
        @picocli.CommandLine.Option(names = "--x")
        String x;
    }

    private static String[] execute(Throwable failure) {
        OptionsCommand<None> command = new OptionsCommand<>("t", "", "test", "usage: t", None::new) {
            @Override
            protected int run(None options, PrintStream out, PrintStream err) throws IOException {
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw (Error) failure;
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.execute(new String[0], new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), err.toString(StandardCharsets.UTF_8).strip()};
    }

    @Test
    void ioFailuresAndExhaustedMemoryAreOneLineWithoutJavaClassNames() {
        List<Object[]> cases = List.of(
                new Object[] {new AccessDeniedException("/runs/a/status.json"),
                    "t: cannot read or write /runs/a/status.json: permission denied"},
                new Object[] {new NoSuchFileException("/runs/b"), "t: cannot read or write /runs/b: no such file or folder"},
                new Object[] {new FileSystemException("/mnt/full/x.npz", null, "No space left on device"),
                    "t: cannot read or write /mnt/full/x.npz: No space left on device"},
                new Object[] {new IOException("Input/output error"), "t: Input/output error"});
        for (Object[] c : cases) {
            String[] r = execute((Throwable) c[0]);
            assertEquals("1", r[0]);
            assertEquals(c[1], r[1]);
        }
        String[] oom = execute(new OutOfMemoryError("Java heap space"));
        assertEquals("1", oom[0]);
        assertEquals(1, oom[1].lines().count(), oom[1]);
        assertEquals(true, oom[1].startsWith("t: out of memory (Java heap space; the maximum heap is "), oom[1]);
    }
}
