package org.lmworkbench.ui.preferences;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.lmworkbench.core.slurm.SlurmProfile;
import org.lmworkbench.core.slurm.SlurmProfileJson.Named;

/**
 * Edits one Slurm profile: its name, the prefix that runs the commands elsewhere (words separated
 * by blanks, such as {@code ssh login1}) and the five commands. OK stays disabled while a value is
 * unusable, and the message says which.
 */
final class SlurmProfileDialog extends TitleAreaDialog {

    private final Named initial;
    private final Set<String> takenNames;
    private Text name;
    private Text prefix;
    private Text sbatch;
    private Text squeue;
    private Text scancel;
    private Text scontrol;
    private Text sacct;
    private Named result;

    /**
     * @param initial    the profile to edit, or null for a new one
     * @param takenNames names of the other profiles, which this one may not take
     */
    SlurmProfileDialog(Shell shell, Named initial, Set<String> takenNames) {
        super(shell);
        this.initial = initial;
        this.takenNames = takenNames;
    }

    /** The edited profile after OK. */
    Named result() {
        return result;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(initial == null ? Messages.SlurmProfileDialog_newTitle : Messages.SlurmProfileDialog_editTitle);
        setMessage(Messages.SlurmProfileDialog_message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite box = new Composite(area, SWT.NONE);
        box.setLayout(new GridLayout(2, false));
        box.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SlurmProfile p = initial == null ? SlurmProfile.local() : initial.profile();
        name = field(box, Messages.SlurmProfileDialog_name, initial == null ? "" : initial.name());
        prefix = field(box, Messages.SlurmProfileDialog_prefix, String.join(" ", p.prefix()));
        prefix.setMessage(Messages.SlurmProfileDialog_prefixHint);
        sbatch = field(box, "sbatch:", p.sbatch());
        squeue = field(box, "squeue:", p.squeue());
        scancel = field(box, "scancel:", p.scancel());
        scontrol = field(box, "scontrol:", p.scontrol());
        sacct = field(box, "sacct:", p.sacct());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    private Text field(Composite box, String label, String value) {
        new Label(box, SWT.NONE).setText(label);
        Text text = new Text(box, SWT.SINGLE | SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 360;
        text.setLayoutData(data);
        text.setText(value);
        text.addModifyListener(e -> check());
        return text;
    }

    /** Builds the profile from the fields, or says what is wrong; OK follows. */
    private void check() {
        if (getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        String problem = null;
        result = null;
        String n = name.getText();
        if (n.isBlank()) {
            problem = Messages.SlurmProfileDialog_noName;
        } else if (!n.equals(n.strip())) {
            problem = Messages.SlurmProfileDialog_blankName;
        } else if (takenNames.contains(n)) {
            problem = NLS.bind(Messages.SlurmProfileDialog_taken, n);
        } else {
            try {
                List<String> words = prefix.getText().isBlank() ? List.of()
                        : Arrays.asList(prefix.getText().strip().split("\\s+"));
                result = new Named(n, new SlurmProfile(words, sbatch.getText().strip(), squeue.getText().strip(),
                        scancel.getText().strip(), scontrol.getText().strip(), sacct.getText().strip(),
                        initial == null ? SlurmProfile.DEFAULT_TIMEOUT : timeout()));
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        setErrorMessage(problem);
        getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
    }

    private Duration timeout() {
        return initial.profile().timeout();
    }

    @Override
    protected boolean isResizable() {
        return true;
    }
}
