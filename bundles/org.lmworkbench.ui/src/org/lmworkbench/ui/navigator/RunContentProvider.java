package org.lmworkbench.ui.navigator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.navigator.ICommonContentExtensionSite;
import org.eclipse.ui.navigator.IPipelinedTreeContentProvider2;
import org.eclipse.ui.navigator.PipelinedShapeModification;
import org.eclipse.ui.navigator.PipelinedViewerUpdate;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.workspace.SpecFiles;

/**
 * Project Explorer content for experiment projects. It overrides the resource content only where
 * runs are concerned: the folders under {@code runs/} become {@link RunElement}s (in children, in
 * parent look-ups and in the add/remove/refresh requests the resource content sends after
 * workspace changes), and a run's own files are its children. Everything else passes unchanged.
 * <p>
 * It also listens for resource changes so that a run's label follows its status.json and a spec's
 * problem overlay follows its markers; the resource content would only update the changed file.
 */
public final class RunContentProvider implements IPipelinedTreeContentProvider2, IResourceChangeListener {

    private static final Object[] NONE = new Object[0];

    private volatile StructuredViewer viewer;

    /** Created by the navigator from the navigatorContent extension. */
    public RunContentProvider() {
        // the viewer arrives through inputChanged
    }

    @Override
    public void init(ICommonContentExtensionSite site) {
        ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
    }

    @Override
    public void inputChanged(Viewer newViewer, Object oldInput, Object newInput) {
        viewer = newViewer instanceof StructuredViewer structured ? structured : null;
    }

    @Override
    public void dispose() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
        viewer = null;
    }

    @Override
    public Object[] getElements(Object input) {
        return getChildren(input);
    }

    @Override
    public Object[] getChildren(Object parent) {
        Object element = parent instanceof TreePath path ? path.getLastSegment() : parent;
        try {
            if (element instanceof RunElement run && run.folder().exists()) {
                return run.folder().members();
            }
            if (SpecFiles.isRunsFolder(asResource(element)) && ((IFolder) element).exists()) {
                return wrapRuns(List.of(((IFolder) element).members())).toArray();
            }
        } catch (CoreException e) {
            UiPlugin.log(e.getMessage(), e);
        }
        return NONE;
    }

    @Override
    public Object getParent(Object element) {
        if (element instanceof RunElement run) {
            return run.folder().getParent();
        }
        if (element instanceof IResource resource && SpecFiles.isRunDirectory(resource.getParent())) {
            return new RunElement((IFolder) resource.getParent());
        }
        return null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return getChildren(element).length > 0;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    @Override
    public void getPipelinedChildren(Object parent, Set currentChildren) {
        Object element = parent instanceof TreePath path ? path.getLastSegment() : parent;
        if (SpecFiles.isRunsFolder(asResource(element))) {
            Set<Object> wrapped = new LinkedHashSet<>(wrapRuns(currentChildren));
            currentChildren.clear();
            currentChildren.addAll(wrapped);
        }
    }

    @SuppressWarnings("rawtypes")
    @Override
    public void getPipelinedElements(Object input, Set currentElements) {
        getPipelinedChildren(input, currentElements);
    }

    @Override
    public Object getPipelinedParent(Object element, Object suggestedParent) {
        Object parent = getParent(element);
        return parent instanceof RunElement ? parent : suggestedParent;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    @Override
    public PipelinedShapeModification interceptAdd(PipelinedShapeModification modification) {
        if (SpecFiles.isRunDirectory(asResource(modification.getParent()))) {
            modification.setParent(new RunElement((IFolder) modification.getParent()));
        }
        Set children = modification.getChildren();
        List<Object> wrapped = wrapRuns(children);
        children.clear();
        children.addAll(wrapped);
        return modification;
    }

    @Override
    public PipelinedShapeModification interceptRemove(PipelinedShapeModification modification) {
        return interceptAdd(modification); // the viewer holds RunElements, so removals must name them
    }

    @Override
    public boolean interceptRefresh(PipelinedViewerUpdate update) {
        return wrapTargets(update);
    }

    @Override
    public boolean interceptUpdate(PipelinedViewerUpdate update) {
        return wrapTargets(update);
    }

    @Override
    public boolean hasPipelinedChildren(Object element, boolean currentHasChildren) {
        return currentHasChildren;
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
    public void resourceChanged(IResourceChangeEvent event) {
        StructuredViewer target = viewer;
        if (target == null || event.getDelta() == null) {
            return;
        }
        Object[] changed = LabelChanges.collect(event.getDelta());
        if (changed.length == 0) {
            return;
        }
        Control control = target.getControl();
        if (control == null || control.isDisposed()) {
            return;
        }
        // Resource events arrive on whichever thread changed the workspace; widgets need the UI thread.
        control.getDisplay().asyncExec(() -> {
            if (!control.isDisposed()) {
                target.update(changed, null);
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static boolean wrapTargets(PipelinedViewerUpdate update) {
        Set targets = update.getRefreshTargets();
        List<Object> wrapped = wrapRuns(targets);
        boolean changed = !wrapped.containsAll(targets);
        targets.clear();
        targets.addAll(wrapped);
        return changed;
    }

    /** Replaces every run directory in {@code elements} by its RunElement, keeping the order. */
    private static List<Object> wrapRuns(Iterable<?> elements) {
        List<Object> result = new ArrayList<>();
        for (Object element : elements) {
            result.add(SpecFiles.isRunDirectory(asResource(element)) ? new RunElement((IFolder) element) : element);
        }
        return result;
    }

    private static IResource asResource(Object element) {
        return element instanceof IResource resource ? resource : null;
    }
}
