package org.lmworkbench.ui.similarity;

import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.lmworkbench.workspace.analysis.AnalysisComputation;
import org.lmworkbench.workspace.analysis.AnalysisContext;
import org.lmworkbench.workspace.cka.CkaDocument;
import org.lmworkbench.workspace.cka.CkaDocumentReader;
import org.lmworkbench.workspace.cka.CkaFormatException;

/**
 * The Representation Similarity analysis of two or more runs: writes the default .cka document of
 * the runs into the project's analyses folder (as Compare Representations does), computes linear
 * CKA through the backend and stores the result in the document.
 */
public final class RepresentationSimilarityAnalysis implements AnalysisComputation {

    @Override
    public List<IFile> compute(AnalysisContext context, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, 100);
        IFile file = CompareRepresentationsHandler.create(context.target().project(), context.target().runs());
        progress.worked(5);
        CkaDocument document = read(file);
        Path project = context.target().project().getLocation().toPath();
        JsonObject result = CkaComputation.compute(context.analysis().name() + " " + file.getName(), document, project,
                progress.split(90));
        document.setResult(result);
        file.setContents(new ByteArrayInputStream(document.toJson().getBytes(StandardCharsets.UTF_8)), true, true,
                progress.split(5));
        return List.of(file);
    }

    private static CkaDocument read(IFile file) throws CoreException {
        try (InputStream in = file.getContents(true)) {
            return CkaDocumentReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    file.getFullPath().toString());
        } catch (IOException | CkaFormatException e) {
            throw new CoreException(Status.error(e.getMessage(), e));
        }
    }
}
