package org.lmworkbench.ui.runs;

import java.nio.file.Path;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks where runs go as TensorBoard logs: a folder field, filled with the last folder used or the
 * project's {@code tensorboard/} (never the process's working folder), and Browse.
 */
public final class ExportTensorBoardDialog extends TitleAreaDialog {

    private final int runs;
    private final Path initial;
    private Text folder;
    private Path chosen;

    /**
     * @param runs    how many runs will be written
     * @param initial the folder offered
     */
    public ExportTensorBoardDialog(Shell parent, int runs, Path initial) {
        super(parent);
        this.runs = runs;
        this.initial = initial;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.ExportTensorBoard_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.ExportTensorBoard_title);
        setMessage(NLS.bind(Messages.ExportTensorBoard_message, runs));
        Composite body = new Composite(area, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new GridLayout(3, false));
        new Label(body, SWT.NONE).setText(Messages.ExportTensorBoard_folder);
        folder = new Text(body, SWT.BORDER | SWT.SINGLE);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 420;
        folder.setLayoutData(data);
        folder.setText(initial.toString());
        folder.addModifyListener(e -> validate());
        Button browse = new Button(body, SWT.PUSH);
        browse.setText(Messages.ExportTensorBoard_browse);
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog dialog = new DirectoryDialog(getShell(), SWT.SAVE);
            dialog.setFilterPath(folder.getText());
            String path = dialog.open();
            if (path != null) {
                folder.setText(path);
            }
        });
        return area;
    }

    private void validate() {
        String text = folder.getText().strip();
        String problem = text.isEmpty() ? Messages.ExportTensorBoard_noFolder
                : !Path.of(text).isAbsolute() ? Messages.ExportTensorBoard_notAbsolute : null;
        setErrorMessage(problem);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
        }
    }

    @Override
    protected void okPressed() {
        chosen = Path.of(folder.getText().strip());
        super.okPressed();
    }

    /** The folder chosen, after OK. */
    public Path folder() {
        return chosen;
    }
}
