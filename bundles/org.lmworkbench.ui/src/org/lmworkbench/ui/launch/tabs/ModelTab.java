package org.lmworkbench.ui.launch.tabs;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.FilteredResourcesSelectionDialog;
import org.lmworkbench.launching.LaunchAttributes;
import org.lmworkbench.ui.spec.SpecSections;
import org.lmworkbench.workspace.SpecFiles;

/**
 * The first tab: which spec file the configuration runs (a workspace path, chosen with a resource
 * dialog), then the spec's general fields (name, description, seed) and its model.
 */
public final class ModelTab extends SpecTab {

    private Text specPath;
    private boolean showingPath;

    /** A tab on the dialog's shared spec. */
    ModelTab(SpecLaunchModel model) {
        super(model, Messages.ModelTab_name, SpecSections.GENERAL, SpecSections.MODEL);
    }

    @Override
    void createHeader(Composite parent) {
        Group box = new Group(parent, SWT.NONE);
        box.setText(Messages.ModelTab_spec);
        box.setLayout(new GridLayout(2, false));
        box.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        specPath = new Text(box, SWT.SINGLE | SWT.BORDER);
        specPath.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        specPath.setMessage(Messages.ModelTab_specHint);
        specPath.addModifyListener(e -> {
            if (!showingPath) {
                model().load(specPath.getText());
                updateLaunchConfigurationDialog();
            }
        });
        Button browse = createPushButton(box, Messages.ModelTab_browse, null);
        browse.addListener(SWT.Selection, e -> browse());
    }

    private void browse() {
        FilteredResourcesSelectionDialog dialog = new FilteredResourcesSelectionDialog(getShell(), false,
                ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
        dialog.setTitle(Messages.ModelTab_browseTitle);
        dialog.setInitialPattern("*." + SpecFiles.SPEC_EXTENSION);
        if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof IResource chosen) {
            specPath.setText(chosen.getFullPath().toString());
        }
    }

    @Override
    void show() {
        if (specPath != null && !specPath.isDisposed() && !specPath.getText().equals(model().path())) {
            showingPath = true;
            try {
                specPath.setText(model().path());
            } finally {
                showingPath = false;
            }
        }
        super.show();
    }

    /** Uses the selected spec file, as Run As does, so a new configuration starts on it. */
    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        IResource selected = DebugUITools.getSelectedResource();
        if (SpecFiles.isSpec(selected)) {
            configuration.setAttribute(LaunchAttributes.SPEC, selected.getFullPath().toString());
            configuration.setMappedResources(new IResource[] {selected});
        }
    }

    /** Picks a spec by workspace path as the Browse button does (for tests and keyboard users). */
    public void setSpecPath(String path) {
        specPath.setText(path);
    }
}
