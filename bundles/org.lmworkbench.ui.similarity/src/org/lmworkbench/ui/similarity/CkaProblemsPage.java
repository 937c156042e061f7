package org.lmworkbench.ui.similarity;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.lmworkbench.workspace.cka.CkaFormatException;

/**
 * The only page of a .cka editor whose file cannot be read: every problem with its line and JSON
 * path, so the file can be fixed in a text editor (Open With &gt; Text Editor).
 */
final class CkaProblemsPage extends FormPage {

    /** Page id. */
    static final String ID = "problems";

    private final CkaFormatException error;
    private Text text;

    CkaProblemsPage(FormEditor editor, CkaFormatException error) {
        super(editor, ID, Messages.CkaProblemsPage_title);
        this.error = error;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        form.setText(Messages.CkaProblemsPage_heading);
        form.setMessage(Messages.CkaProblemsPage_message, IMessageProvider.ERROR);
        managedForm.getToolkit().decorateFormHeading(form.getForm());
        form.getBody().setLayout(new GridLayout());
        text = managedForm.getToolkit().createText(form.getBody(), error.getMessage(),
                SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    }

    /** The problems as shown. */
    String shownText() {
        return text.getText();
    }
}
