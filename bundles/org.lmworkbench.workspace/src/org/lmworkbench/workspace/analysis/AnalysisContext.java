package org.lmworkbench.workspace.analysis;

import java.util.List;
import org.eclipse.core.resources.IFile;

/**
 * What an {@link AnalysisComputation} computes on.
 *
 * @param analysis the analysis being computed
 * @param target   the selection it is computed on
 * @param results  the declared result files, resolved for the target (may be empty)
 */
public record AnalysisContext(AnalysisDescriptor analysis, AnalysisTarget target, List<IFile> results) {

    /** Freezes the result list. */
    public AnalysisContext {
        results = List.copyOf(results);
    }
}
