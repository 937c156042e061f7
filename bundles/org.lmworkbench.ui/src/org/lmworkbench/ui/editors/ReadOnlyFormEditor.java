package org.lmworkbench.ui.editors;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * An analysis editor that only shows what runs wrote (sharpness probes, a sweep's losses): it is
 * never dirty and has nothing to save, so closing it never asks, and Save As is not offered.
 */
public abstract class ReadOnlyFormEditor extends AnalysisEditor {

    @Override
    public final void doSave(IProgressMonitor monitor) {
        // nothing to save: the files belong to the runs
    }

    @Override
    public final void doSaveAs() {
        // not offered, see isSaveAsAllowed
    }

    @Override
    public final boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public final boolean isDirty() {
        return false;
    }
}
