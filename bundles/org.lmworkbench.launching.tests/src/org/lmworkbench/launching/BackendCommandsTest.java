package org.lmworkbench.launching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.testing.Fixtures;

/**
 * Analysis commands take the one process path: a launch in the launch manager with a backend
 * process (what the Console and the Debug view show), its output kept for the error message, and
 * Terminate or a cancelled job stops it without leaving a process behind.
 */
class BackendCommandsTest {

    /** JVM start and engine load, on a busy machine. */
    private static final long TIMEOUT_MS = 120_000;

    @TempDir
    Path temp;

    private Path run;

    @BeforeEach
    void copyRun() throws Exception {
        run = Fixtures.copyToDirectory("resources/fixtures/sharpness/example-eos", temp.resolve("example-eos"));
    }

    @AfterEach
    void removeLaunches() throws Exception {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch launch : manager.getLaunches()) {
            if (!launch.isTerminated()) {
                launch.terminate();
            }
            manager.removeLaunch(launch);
        }
        waitUntil("every child JVM to exit", () -> ProcessHandle.current().descendants().findAny().isEmpty());
    }

    @Test
    void aCommandRunsAsAProcessOfARegisteredLaunch() throws Exception {
        Files.delete(run.resolve("probes/hessian-step-1000.json"));
        ILaunch launch = BackendCommands.run("hessian example-eos", List.of("hessian", run.toString(),
                "--checkpoint", "1000", "--top-k", "1"), run.toFile(), null);

        assertTrue(Arrays.asList(DebugPlugin.getDefault().getLaunchManager().getLaunches()).contains(launch));
        assertEquals(BackendCommandDelegate.TYPE_ID, launch.getLaunchConfiguration().getType().getIdentifier());
        IProcess process = launch.getProcesses()[0];
        assertInstanceOf(BackendProcess.class, process);
        assertEquals("lmw hessian", process.getLabel());
        assertEquals(0, process.getExitValue());
        assertTrue(process.getAttribute(IProcess.ATTR_CMDLINE).contains("org.lmworkbench.backend.cli.Main hessian"));
        assertTrue(Files.isRegularFile(run.resolve("probes/hessian-step-1000.json")), "the command wrote its result");
    }

    @Test
    void aFailingCommandSaysWhatTheBackendPrinted() {
        Path missing = temp.resolve("no-such-run");
        CoreException e = assertThrows(CoreException.class, () -> BackendCommands.run("hessian missing",
                List.of("hessian", missing.toString(), "--checkpoint", "1"), temp.toFile(), null));
        String message = e.getStatus().getMessage();
        assertTrue(message.startsWith("The backend command \"hessian\" failed with exit code 2:"), message);
        assertTrue(message.contains(missing.toString()), "the backend's message names the folder: " + message);
    }

    @Test
    void terminateStopsTheProcessAndTheCallerSeesACancellation() throws Exception {
        Job job = hessianJob();
        job.schedule();
        BackendProcess process = waitForProcess();
        assertTrue(process.canTerminate());
        process.terminate(); // what the Console's and the Debug view's Terminate do

        assertTrue(job.join(TIMEOUT_MS, null), "the job ended");
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), job.getResult().toString());
        assertTrue(process.isTerminated());
        assertTrue(ProcessHandle.current().descendants().findAny().isEmpty(), "no backend process is left");
    }

    @Test
    void cancellingTheJobTerminatesTheProcess() throws Exception {
        Job job = hessianJob();
        job.schedule();
        BackendProcess process = waitForProcess();
        job.cancel();

        assertTrue(job.join(TIMEOUT_MS, null), "the job ended");
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), job.getResult().toString());
        assertTrue(process.isStopRequested());
        assertTrue(process.isTerminated());
        assertTrue(ProcessHandle.current().descendants().findAny().isEmpty(), "no backend process is left");
    }

    /** A spectrum with many eigenvalues and the density: seconds of work after the JVM has started. */
    private Job hessianJob() {
        return Job.create("hessian", (IProgressMonitor monitor) -> {
            try {
                BackendCommands.run("hessian example-eos", List.of("hessian", run.toString(), "--checkpoint", "1000",
                        "--top-k", "20", "--trace", "--density"), run.toFile(), monitor);
                return Status.OK_STATUS;
            } catch (CoreException e) {
                return e.getStatus();
            }
        });
    }

    private static BackendProcess waitForProcess() {
        BackendProcess[] found = new BackendProcess[1];
        waitUntil("the backend process to start", () -> {
            for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
                for (IProcess p : launch.getProcesses()) {
                    if (p instanceof BackendProcess backend) {
                        found[0] = backend;
                        return true;
                    }
                }
            }
            return false;
        });
        return found[0];
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }
}
