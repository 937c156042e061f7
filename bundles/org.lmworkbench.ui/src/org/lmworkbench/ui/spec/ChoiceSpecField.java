package org.lmworkbench.ui.spec;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.lmworkbench.core.spec.SpecNode;
import org.lmworkbench.core.spec.SpecSchema;
import org.lmworkbench.core.spec.TrainingSpec;

/**
 * A combo for enums (read-only: the allowed values plus a first "default" entry that removes the key)
 * and for the batch size (editable: a number or "full"). A written value that is not allowed is
 * added to the list as it is, so the form shows what the file says next to the validator's message.
 */
public final class ChoiceSpecField extends SpecField {

    private Combo combo;
    private final boolean typed;

    /** A combo for an ENUM or INT_OR_FULL entry. */
    public ChoiceSpecField(SpecSchema.Field field) {
        super(field);
        typed = field.kind() == SpecSchema.Kind.INT_OR_FULL;
    }

    @Override
    protected Control createControl(Composite parent, FormToolkit toolkit) {
        combo = new Combo(parent, typed ? SWT.DROP_DOWN | SWT.BORDER : SWT.DROP_DOWN | SWT.READ_ONLY);
        if (toolkit != null) {
            toolkit.adapt(combo, true, false);
        }
        combo.setItems(items(null).toArray(String[]::new));
        combo.addModifyListener(e -> changed());
        return combo;
    }

    private List<String> items(String extra) {
        List<String> items = new ArrayList<>();
        if (typed) {
            items.add(TrainingSpec.FULL);
        } else {
            items.add(defaultItem());
            items.addAll(field.allowed());
        }
        if (extra != null && !items.contains(extra)) {
            items.add(extra);
        }
        return items;
    }

    private String defaultItem() {
        return NLS.bind(Messages.ChoiceSpecField_defaultItem, SpecValueText.ofDefault(field.defaultValue()));
    }

    @Override
    protected void display(SpecNode written) {
        String shown = written == null ? null : SpecValueText.of(written);
        String[] items = items(typed ? null : shown).toArray(String[]::new);
        if (!List.of(items).equals(List.of(combo.getItems()))) {
            combo.setItems(items);
        }
        if (typed) {
            String text = shown == null ? "" : shown;
            if (!text.equals(combo.getText())) {
                combo.setText(text);
            }
        } else {
            combo.select(shown == null ? 0 : combo.indexOf(shown));
        }
    }

    @Override
    protected void setControlEditable(boolean editable) {
        combo.setEnabled(editable);
    }

    @Override
    public Control control() {
        return combo;
    }

    @Override
    public Object value() {
        if (typed) {
            String text = combo.getText().strip();
            return text.equals(TrainingSpec.FULL) ? text : SpecValueText.parseNumber(text, true);
        }
        int index = combo.getSelectionIndex();
        return index <= 0 ? null : combo.getItem(index);
    }

    /** Chooses a value as a user would: an allowed value, "" for the default, or typed text for the batch size. */
    public void choose(String value) {
        if (typed) {
            combo.setText(value);
        } else {
            combo.select(value.isEmpty() ? 0 : combo.indexOf(value));
            changed(); // select() sends no event, unlike a user's choice
        }
    }
}
