package org.lmworkbench.ui.editors;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.ScrolledForm;

/**
 * The only page of a document editor whose file cannot be read: every problem with its line and
 * JSON path, so the file can be fixed in a text editor (Open With &gt; Text Editor); the editor
 * reloads when the file is saved fixed.
 */
public final class DocumentProblemsPage extends FormPage {

    /** Page id. */
    public static final String ID = "problems";

    private final String problems;
    private Text text;

    /** A page listing {@code problems}. */
    public DocumentProblemsPage(FormEditor editor, String problems) {
        super(editor, ID, Messages.DocumentProblemsPage_title);
        this.problems = problems;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        form.setText(Messages.DocumentProblemsPage_heading);
        form.setMessage(Messages.DocumentProblemsPage_message, IMessageProvider.ERROR);
        managedForm.getToolkit().decorateFormHeading(form.getForm());
        form.getBody().setLayout(new GridLayout());
        text = managedForm.getToolkit().createText(form.getBody(), problems,
                SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    }

    /** The problems as shown. */
    public String shownText() {
        return text.getText();
    }
}
