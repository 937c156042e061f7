package org.lmworkbench.launching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.lmworkbench.workspace.analysis.AnalysisComputation;
import org.lmworkbench.workspace.analysis.AnalysisContext;

/** A tiny in-process analysis: the number of lines of a run's metrics.jsonl, written to its result file. */
public final class MetricsLineCount implements AnalysisComputation {

    @Override
    public List<IFile> compute(AnalysisContext context, IProgressMonitor monitor) throws CoreException {
        Path run = context.target().baseLocation();
        IFile result = context.results().get(0);
        try {
            long lines = Files.readAllLines(run.resolve("metrics.jsonl"), StandardCharsets.UTF_8).size();
            Files.writeString(result.getLocation().toPath(), lines + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CoreException(Status.error(e.getMessage(), e));
        }
        return List.of();
    }
}
