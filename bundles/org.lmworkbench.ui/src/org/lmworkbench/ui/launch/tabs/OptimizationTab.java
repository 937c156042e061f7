package org.lmworkbench.ui.launch.tabs;

import org.lmworkbench.ui.spec.SpecSections;

/** The optimization fields of the configuration's spec ({@link SpecSections#OPTIMIZATION}). */
public final class OptimizationTab extends SpecTab {

    /** A tab on the dialog's shared spec. */
    OptimizationTab(SpecLaunchModel model) {
        super(model, SpecSections.OPTIMIZATION.title(), SpecSections.OPTIMIZATION);
    }
}
