package org.lmworkbench.ui.launch.tabs;

import org.lmworkbench.ui.spec.SpecSections;

/** The data fields of the configuration's spec ({@link SpecSections#DATA}). */
public final class DataTab extends SpecTab {

    /** A tab on the dialog's shared spec. */
    DataTab(SpecLaunchModel model) {
        super(model, SpecSections.DATA.title(), SpecSections.DATA);
    }
}
