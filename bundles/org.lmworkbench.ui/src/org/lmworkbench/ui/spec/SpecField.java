package org.lmworkbench.ui.spec;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.lmworkbench.core.spec.SpecNode;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * One spec field on a form or launch tab: a label, an input control made for the field's kind, and a
 * note that shows the default while the key is absent, or the swept values while a sweep varies the
 * key (the control is then read-only, so a form edit cannot silently override the sweep). The field
 * never writes to the spec itself: it reports edits to a listener, which edits the JSON text.
 * <p>
 * Three columns of the parent's {@code GridLayout} are used: label, control, note.
 */
public abstract class SpecField {

    /** The schema entry this field edits. */
    protected final SpecSchema.Field field;
    private Label label;
    private Label note;
    private Consumer<SpecField> listener = f -> { };
    private boolean showing;
    private boolean swept;
    private boolean editable = true;

    /** A field for one schema entry; call {@link #create} before use. */
    protected SpecField(SpecSchema.Field field) {
        this.field = field;
    }

    /** Creates the label, control and note in {@code parent}; the toolkit may be null for plain SWT. */
    public final void create(Composite parent, FormToolkit toolkit, String labelText) {
        label = toolkit == null ? new Label(parent, SWT.NONE) : toolkit.createLabel(parent, labelText);
        label.setText(labelText);
        Control control = createControl(parent, toolkit);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        // a small preferred width: a long value (the description) must not widen the whole form
        data.widthHint = 120;
        control.setLayoutData(data);
        note = toolkit == null ? new Label(parent, SWT.NONE) : toolkit.createLabel(parent, "");
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        String tip = NLS.bind(Messages.SpecField_tooltip, field.key(), SpecValueText.constraint(field));
        label.setToolTipText(tip);
        control.setToolTipText(tip);
    }

    /** Creates the input control; it must call {@link #changed()} when the user edits it. */
    protected abstract Control createControl(Composite parent, FormToolkit toolkit);

    /** Shows a value as written in the spec (the array of swept values for a swept key), or the "absent" state for null. */
    protected abstract void display(SpecNode written);

    /** Lets the user edit the control or not. */
    protected abstract void setControlEditable(boolean editable);

    /** The input control, for messages and decorations. */
    public abstract Control control();

    /**
     * The value to write for the current input: Integer, BigDecimal, Boolean, String or List of
     * String; null removes the key so that the default applies. Input that does not parse as the
     * field's kind is returned as the string typed, so the validator names the mistake.
     */
    public abstract Object value();

    /** The schema entry. */
    public SpecSchema.Field schemaField() {
        return field;
    }

    /** The dotted key. */
    public String key() {
        return field.key();
    }

    /** The label text, e.g. "Width". */
    public String labelText() {
        return label.getText();
    }

    /** True while a sweep varies this key. */
    public boolean isSwept() {
        return swept;
    }

    /** Where edits are reported. */
    public void setListener(Consumer<SpecField> listener) {
        this.listener = listener;
    }

    /** Whether the user may edit (false when the spec text cannot be edited by key). */
    public void setEditable(boolean editable) {
        this.editable = editable;
        setControlEditable(editable && !swept);
    }

    /**
     * Shows the spec's state of this key without reporting it as an edit.
     *
     * @param written the node at the key, or null when absent
     * @param sweep   the values the sweep gives the key, or null when it is not swept
     */
    public final void show(SpecNode written, SpecNode.ArrayNode sweep) {
        showing = true;
        try {
            swept = sweep != null;
            // a swept key shows its values, greyed out: the sweep, not the field, decides them
            display(swept ? sweep : written);
            setControlEditable(editable && !swept);
            String noteText;
            if (swept) {
                noteText = NLS.bind(Messages.SpecField_swept, sweep.elements().stream()
                        .map(SpecValueText::of).collect(Collectors.joining(", ")));
            } else if (written == null) {
                noteText = SpecValueText.defaultHint(field);
            } else {
                noteText = "";
            }
            note.setText(noteText);
            note.setToolTipText(noteText);
            note.getParent().layout(new Control[] {note});
        } finally {
            showing = false;
        }
    }

    /** The note beside the control (default or swept values), for tests and screen readers. */
    public String noteText() {
        return note.getText();
    }

    /** Reports a user edit, unless the edit comes from {@link #show}. */
    protected final void changed() {
        if (!showing) {
            listener.accept(this);
        }
    }

    /** Splits a comma-separated list typed by the user, dropping blanks. */
    protected static List<String> splitList(String text) {
        return List.of(text.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
