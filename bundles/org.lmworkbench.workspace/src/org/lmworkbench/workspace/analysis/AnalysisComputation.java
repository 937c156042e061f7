package org.lmworkbench.workspace.analysis;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * An analysis computed in the workbench's JVM (small fits, documents made from a selection): the
 * {@code class} of an {@code analysis} element. Heavy work belongs in a backend command instead,
 * which an in-process computation may also start through the launching layer.
 */
public interface AnalysisComputation {

    /**
     * Computes the analysis and writes its results (complete files: write a temporary file and
     * rename it, or use the workspace API).
     *
     * @param context what to compute on and where the declared results go
     * @param monitor progress; cancellation ends the computation with an OperationCanceledException
     * @return the files written, the first being the one to open
     * @throws CoreException with a message naming the file, line or JSON path of bad input
     */
    List<IFile> compute(AnalysisContext context, IProgressMonitor monitor) throws CoreException;
}
