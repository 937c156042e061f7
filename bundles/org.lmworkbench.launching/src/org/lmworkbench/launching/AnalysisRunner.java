package org.lmworkbench.launching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.launching.internal.LaunchingPlugin;
import org.lmworkbench.workspace.analysis.AnalysisContext;
import org.lmworkbench.workspace.analysis.AnalysisDescriptor;
import org.lmworkbench.workspace.analysis.AnalysisTarget;
import org.lmworkbench.workspace.analysis.AnalysisVariables;

/**
 * Computes an analysis of the registry on a target: a backend command through the one process path
 * ({@link BackendCommands}, so it has a Console and Terminate), or the analysis's class in this JVM;
 * an analysis with neither only names files that exist already. The results are then refreshed into
 * the workspace. Headless; call it from a Job.
 */
public final class AnalysisRunner {

    private AnalysisRunner() {
    }

    /**
     * Computes {@code analysis} on {@code target}.
     *
     * @param monitor progress; cancelling it terminates a backend command or stops the class's work
     * @return the result files, the first being the one to show
     * @throws CoreException when the analysis does not apply, or its computation failed (with the
     *         backend's or the class's message)
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled or terminated
     */
    public static List<IFile> compute(AnalysisDescriptor analysis, AnalysisTarget target, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.AnalysisRunner_task, analysis.name(),
                target.label()), 100);
        List<IFile> declared;
        List<String> commandLine;
        try {
            declared = analysis.results(target);
            commandLine = analysis.commandLine(target);
        } catch (AnalysisVariables.UnresolvedException e) {
            throw new CoreException(LaunchingPlugin.error(NLS.bind(Messages.AnalysisRunner_notApplicable,
                    new Object[] {analysis.name(), target.label(), e.getMessage()}), null));
        }
        List<IFile> results = declared;
        if (analysis.isBackendCommand()) {
            BackendCommands.run(commandLine.get(0) + " " + target.label(), commandLine,
                    target.baseLocation().toFile(), progress.split(90));
        } else if (analysis.isComputedInProcess()) {
            List<IFile> written = analysis.createComputation().compute(new AnalysisContext(analysis, target, declared),
                    progress.split(90));
            results = written.isEmpty() ? declared : written;
        }
        progress.setWorkRemaining(10);
        refresh(results, progress.split(10));
        return results;
    }

    /** The backend and the classes write files directly; the workspace must see them. */
    private static void refresh(List<IFile> files, IProgressMonitor monitor) throws CoreException {
        Set<IContainer> folders = new LinkedHashSet<>();
        files.forEach(f -> folders.add(f.getParent()));
        SubMonitor progress = SubMonitor.convert(monitor, folders.size());
        for (IContainer folder : new ArrayList<>(folders)) {
            IContainer known = folder;
            while (!known.exists() && known.getParent() != null) {
                known = known.getParent();
            }
            known.refreshLocal(IResource.DEPTH_INFINITE, progress.split(1));
        }
    }
}
