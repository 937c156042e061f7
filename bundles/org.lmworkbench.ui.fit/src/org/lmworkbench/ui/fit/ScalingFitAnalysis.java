package org.lmworkbench.ui.fit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.lmworkbench.analysis.fit.ScalingDataException;
import org.lmworkbench.workspace.analysis.AnalysisComputation;
import org.lmworkbench.workspace.analysis.AnalysisContext;
import org.lmworkbench.workspace.fit.FitDocument;
import org.lmworkbench.workspace.fit.FitDocumentException;
import org.lmworkbench.workspace.fit.FitDocumentJson;
import org.lmworkbench.workspace.fit.FitDocumentWriter;
import org.lmworkbench.workspace.fit.FitRunner;

/**
 * The Scaling Fit analysis of a {@code .fit} document: fits the document's settings in this JVM
 * (small tables; the same {@link FitRunner} as the editor's Fit button and {@code lmw fit}) and
 * writes the result into the document.
 */
public final class ScalingFitAnalysis implements AnalysisComputation {

    @Override
    public List<IFile> compute(AnalysisContext context, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, 100);
        IFile file = context.target().file();
        FitDocument document = read(file);
        try {
            FitRunner.Outcome outcome = FitRunner.run(document, file.getProject().getLocation().toPath(),
                    progress.split(95));
            document.setResult(FitRunner.toModel(document, outcome));
        } catch (ScalingDataException | IOException e) {
            throw new CoreException(Status.error(file.getFullPath() + ": " + e.getMessage(), e));
        }
        byte[] bytes = FitDocumentWriter.write(document).getBytes(StandardCharsets.UTF_8);
        file.setContents(new ByteArrayInputStream(bytes), true, true, progress.split(5));
        return List.of(file);
    }

    private static FitDocument read(IFile file) throws CoreException {
        try (InputStream in = file.getContents(true)) {
            return FitDocumentJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (FitDocumentException e) {
            throw new CoreException(Status.error(file.getFullPath() + " " + e.getMessage(), e));
        } catch (IOException e) {
            throw new CoreException(Status.error(file.getFullPath() + ": " + e.getMessage(), e));
        }
    }
}
