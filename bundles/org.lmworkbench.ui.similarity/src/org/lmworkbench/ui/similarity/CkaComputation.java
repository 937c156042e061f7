package org.lmworkbench.ui.similarity;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.launching.BackendCommands;
import org.lmworkbench.workspace.cka.CkaDocument;
import org.lmworkbench.workspace.cka.CkaRuns;
import org.lmworkbench.workspace.cka.SimilarityArguments;

/**
 * Computes a .cka document's similarity through {@code lmw similarity} (a backend command with its
 * Console and Terminate): checks the runs, runs the backend into a temporary result file and reads
 * the result. Headless; the editor's Compute and the Representation Similarity analysis both use it.
 */
final class CkaComputation {

    private CkaComputation() {
    }

    /**
     * The backend's result for {@code document}.
     *
     * @param name     what the Console calls the command
     * @param project  the project folder on disk, against which the document's runs resolve
     * @throws CoreException listing the document's problems, or the backend's message
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled or terminated
     */
    static JsonObject compute(String name, CkaDocument document, Path project, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, name, 100);
        List<String> problems = CkaRuns.problems(document, project);
        if (!problems.isEmpty()) {
            throw new CoreException(Status.error(String.join("\n", problems)));
        }
        progress.worked(5);
        Path out = null;
        try {
            out = Files.createTempFile("lmw-similarity-", ".json");
            progress.subTask(Messages.CkaComputeJob_backend);
            BackendCommands.run(name, SimilarityArguments.of(document, project, out), project.toFile(),
                    progress.split(90));
            progress.subTask(Messages.CkaComputeJob_reading);
            JsonElement tree = JsonParser.parseString(Files.readString(out));
            if (!tree.isJsonObject()) {
                throw new CoreException(Status.error(NLS.bind(Messages.CkaComputeJob_notAnObject, out)));
            }
            progress.worked(5);
            return tree.getAsJsonObject();
        } catch (IOException | JsonParseException e) {
            throw new CoreException(Status.error(NLS.bind(Messages.CkaComputeJob_unreadable, e.getMessage()), e));
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a stray temp file is harmless; the result is in the document
                }
            }
        }
    }
}
