package org.lmworkbench.ui.navigator;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.viewers.DecorationOverlayIcon;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider.IStyledLabelProvider;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.ICommonContentExtensionSite;
import org.eclipse.ui.navigator.ICommonLabelProvider;
import org.lmworkbench.ui.internal.Messages;
import org.lmworkbench.ui.internal.UiImages;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.workspace.SpecFiles;

/**
 * Labels of experiment-project elements in the Project Explorer: runs with a state icon and a
 * one-line summary, specs and analyses with their own icons. For anything else it returns null, so
 * the navigator asks the next label provider (the resource one) instead.
 * <p>
 * Because the spec icon replaces the resource label provider's, this provider also draws the
 * problem overlay that the resource one would have drawn from the markers.
 */
public final class ExperimentLabelProvider extends LabelProvider implements ICommonLabelProvider, IStyledLabelProvider {

    private final LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources());

    /** Created by the navigator from the navigatorContent extension. */
    public ExperimentLabelProvider() {
        // images are made on demand and owned by the resource manager
    }

    @Override
    public void init(ICommonContentExtensionSite site) {
        // nothing to configure: labels depend only on the element
    }

    @Override
    public Image getImage(Object element) {
        if (element instanceof RunElement run) {
            return UiPlugin.image(RunLabels.imageKey(run.status()));
        }
        String key = fileImageKey(element);
        return key == null ? null : withProblems(UiPlugin.descriptor(key), (IFile) element);
    }

    @Override
    public String getText(Object element) {
        return element instanceof RunElement run ? RunLabels.text(run) : null;
    }

    @Override
    public StyledString getStyledText(Object element) {
        if (!(element instanceof RunElement run)) {
            return null;
        }
        // The id in the normal colour, the status greyed like other decorations, so ids line up.
        StyledString text = new StyledString(RunLabels.name(run));
        text.append("  " + RunLabels.details(run.status()), StyledString.DECORATIONS_STYLER);
        return text;
    }

    @Override
    public String getDescription(Object element) {
        if (element instanceof RunElement run) {
            String error = run.status().error();
            return error != null ? NLS.bind(Messages.RunLabels_unreadableDetail, error)
                    : run.folder().getFullPath().makeRelative() + "  " + RunLabels.details(run.status());
        }
        return null;
    }

    @Override
    public void restoreState(IMemento memento) {
        // nothing is remembered between sessions
    }

    @Override
    public void saveState(IMemento memento) {
        // nothing is remembered between sessions
    }

    @Override
    public void dispose() {
        resources.dispose();
        super.dispose();
    }

    private static String fileImageKey(Object element) {
        if (!(element instanceof IFile file)) {
            return null;
        }
        if (SpecFiles.isSpec(file)) {
            return UiImages.SPEC;
        }
        if (SpecFiles.isAnalysis(file)) {
            return SpecFiles.CKA_EXTENSION.equals(file.getFileExtension()) ? UiImages.ANALYSIS_CKA : UiImages.ANALYSIS_FIT;
        }
        return null;
    }

    private Image withProblems(ImageDescriptor base, IResource resource) {
        ImageDescriptor overlay = problemOverlay(resource);
        return resources.create(overlay == null ? base : new DecorationOverlayIcon(base, overlay, IDecoration.BOTTOM_LEFT));
    }

    private static ImageDescriptor problemOverlay(IResource resource) {
        int severity;
        try {
            severity = resource.exists() ? resource.findMaxProblemSeverity(IMarker.PROBLEM, true, IResource.DEPTH_ZERO) : -1;
        } catch (CoreException e) {
            return null;
        }
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        return switch (severity) {
            case IMarker.SEVERITY_ERROR -> images.getImageDescriptor(ISharedImages.IMG_DEC_FIELD_ERROR);
            case IMarker.SEVERITY_WARNING -> images.getImageDescriptor(ISharedImages.IMG_DEC_FIELD_WARNING);
            default -> null;
        };
    }
}
