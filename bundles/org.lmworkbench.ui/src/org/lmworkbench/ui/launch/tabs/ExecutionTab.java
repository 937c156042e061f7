package org.lmworkbench.ui.launch.tabs;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.lmworkbench.core.slurm.SlurmProfileJson.Named;
import org.lmworkbench.core.spec.ExecutionSpec;
import org.lmworkbench.core.spec.SpecNode;
import org.lmworkbench.launching.LaunchAttributes;
import org.lmworkbench.ui.spec.SpecSections;
import org.lmworkbench.workspace.preferences.SlurmProfiles;

/**
 * The execution fields of the configuration's spec ({@link SpecSections#EXECUTION}), under a
 * "Run on" choice: this machine, or one of the Slurm profiles of the preferences. Choosing writes
 * {@code execution.target} into the spec (the Slurm resources are the {@code execution.slurm}
 * fields below it) and the profile into the configuration, since how this machine reaches the
 * cluster is not the experiment's business.
 */
public final class ExecutionTab extends SpecTab {

    private static final String TARGET = "execution.target";

    private final List<String> profileNames = new ArrayList<>();
    private Combo runOn;
    private Label hint;
    private String profile = "";
    private String profilesProblem;
    private boolean showing;

    /** A tab on the dialog's shared spec. */
    ExecutionTab(SpecLaunchModel model) {
        super(model, SpecSections.EXECUTION.title(), SpecSections.EXECUTION);
    }

    /** The Run on combo stands for {@code execution.target}. */
    @Override
    List<String> keys(SpecSections group) {
        return group.keys().stream().filter(k -> !k.equals(TARGET)).toList();
    }

    @Override
    void createHeader(Composite parent) {
        Group box = new Group(parent, SWT.NONE);
        box.setText(Messages.ExecutionTab_runOn);
        box.setLayout(new GridLayout(2, false));
        box.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        runOn = new Combo(box, SWT.READ_ONLY | SWT.DROP_DOWN);
        runOn.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        hint = new Label(box, SWT.WRAP);
        hint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        runOn.addListener(SWT.Selection, e -> {
            if (!showing) {
                choose(runOn.getSelectionIndex());
            }
        });
        loadProfiles();
    }

    private void loadProfiles() {
        profileNames.clear();
        profilesProblem = null;
        try {
            SlurmProfiles.all().stream().map(Named::name).forEach(profileNames::add);
        } catch (CoreException e) {
            profilesProblem = e.getStatus().getMessage();
        }
        List<String> items = new ArrayList<>();
        items.add(Messages.ExecutionTab_thisMachine);
        profileNames.forEach(n -> items.add(NLS.bind(Messages.ExecutionTab_profile, n)));
        runOn.setItems(items.toArray(String[]::new));
        hint.setText(profileNames.isEmpty() ? Messages.ExecutionTab_noProfiles : "");
    }

    /** Index 0 is this machine, index i the profile i - 1. */
    private void choose(int index) {
        boolean slurm = index > 0;
        String refusal = model().edit(TARGET, slurm ? ExecutionSpec.Target.SLURM.jsonName()
                : ExecutionSpec.Target.LOCAL.jsonName());
        profile = slurm ? profileNames.get(index - 1) : "";
        if (refusal != null) {
            setErrorMessage(refusal);
        }
        show();
        updateLaunchConfigurationDialog();
    }

    /** Selects the Run on entry of a profile, or this machine for null (tests and keyboard users). */
    public void runOn(String profileName) {
        choose(profileName == null ? 0 : profileNames.indexOf(profileName) + 1);
    }

    @Override
    void show() {
        super.show();
        if (runOn == null || runOn.isDisposed()) {
            return;
        }
        showing = true;
        try {
            if (!slurmTarget()) {
                runOn.select(0);
            } else {
                int at = profileNames.indexOf(profile);
                runOn.select(at >= 0 ? at + 1 : profile.isEmpty() && !profileNames.isEmpty() ? 1 : -1);
            }
        } finally {
            showing = false;
        }
    }

    private boolean slurmTarget() {
        SpecNode.ObjectNode tree = model().tree();
        return tree != null && tree.find(TARGET) instanceof SpecNode.StringNode s
                && s.value().equals(ExecutionSpec.Target.SLURM.jsonName());
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            profile = configuration.getAttribute(LaunchAttributes.SLURM_PROFILE, "");
        } catch (CoreException e) {
            profile = "";
        }
        super.initializeFrom(configuration);
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        super.performApply(configuration);
        configuration.setAttribute(LaunchAttributes.SLURM_PROFILE, profile.isEmpty() ? null : profile);
    }

    /** A Slurm target needs a profile that exists; the spec's own problems come first. */
    @Override
    public boolean isValid(ILaunchConfiguration launchConfig) {
        boolean valid = super.isValid(launchConfig);
        if (!valid || !slurmTarget()) {
            return valid;
        }
        if (profilesProblem != null) {
            setErrorMessage(profilesProblem);
            return false;
        }
        if (profileNames.isEmpty()) {
            setErrorMessage(Messages.ExecutionTab_noProfiles);
            return false;
        }
        if (!profile.isEmpty() && !profileNames.contains(profile)) {
            setErrorMessage(NLS.bind(Messages.ExecutionTab_missingProfile, profile));
            return false;
        }
        return true;
    }
}
