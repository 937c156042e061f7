package org.lmworkbench.ui.launch.tabs;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.lmworkbench.core.spec.SpecProblem;
import org.lmworkbench.launching.LaunchAttributes;
import org.lmworkbench.ui.spec.SchemaFieldFactory;
import org.lmworkbench.ui.spec.SpecField;
import org.lmworkbench.ui.spec.SpecFieldSet;
import org.lmworkbench.ui.spec.SpecProblemKeys;
import org.lmworkbench.ui.spec.SpecSections;

/**
 * A launch configuration tab showing some groups of spec fields. The configuration itself stores
 * only the spec's path; the values shown are the spec's, edits go into the dialog's shared
 * {@link SpecLaunchModel} and reach the spec file when the dialog applies them. {@link #isValid}
 * runs core's validator on the edited spec: any error makes the tab invalid, which disables Run,
 * and the message names the field (this tab's own fields first) and the problem.
 */
public abstract class SpecTab extends AbstractLaunchConfigurationTab {

    private final SpecLaunchModel model;
    private final String name;
    private final List<SpecSections> groups;
    private final List<SpecFieldSet> fieldSets = new ArrayList<>();
    private final Runnable reload = this::show;

    SpecTab(SpecLaunchModel model, String name, SpecSections... groups) {
        this.model = model;
        this.name = name;
        this.groups = List.of(groups);
    }

    /** The shared spec. */
    SpecLaunchModel model() {
        return model;
    }

    @Override
    public void createControl(Composite parent) {
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(1, false));
        createHeader(top);
        for (SpecSections group : groups) {
            Group box = new Group(top, SWT.NONE);
            box.setText(group.title());
            box.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            fieldSets.add(new SpecFieldSet(box, null, keys(group), this::edited));
        }
        setControl(top);
        model.addListener(reload);
        top.addDisposeListener(e -> model.removeListener(reload));
    }

    /** The keys of a group this tab shows as fields; a tab with a control of its own for a key leaves it out. */
    List<String> keys(SpecSections group) {
        return group.keys();
    }

    /** Room above the fields, e.g. for the spec selector. */
    void createHeader(Composite parent) {
        // most tabs have none
    }

    /** Shows the model's spec in the fields. */
    void show() {
        if (getControl() == null || getControl().isDisposed()) {
            return;
        }
        boolean editable = model.editable();
        for (SpecFieldSet set : fieldSets) {
            set.show(model.tree());
            set.setEditable(editable);
        }
    }

    private void edited(SpecField field) {
        String refusal = model.edit(field.key(), field.value());
        if (refusal != null) {
            setErrorMessage(refusal);
        }
        updateLaunchConfigurationDialog();
    }

    /** The field of a key on this tab, or null. */
    public SpecField field(String key) {
        for (SpecFieldSet set : fieldSets) {
            if (set.field(key) != null) {
                return set.field(key);
            }
        }
        return null;
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        // the spec holds every setting; the Model tab picks the spec
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        model.loadIfNeeded(SpecLaunchModel.specPath(configuration));
        show();
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(LaunchAttributes.SPEC, model.path().isEmpty() ? null : model.path());
        configuration.setMappedResources(model.file() == null ? null : new IResource[] {model.file()});
        try {
            model.apply();
        } catch (CoreException e) {
            setErrorMessage(NLS.bind(Messages.SpecTab_writeFailed, model.path(), e.getStatus().getMessage()));
        }
    }

    @Override
    public boolean isValid(ILaunchConfiguration launchConfig) {
        setErrorMessage(null);
        setWarningMessage(null);
        if (model.loadError() != null) {
            setErrorMessage(model.loadError());
            return false;
        }
        if (!model.editable()) {
            setErrorMessage(NLS.bind(Messages.SpecLaunchModel_notEditable, model.path(), model.problems().isEmpty()
                    ? "" : model.problems().get(0)));
            return false;
        }
        SpecProblem error = first(true);
        if (error != null) {
            setErrorMessage(describe(error));
            return false;
        }
        SpecProblem warning = first(false);
        if (model.appliedToEditor()) {
            // the launch reads the file: without a save these values would not be used
            setWarningMessage(NLS.bind(Messages.SpecTab_writtenToEditor, model.path()));
        } else if (warning != null && isMine(warning)) {
            setWarningMessage(describe(warning));
        }
        return true;
    }

    /** The first error (or warning), preferring those of this tab's fields. */
    private SpecProblem first(boolean errors) {
        SpecProblem any = null;
        for (SpecProblem problem : model.problems()) {
            if (problem.isError() != errors) {
                continue;
            }
            if (isMine(problem)) {
                return problem;
            }
            if (any == null) {
                any = problem;
            }
        }
        return any;
    }

    private boolean isMine(SpecProblem problem) {
        return field(SpecProblemKeys.fieldKey(problem.jsonPath())) != null;
    }

    /** "Width (Model): $.model.width: must be ..." - the field, where to find it, and core's message. */
    static String describe(SpecProblem problem) {
        String key = SpecProblemKeys.fieldKey(problem.jsonPath());
        if (key == null) {
            return problem.message();
        }
        return NLS.bind(Messages.SpecTab_problem, new Object[] {SchemaFieldFactory.label(key),
                tabOf(SpecSections.of(key)), problem.message()});
    }

    private static String tabOf(SpecSections group) {
        return group == SpecSections.GENERAL ? SpecSections.MODEL.title() : group.title();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean canSave() {
        return true; // the configuration holds only a path; the spec's errors are reported by isValid
    }
}
