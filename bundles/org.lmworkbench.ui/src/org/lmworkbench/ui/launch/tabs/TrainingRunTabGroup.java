package org.lmworkbench.ui.launch.tabs;

import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTabGroup;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;

/**
 * The tabs of a Training Run configuration: Model (with the spec selector), Data, Optimization,
 * Probes, Execution and the common tab. The spec tabs share one {@link SpecLaunchModel}, so edits
 * on several tabs accumulate in one spec text.
 */
public final class TrainingRunTabGroup extends AbstractLaunchConfigurationTabGroup {

    private final SpecLaunchModel model = new SpecLaunchModel();

    /** Created by the debug UI from the tab group extension. */
    public TrainingRunTabGroup() {
        // tabs are made in createTabs
    }

    @Override
    public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
        setTabs(new ILaunchConfigurationTab[] {new ModelTab(model), new DataTab(model), new OptimizationTab(model),
            new ProbesTab(model), new ExecutionTab(model), new CommonTab()});
    }

    /** Selecting (or reverting) a configuration re-reads its spec, dropping edits not yet applied. */
    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        model.load(SpecLaunchModel.specPath(configuration));
        super.initializeFrom(configuration);
    }
}
