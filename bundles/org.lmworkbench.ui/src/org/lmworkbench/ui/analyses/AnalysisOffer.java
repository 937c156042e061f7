package org.lmworkbench.ui.analyses;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.lmworkbench.workspace.analysis.AnalysisDescriptor;
import org.lmworkbench.workspace.analysis.AnalysisRegistry;
import org.lmworkbench.workspace.analysis.AnalysisTarget;

/**
 * An analysis the workbench offers on a selection, with the target it would be computed on.
 *
 * @param analysis the analysis
 * @param target   what it is computed on
 */
public record AnalysisOffer(AnalysisDescriptor analysis, AnalysisTarget target) {

    /** The analyses of the installed bundles that apply to {@code selection}, in contribution order. */
    public static List<AnalysisOffer> of(ISelection selection) {
        AnalysisTarget target = target(selection);
        return AnalysisRegistry.platform().applicableTo(target).stream().map(a -> new AnalysisOffer(a, target)).toList();
    }

    /** The target a selection of resources (or of elements that adapt to them, like runs) makes, or null. */
    public static AnalysisTarget target(ISelection selection) {
        if (!(selection instanceof IStructuredSelection structured) || structured.isEmpty()) {
            return null;
        }
        List<IResource> resources = new ArrayList<>();
        for (Object element : structured) {
            IResource resource = Adapters.adapt(element, IResource.class);
            if (resource == null) {
                return null;
            }
            resources.add(resource);
        }
        return AnalysisTarget.of(resources);
    }
}
