package org.lmworkbench.ui.sharpness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.run.CheckpointSpectrumFile;
import org.lmworkbench.launching.BackendCommands;

/**
 * Computes a checkpoint's Hessian spectrum in a backend child JVM
 * ({@code hessian <run-dir> --checkpoint <step> --top-k K [--trace] [--density]}), then reads the
 * {@code probes/hessian-step-<step>.json} it wrote and refreshes the run's probes folder so the
 * file appears in the Project Explorer. Cancelling the job terminates the backend process.
 */
final class HessianComputeJob extends Job {

    /** Job family, for tests and for waiting in the UI. */
    static final Object FAMILY = HessianComputeJob.class;

    private final Path runDir;
    private final IFolder runFolder;
    private final long step;
    private final int topK;
    private final boolean trace;
    private final boolean density;
    private final Consumer<CheckpointSpectrumFile> done;

    /**
     * @param runDir    the run folder on disk
     * @param runFolder the same folder in the workspace, or null when it is not in one
     * @param step      checkpoint step
     * @param topK      eigenvalues wanted
     * @param trace     whether to estimate the trace
     * @param density   whether to estimate the density
     * @param done      receives the result (in the job's thread) when the backend succeeded
     */
    HessianComputeJob(Path runDir, IFolder runFolder, long step, int topK, boolean trace, boolean density,
            Consumer<CheckpointSpectrumFile> done) {
        super(NLS.bind(Messages.HessianComputeJob_name, runDir.getFileName(), step));
        this.runDir = runDir;
        this.runFolder = runFolder;
        this.step = step;
        this.topK = topK;
        this.trace = trace;
        this.density = density;
        this.done = done;
        setUser(true);
    }

    /** The backend arguments. */
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("hessian", runDir.toString(), "--checkpoint", Long.toString(step),
                "--top-k", Integer.toString(topK)));
        if (trace) {
            args.add("--trace");
        }
        if (density) {
            args.add("--density");
        }
        return args;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), 100);
        try {
            BackendCommands.run(getName(), arguments(), runDir.toFile(), progress.split(90));
            Path file = CheckpointSpectrumFile.fileFor(runDir, step);
            progress.subTask(NLS.bind(Messages.HessianComputeJob_reading, file.getFileName()));
            CheckpointSpectrumFile result = CheckpointSpectrumFile.read(file);
            progress.worked(5);
            if (runFolder != null && runFolder.exists()) {
                runFolder.getFolder("probes").refreshLocal(IResource.DEPTH_ONE, progress.split(5));
            }
            done.accept(result);
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (CoreException e) {
            return e.getStatus();
        } catch (IOException e) {
            return Status.error(e.getMessage(), e);
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
