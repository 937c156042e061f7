package org.lmworkbench.ui.analyses;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.lmworkbench.workspace.analysis.AnalysisComputation;
import org.lmworkbench.workspace.analysis.AnalysisContext;

/** The test fragment's analysis: counts the lines of a run's metrics.jsonl into {@code metric-lines.txt}. */
public final class MetricLinesAnalysis implements AnalysisComputation {

    @Override
    public List<IFile> compute(AnalysisContext context, IProgressMonitor monitor) throws CoreException {
        IFile result = context.results().get(0);
        try {
            long lines = Files.readAllLines(context.target().baseLocation().resolve("metrics.jsonl")).size();
            byte[] text = (lines + "\n").getBytes(StandardCharsets.UTF_8);
            result.create(new ByteArrayInputStream(text), true, monitor);
        } catch (IOException e) {
            throw new CoreException(Status.error(e.getMessage(), e));
        }
        return List.of(result);
    }
}
