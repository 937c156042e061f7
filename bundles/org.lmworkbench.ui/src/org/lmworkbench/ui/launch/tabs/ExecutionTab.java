package org.lmworkbench.ui.launch.tabs;

import org.lmworkbench.ui.spec.SpecSections;

/** The execution fields of the configuration's spec ({@link SpecSections#EXECUTION}). */
public final class ExecutionTab extends SpecTab {

    /** A tab on the dialog's shared spec. */
    ExecutionTab(SpecLaunchModel model) {
        super(model, SpecSections.EXECUTION.title(), SpecSections.EXECUTION);
    }
}
