package org.lmworkbench.ui.spec;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.lmworkbench.core.spec.SpecNode;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * A check box. While the key is absent it shows the default (and the note says so); clicking it
 * writes the value explicitly. A value of the wrong type shows unchecked, with the validator's message.
 */
public final class BooleanSpecField extends SpecField {

    private Button check;

    /** A check box for a BOOLEAN entry. */
    public BooleanSpecField(SpecSchema.Field field) {
        super(field);
    }

    @Override
    protected Control createControl(Composite parent, FormToolkit toolkit) {
        check = toolkit == null ? new Button(parent, SWT.CHECK) : toolkit.createButton(parent, "", SWT.CHECK);
        check.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> changed()));
        return check;
    }

    @Override
    protected void display(SpecNode written) {
        if (written == null) {
            check.setSelection(Boolean.TRUE.equals(field.defaultValue()));
        } else {
            check.setSelection(written instanceof SpecNode.BooleanNode b && b.value());
        }
    }

    @Override
    protected void setControlEditable(boolean editable) {
        check.setEnabled(editable);
    }

    @Override
    public Control control() {
        return check;
    }

    @Override
    public Object value() {
        return check.getSelection();
    }

    /** Sets the box as a user's click would. */
    public void setChecked(boolean value) {
        check.setSelection(value);
        changed();
    }
}
