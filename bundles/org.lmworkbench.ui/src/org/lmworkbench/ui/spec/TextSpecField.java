package org.lmworkbench.ui.spec;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.lmworkbench.core.spec.SpecNode;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * A text box for integers, numbers, strings and string lists (comma-separated). Numbers use a text
 * box rather than a spinner so that any value can be typed, including out-of-range ones: the
 * validator then names the problem next to the field instead of the widget silently clamping it.
 */
public final class TextSpecField extends SpecField {

    private Text text;

    /** A text field for an INT, NUMBER, STRING or STRING_LIST entry. */
    public TextSpecField(SpecSchema.Field field) {
        super(field);
    }

    @Override
    protected Control createControl(Composite parent, FormToolkit toolkit) {
        int style = SWT.SINGLE | SWT.BORDER;
        text = toolkit == null ? new Text(parent, style) : toolkit.createText(parent, "", style);
        text.addModifyListener(e -> changed());
        return text;
    }

    @Override
    protected void display(SpecNode written) {
        String shown = SpecValueText.of(written);
        if (!shown.equals(text.getText())) {
            text.setText(shown);
        }
    }

    @Override
    protected void setControlEditable(boolean editable) {
        text.setEditable(editable);
        text.setEnabled(editable);
    }

    @Override
    public Control control() {
        return text;
    }

    @Override
    public Object value() {
        String typed = text.getText();
        return switch (field.kind()) {
            case INT -> SpecValueText.parseNumber(typed, true);
            case NUMBER -> SpecValueText.parseNumber(typed, false);
            case STRING_LIST -> typed.isBlank() ? null : splitList(typed);
            default -> typed.isEmpty() ? null : typed;
        };
    }

    /** Types into the box as a user would (one modify event), for tests and programmatic edits. */
    public void setText(String value) {
        text.setText(value);
    }
}
