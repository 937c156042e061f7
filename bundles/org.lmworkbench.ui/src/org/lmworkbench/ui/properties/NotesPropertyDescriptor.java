package org.lmworkbench.ui.properties;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.DialogCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.lmworkbench.ui.internal.Messages;

/**
 * A property edited as text of several lines: the cell shows the first line, its button opens a
 * dialog with the whole text.
 */
final class NotesPropertyDescriptor extends PropertyDescriptor {

    NotesPropertyDescriptor(Object id, String displayName) {
        super(id, displayName);
    }

    @Override
    public CellEditor createPropertyEditor(Composite parent) {
        return new DialogCellEditor(parent) {
            @Override
            protected Object openDialogBox(Control cellEditorWindow) {
                NotesDialog dialog = new NotesDialog(cellEditorWindow.getShell(), String.valueOf(getValue()));
                return dialog.open() == IDialogConstants.OK_ID ? dialog.text : null;
            }
        };
    }

    /** The dialog with the notes. */
    private static final class NotesDialog extends Dialog {
        private final String initial;
        private Text field;
        private String text;

        NotesDialog(Shell parent, String initial) {
            super(parent);
            this.initial = initial;
            setShellStyle(getShellStyle() | SWT.RESIZE);
        }

        @Override
        protected void configureShell(Shell shell) {
            super.configureShell(shell);
            shell.setText(Messages.RunProperties_notesTitle);
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite area = (Composite) super.createDialogArea(parent);
            field = new Text(area, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
            GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
            data.widthHint = 480;
            data.heightHint = 220;
            field.setLayoutData(data);
            field.setText(initial);
            return area;
        }

        @Override
        protected void okPressed() {
            text = field.getText();
            super.okPressed();
        }
    }
}
