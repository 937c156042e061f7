package org.lmworkbench.ui.launch.tabs;

import org.lmworkbench.ui.spec.SpecSections;

/** The probes fields of the configuration's spec ({@link SpecSections#PROBES}). */
public final class ProbesTab extends SpecTab {

    /** A tab on the dialog's shared spec. */
    ProbesTab(SpecLaunchModel model) {
        super(model, SpecSections.PROBES.title(), SpecSections.PROBES);
    }
}
