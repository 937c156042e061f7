package org.lmworkbench.ui.preferences;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.lmworkbench.core.slurm.SlurmProfile;
import org.lmworkbench.core.slurm.SlurmProfileJson.Named;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.workspace.preferences.SlurmProfiles;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Window &gt; Preferences &gt; Learning Mechanics &gt; Slurm: the profiles through which Training
 * Runs are submitted to clusters (Run on: on the Execution tab). A profile names the sbatch, squeue,
 * scancel, scontrol and sacct commands and, when the workbench runs on a machine that shares the
 * file system with the cluster but is not a login node, a prefix such as {@code ssh login1}. The
 * list is kept headless by the workspace bundle ({@link SlurmProfiles}).
 */
public final class SlurmPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    /** The page id in plugin.xml. */
    public static final String ID = "org.lmworkbench.ui.preferences.slurm";

    private final List<Named> profiles = new ArrayList<>();
    private Table table;
    private Button edit;
    private Button remove;

    /** Created by the preference dialog. */
    public SlurmPreferencePage() {
        setDescription(Messages.SlurmPreferencePage_description);
        noDefaultButton();
    }

    @Override
    public void init(IWorkbench workbench) {
        try {
            profiles.addAll(SlurmProfiles.all());
        } catch (CoreException e) {
            setErrorMessage(e.getStatus().getMessage());
        }
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(2, false));
        table = new Table(top, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 160;
        table.setLayoutData(data);
        for (String title : new String[] {Messages.SlurmPreferencePage_name, Messages.SlurmPreferencePage_prefix,
            Messages.SlurmPreferencePage_commands}) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(title);
            column.setWidth(160);
        }
        Composite buttons = new Composite(top, SWT.NONE);
        buttons.setLayout(new GridLayout(1, true));
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        Button add = button(buttons, Messages.SlurmPreferencePage_add);
        edit = button(buttons, Messages.SlurmPreferencePage_edit);
        remove = button(buttons, Messages.SlurmPreferencePage_remove);
        add.addListener(SWT.Selection, e -> edit(-1));
        edit.addListener(SWT.Selection, e -> edit(table.getSelectionIndex()));
        remove.addListener(SWT.Selection, e -> remove(table.getSelectionIndex()));
        table.addListener(SWT.Selection, e -> updateButtons());
        table.addListener(SWT.DefaultSelection, e -> edit(table.getSelectionIndex()));
        Label note = new Label(top, SWT.WRAP);
        note.setText(Messages.SlurmPreferencePage_note);
        GridData noteData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        noteData.widthHint = 400;
        note.setLayoutData(noteData);
        show();
        return top;
    }

    private static Button button(Composite parent, String text) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return b;
    }

    private void edit(int index) {
        Named current = index >= 0 && index < profiles.size() ? profiles.get(index) : null;
        Set<String> taken = new HashSet<>();
        profiles.stream().filter(p -> p != current).forEach(p -> taken.add(p.name()));
        SlurmProfileDialog dialog = new SlurmProfileDialog(getShell(), current, taken);
        if (dialog.open() == Window.OK && dialog.result() != null) {
            if (current == null) {
                profiles.add(dialog.result());
            } else {
                profiles.set(index, dialog.result());
            }
            show();
        }
    }

    private void remove(int index) {
        if (index >= 0 && index < profiles.size()) {
            profiles.remove(index);
            show();
        }
    }

    private void show() {
        if (table == null || table.isDisposed()) {
            return;
        }
        int selected = table.getSelectionIndex();
        table.removeAll();
        for (Named n : profiles) {
            SlurmProfile p = n.profile();
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {n.name(), p.prefix().isEmpty() ? Messages.SlurmPreferencePage_here
                    : String.join(" ", p.prefix()), String.join(", ", p.sbatch(), p.squeue(), p.scancel(),
                            p.scontrol(), p.sacct())});
        }
        if (selected >= 0 && selected < profiles.size()) {
            table.select(selected);
        }
        updateButtons();
    }

    private void updateButtons() {
        boolean one = table.getSelectionIndex() >= 0;
        edit.setEnabled(one);
        remove.setEnabled(one);
    }

    @Override
    public boolean performOk() {
        try {
            SlurmProfiles.store(profiles);
            return true;
        } catch (BackingStoreException e) {
            UiPlugin.log(NLS.bind(Messages.SlurmPreferencePage_storeFailed, e.getMessage()), e);
            setErrorMessage(NLS.bind(Messages.SlurmPreferencePage_storeFailed, e.getMessage()));
            return false;
        }
    }
}
