package org.lmworkbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * One owner per run folder: the owner is recorded and named to whoever is refused, releasing
 * frees the folder, and a lock file left by a dead owner is taken over and reported. (Owners in
 * other processes, killed with SIGKILL, are tested with real backend processes.)
 */
class RunLockTest {

    @TempDir
    Path project;

    private RunDirectory run() throws Exception {
        return RunDirectory.create(project.resolve("runs"), "r",
                ExperimentSpec.withDefaults("r", 0.1).withValue("training.steps", 5));
    }

    @Test
    void aSecondOwnerIsRefusedWithTheFirstNamedAndReleasingFreesTheFolder() throws Exception {
        RunDirectory run = run();
        long pid = ProcessHandle.current().pid();
        try (RunLock lock = RunLock.acquire(run)) {
            assertTrue(lock.takenOver().isEmpty(), "a new folder had no owner");
            assertTrue(Files.readString(run.path().resolve(".lock")).contains("\"pid\":" + pid));
            assertEquals(pid, RunLock.owner(run).orElseThrow().pid());
            RunLockedException e = assertThrows(RunLockedException.class, () -> RunLock.acquire(run));
            assertEquals(pid, e.owner().orElseThrow().pid());
            assertTrue(e.getMessage().startsWith(run.path() + ": is being trained by process " + pid + " on host "),
                    e.getMessage());
        }
        assertEquals("", Files.readString(run.path().resolve(".lock")), "released: no owner recorded");
        assertTrue(RunLock.owner(run).isEmpty());
        try (RunLock again = RunLock.acquire(run)) {
            assertTrue(again.takenOver().isEmpty(), "a released lock is not a stale one");
        }
    }

    @Test
    void theLockOfADeadOwnerIsTakenOverAndSaysWhose() throws Exception {
        RunDirectory run = run();
        // What a process killed with SIGKILL leaves: its record, and no lock held on the file.
        Files.writeString(run.path().resolve(".lock"),
                "{\"pid\":999999999,\"host\":\"node7\",\"started\":\"2026-12-01T10:00:00Z\"}\n");
        assertTrue(RunLock.owner(run).isEmpty(), "nobody holds it");
        try (RunLock lock = RunLock.acquire(run)) {
            assertEquals(new RunLock.Owner(999999999, "node7", Instant.parse("2026-12-01T10:00:00Z")),
                    lock.takenOver().orElseThrow());
            assertEquals(ProcessHandle.current().pid(), RunLock.owner(run).orElseThrow().pid());
        }
        // A record cut off while it was written belongs to nobody.
        Files.writeString(run.path().resolve(".lock"), "{\"pid\":12");
        try (RunLock lock = RunLock.acquire(run)) {
            assertTrue(lock.takenOver().isEmpty());
        }
    }

    @Test
    void ofThreadsRacingForOneFolderExactlyOneWins() throws Exception {
        RunDirectory run = run();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        ConcurrentLinkedQueue<RunLock> won = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Exception> lost = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < threads; i++) {
            new Thread(() -> {
                try {
                    start.await();
                    won.add(RunLock.acquire(run));
                } catch (Exception e) {
                    lost.add(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        start.countDown();
        done.await();
        assertEquals(1, won.size(), lost.toString());
        assertEquals(threads - 1, lost.size());
        assertTrue(lost.stream().allMatch(e -> e instanceof RunLockedException), lost.toString());
        won.peek().close();
        assertFalse(List.of(run.path().toFile().list()).contains(".lock.tmp"));
    }
}
