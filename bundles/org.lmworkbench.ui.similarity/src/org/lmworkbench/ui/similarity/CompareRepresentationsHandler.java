package org.lmworkbench.ui.similarity;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.workspace.SpecFiles;
import org.lmworkbench.workspace.cka.CkaDocument;
import org.lmworkbench.workspace.cka.CkaRuns;
import org.lmworkbench.core.run.SimilarityMetrics;

/**
 * Right-click two or more runs &gt; Compare Representations: writes
 * {@code analyses/compare-<a>-<b>.cka} (or {@code compare-<n>-runs.cka}) with defaults that fit the
 * selection, opens it in the .cka editor and starts the computation. Two runs give the layer x
 * layer view with all their layers; more give model x model matrices at every layer they share.
 * The metric is linear CKA (biased HSIC). An existing document of that name gets a numbered
 * sibling instead of being overwritten.
 */
public final class CompareRepresentationsHandler extends AbstractHandler {

    /** The command id in plugin.xml. */
    public static final String COMMAND_ID = "org.lmworkbench.ui.commands.compareRepresentations";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IStructuredSelection selection = HandlerUtil.getCurrentStructuredSelection(event);
        List<RunElement> runs = new ArrayList<>();
        for (Object o : selection.toList()) {
            if (o instanceof RunElement run) {
                runs.add(run);
            }
        }
        if (runs.size() < 2) {
            throw new ExecutionException(Messages.CompareRepresentations_needTwo);
        }
        IProject project = runs.get(0).folder().getProject();
        for (RunElement run : runs) {
            if (!run.folder().getProject().equals(project)) {
                throw new ExecutionException(Messages.CompareRepresentations_oneProject);
            }
        }
        try {
            IFile file = create(project, runs.stream().map(RunElement::folder).toList());
            IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
            IEditorPart part = IDE.openEditor(page, file, CkaEditor.ID, true);
            if (part instanceof CkaEditor editor && editor.settingsPage() != null && editor.settingsPage().canCompute()) {
                editor.compute();
            }
            return file;
        } catch (PartInitException e) {
            throw new ExecutionException(e.getMessage(), e);
        } catch (CoreException e) {
            throw new ExecutionException(e.getStatus().getMessage(), e);
        }
    }

    /** Writes the default document for {@code runs} into the project's analyses folder and returns it. */
    public static IFile create(IProject project, List<IFolder> runs) throws CoreException {
        CkaDocument doc = defaults(project.getLocation().toPath(), runs.stream()
                .map(r -> r.getProjectRelativePath().toString()).toList());
        IFolder analyses = project.getFolder(SpecFiles.ANALYSES_FOLDER);
        if (!analyses.exists()) {
            analyses.create(true, true, null);
        }
        String base = runs.size() == 2 ? "compare-" + runs.get(0).getName() + "-" + runs.get(1).getName()
                : "compare-" + runs.size() + "-runs";
        IFile file = analyses.getFile(base + "." + SpecFiles.CKA_EXTENSION);
        for (int i = 2; file.exists(); i++) {
            file = analyses.getFile(base + "-" + i + "." + SpecFiles.CKA_EXTENSION);
        }
        file.create(new ByteArrayInputStream(doc.toJson().getBytes(StandardCharsets.UTF_8)), true, null);
        analyses.refreshLocal(IResource.DEPTH_ONE, null);
        return file;
    }

    /** The default analysis of {@code runs} (project-relative) in the project at {@code project}. */
    public static CkaDocument defaults(Path project, List<String> runs) {
        CkaDocument doc = new CkaDocument();
        doc.setRuns(runs);
        doc.setMetric(SimilarityMetrics.DEFAULT.defaultName());
        List<Path> paths = runs.stream().map(project::resolve).toList();
        if (runs.size() == 2) {
            doc.setMode(CkaDocument.Mode.LAYERS);
            doc.setLayerPair(CkaRuns.layers(paths.get(0), null), CkaRuns.layers(paths.get(1), null));
        } else {
            doc.setMode(CkaDocument.Mode.MODELS);
            doc.setLayers(CkaRuns.commonLayers(paths, null));
        }
        return doc;
    }
}
