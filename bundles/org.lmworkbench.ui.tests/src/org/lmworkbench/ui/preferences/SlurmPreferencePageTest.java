package org.lmworkbench.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.slurm.SlurmProfile;
import org.lmworkbench.core.slurm.SlurmProfileJson.Named;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.preferences.SlurmProfiles;

/**
 * Preferences &gt; Learning Mechanics &gt; Slurm: the stored profiles are listed, removing one and
 * pressing OK stores the rest, and the profile dialog refuses what a profile cannot be.
 */
class SlurmPreferencePageTest {

    private Shell shell;

    @AfterEach
    void cleanUp() throws Exception {
        SlurmProfiles.store(List.of());
        if (shell != null) {
            shell.dispose();
        }
    }

    @Test
    void theProfilesAreListedAndWhatRemainsIsStoredOnOk() throws Exception {
        SlurmProfiles.store(List.of(new Named("hpc", SlurmProfile.prefixed(List.of("ssh", "hpc-login"))),
                new Named("lab", SlurmProfile.local())));
        shell = new Shell(PlatformUI.getWorkbench().getDisplay());
        shell.setLayout(new FillLayout());
        SlurmPreferencePage page = new SlurmPreferencePage();
        page.init(PlatformUI.getWorkbench());
        page.createControl(shell);
        shell.open();
        UiTestSupport.processEvents();

        Table table = find(page.getControl(), Table.class).get(0);
        assertEquals(2, table.getItemCount());
        assertEquals("hpc", table.getItem(0).getText(0));
        assertEquals("ssh hpc-login", table.getItem(0).getText(1));
        assertEquals("this machine", table.getItem(1).getText(1));
        assertEquals("sbatch, squeue, scancel, scontrol, sacct", table.getItem(1).getText(2));

        table.select(0);
        table.notifyListeners(SWT.Selection, null);
        Button remove = find(page.getControl(), Button.class).stream()
                .filter(b -> b.getText().equals(Messages.SlurmPreferencePage_remove)).findFirst().orElseThrow();
        assertTrue(remove.isEnabled());
        remove.notifyListeners(SWT.Selection, null);
        assertEquals(1, table.getItemCount());
        assertEquals(List.of(new Named("hpc", SlurmProfile.prefixed(List.of("ssh", "hpc-login"))),
                new Named("lab", SlurmProfile.local())), SlurmProfiles.all(), "nothing stored before OK");
        assertTrue(page.performOk());
        assertEquals(List.of(new Named("lab", SlurmProfile.local())), SlurmProfiles.all());
    }

    @Test
    void theDialogRefusesAMissingOrTakenNameAndAnEmptyCommand() {
        shell = new Shell(PlatformUI.getWorkbench().getDisplay());
        SlurmProfileDialog dialog = new SlurmProfileDialog(shell, null, Set.of("lab"));
        dialog.setBlockOnOpen(false);
        dialog.open();
        // The title area's message is a read-only Text too; the fields are the editable ones.
        List<Text> fields = find(dialog.getShell(), Text.class).stream()
                .filter(t -> (t.getStyle() & SWT.READ_ONLY) == 0).toList();
        assertEquals(7, fields.size(), "name, prefix and five commands");
        Button ok = dialog.getShell().getDefaultButton();
        assertEquals(IDialogConstants.OK_LABEL, ok.getText());
        assertFalse(ok.isEnabled(), "a new profile needs a name");
        assertEquals("The profile needs a name.", dialog.getErrorMessage());

        fields.get(0).setText("lab");
        assertEquals("There is a profile 'lab' already.", dialog.getErrorMessage());
        fields.get(0).setText("cluster");
        fields.get(1).setText("ssh  -o BatchMode=yes login1");
        fields.get(3).setText(" ");
        assertFalse(ok.isEnabled());
        assertEquals("every Slurm command of a profile needs a name", dialog.getErrorMessage());
        fields.get(3).setText("/opt/slurm/bin/squeue");
        assertTrue(ok.isEnabled());
        assertNull(dialog.getErrorMessage());
        ok.notifyListeners(SWT.Selection, null);
        assertEquals(Window.OK, dialog.getReturnCode());
        assertEquals(new Named("cluster", new SlurmProfile(List.of("ssh", "-o", "BatchMode=yes", "login1"), "sbatch",
                "/opt/slurm/bin/squeue", "scancel", "scontrol", "sacct", SlurmProfile.DEFAULT_TIMEOUT)), dialog.result());
    }

    private static <T extends Control> List<T> find(Control root, Class<T> type) {
        List<T> found = new ArrayList<>();
        if (type.isInstance(root)) {
            found.add(type.cast(root));
        }
        if (root instanceof Composite c) {
            for (Control child : c.getChildren()) {
                found.addAll(find(child, type));
            }
        }
        return found;
    }
}
