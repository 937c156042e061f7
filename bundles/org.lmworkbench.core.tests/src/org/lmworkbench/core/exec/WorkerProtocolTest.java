package org.lmworkbench.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.exec.WorkerProtocol.Cancel;
import org.lmworkbench.core.exec.WorkerProtocol.Finished;
import org.lmworkbench.core.exec.WorkerProtocol.Output;
import org.lmworkbench.core.exec.WorkerProtocol.Progress;
import org.lmworkbench.core.exec.WorkerProtocol.Quit;
import org.lmworkbench.core.exec.WorkerProtocol.Ready;
import org.lmworkbench.core.exec.WorkerProtocol.Started;
import org.lmworkbench.core.exec.WorkerProtocol.Train;
import org.lmworkbench.core.run.RunState;

/**
 * The worker protocol: every message is one line and reads back as itself; lines that are not events
 * are plain output; a bad request is refused with the line; a dead worker is described by how it died.
 */
class WorkerProtocolTest {

    @Test
    void messagesAreSingleLinesThatReadBackAsThemselves() throws Exception {
        Train train = new Train("sw-003", Path.of("/runs/sw 003"), List.of("--threads", "2"));
        for (WorkerProtocol.Request r : List.of(train, new Cancel("sw-003"), new Quit())) {
            String line = WorkerProtocol.encode(r);
            assertTrue(!line.contains("\n"), line);
            assertEquals(r, WorkerProtocol.parseRequest(line));
        }
        assertEquals("{\"op\":\"train\",\"run\":\"sw-003\",\"dir\":\"/runs/sw 003\",\"args\":[\"--threads\",\"2\"]}",
                WorkerProtocol.encode(train));
        List<WorkerProtocol.Event> events = List.of(new Ready(42), new Started("a"),
                new Output("a", true, "line with \"quotes\"\nand a break"), new Progress("a", 7, 0.25),
                new Finished("a", RunState.CANCELLED, 143, null, 12), new Finished("b", RunState.FAILED, 1, "why", -1));
        for (WorkerProtocol.Event e : events) {
            String line = WorkerProtocol.encode(e);
            assertTrue(line.startsWith("{\"event\":") && !line.contains("\n"), line);
            assertEquals(e, WorkerProtocol.parseEvent(line));
        }
        Progress diverging = (Progress) WorkerProtocol.parseEvent(WorkerProtocol.encode(new Progress("a", 3, Double.NaN)));
        assertTrue(Double.isNaN(diverging.loss()));
    }

    @Test
    void otherLinesArePlainOutputAndBadRequestsAreRefused() {
        assertNull(WorkerProtocol.parseEvent("[W thread_pool.cpp:112] Warning: Leaking Caffe2 thread-pool"));
        assertNull(WorkerProtocol.parseEvent("{\"event\":\"unheard-of\"}"));
        assertNull(WorkerProtocol.parseEvent("{\"event\":\"finished\",\"run\":\"a\"}"));
        WorkerProtocol.ProtocolException e = assertThrows(WorkerProtocol.ProtocolException.class,
                () -> WorkerProtocol.parseRequest("{\"op\":\"train\",\"run\":\"a\"}"));
        assertTrue(e.getMessage().contains("'dir' is missing"), e.getMessage());
        assertThrows(WorkerProtocol.ProtocolException.class, () -> WorkerProtocol.parseRequest("train a"));
        assertThrows(WorkerProtocol.ProtocolException.class, () -> WorkerProtocol.parseRequest("{\"op\":\"fly\"}"));
    }

    @Test
    void aDeadWorkerIsDescribedByHowItDied() {
        assertEquals("the backend worker (pid 7) was killed by signal 9 (SIGKILL), by hand or by the system's "
                + "out-of-memory killer while training this run", WorkerDeath.describe(7, 137, List.of(), ""));
        assertEquals("the backend worker (pid 7) exited with code 5 while training this run; last output: b | c | d | e",
                WorkerDeath.describe(7, 5, List.of("a", "b", "# not quoted", "c", "d", "e"), "2g"));
        String oom = WorkerDeath.describe(7, 3, List.of("Terminating due to java.lang.OutOfMemoryError: Java heap space"),
                "64m");
        assertTrue(oom.startsWith("the backend worker (pid 7) ran out of memory (maximum heap 64m, execution.jvm_memory)"),
                oom);
        assertTrue(oom.contains("OutOfMemoryError: Java heap space"), oom);
        String crash = WorkerDeath.describe(7, 134, List.of("#", "# A fatal error has been detected by the Java Runtime "
                + "Environment:", "# Problematic frame:", "# C  [libtorch_cpu.so+0x1234]  at::foo()", "#"), "");
        assertEquals("the backend worker (pid 7) crashed in native code (# C  [libtorch_cpu.so+0x1234]  at::foo()) "
                + "while training this run", crash);
    }
}
