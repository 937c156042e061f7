package org.lmworkbench.workspace.analysis;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.Platform;
import org.lmworkbench.workspace.internal.WorkspacePlugin;

/**
 * The analyses and output bindings contributed to the {@value #EXTENSION_POINT} extension point,
 * read from an extension registry on each call (a handful of elements), so bundles installed or
 * removed at run time are seen without a cache to keep in step. A malformed element is logged with
 * its bundle and left out.
 */
public final class AnalysisRegistry {

    /** The extension point's full id. */
    public static final String EXTENSION_POINT = "org.lmworkbench.workspace.analyses";

    private final IExtensionRegistry registry;

    /** A view of {@code registry}'s contributions. */
    public AnalysisRegistry(IExtensionRegistry registry) {
        this.registry = registry;
    }

    /** The contributions installed in this workbench. */
    public static AnalysisRegistry platform() {
        return new AnalysisRegistry(Platform.getExtensionRegistry());
    }

    /** Every well-formed analysis, in contribution order. */
    public List<AnalysisDescriptor> analyses() {
        List<AnalysisDescriptor> analyses = new ArrayList<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
            if ("analysis".equals(element.getName())) {
                try {
                    analyses.add(AnalysisDescriptor.read(element));
                } catch (CoreException e) {
                    WorkspacePlugin.log(e.getStatus().getMessage(), null);
                }
            }
        }
        return analyses;
    }

    /** The analysis with {@code id}, or null. */
    public AnalysisDescriptor analysis(String id) {
        return analyses().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    /** The analyses that can be computed on {@code target}, in contribution order; none for a null target. */
    public List<AnalysisDescriptor> applicableTo(AnalysisTarget target) {
        return target == null ? List.of() : analyses().stream().filter(a -> a.appliesTo(target)).toList();
    }

    /** The output bindings of the analysis {@code analysisId}. */
    public List<AnalysisOutput> outputsOf(String analysisId) {
        List<AnalysisOutput> outputs = new ArrayList<>();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
            if ("output".equals(element.getName()) && analysisId.equals(element.getAttribute("analysis"))) {
                outputs.add(new AnalysisOutput(analysisId, element.getAttribute("editor"), element.getAttribute("page"),
                        element.getContributor().getName()));
            }
        }
        return outputs;
    }
}
