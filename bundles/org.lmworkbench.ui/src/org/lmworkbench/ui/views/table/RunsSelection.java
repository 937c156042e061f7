package org.lmworkbench.ui.views.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.ui.runs.RunFolders;
import org.lmworkbench.workspace.runs.table.RunSummary;

/**
 * The runs table's selection as the workbench sees it: the {@link RunElement}s of the selected runs
 * (a group's row stands for its runs), as the Project Explorer gives them. So the Runs view charts
 * them, the Properties view shows one, and the Analyses menu and run commands apply to them. Runs
 * outside the workspace are left out.
 */
final class RunsSelection implements ISelectionProvider {

    private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
    private final Supplier<List<RunSummary>> runs;

    /** @param runs the runs selected in the table now */
    RunsSelection(Supplier<List<RunSummary>> runs) {
        this.runs = runs;
    }

    @Override
    public ISelection getSelection() {
        List<RunElement> elements = new ArrayList<>();
        for (RunSummary run : runs.get()) {
            RunElement element = RunFolders.element(run.folder());
            if (element != null) {
                elements.add(element);
            }
        }
        return new StructuredSelection(elements);
    }

    /** The table selects what it is told through its own widget; selections set from outside are ignored. */
    @Override
    public void setSelection(ISelection selection) {
        // the table follows the workbench's selection through its query, not by selecting rows
    }

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.remove(listener);
    }

    /** Tells the listeners that the table's selection changed. */
    void fire() {
        SelectionChangedEvent event = new SelectionChangedEvent(this, getSelection());
        for (ISelectionChangedListener l : listeners) {
            l.selectionChanged(event);
        }
    }
}
