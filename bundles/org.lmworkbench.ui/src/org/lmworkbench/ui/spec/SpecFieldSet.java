package org.lmworkbench.ui.spec;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.lmworkbench.core.spec.SpecNode;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * The fields of some keys laid out in one composite, shown from a spec tree and reporting edits to
 * one listener. Both the form editor's sections and the launch tabs are made of these.
 */
public final class SpecFieldSet {

    private final Map<String, SpecField> fields = new LinkedHashMap<>();

    /**
     * Creates the fields of {@code keys} in {@code parent}, whose layout becomes a three-column grid.
     *
     * @param toolkit  form toolkit for the form editor, or null for plain SWT (launch tabs)
     * @param listener told about every user edit
     */
    public SpecFieldSet(Composite parent, FormToolkit toolkit, List<String> keys, Consumer<SpecField> listener) {
        GridLayout layout = new GridLayout(3, false);
        layout.horizontalSpacing = 8;
        parent.setLayout(layout);
        for (String key : keys) {
            SpecField field = SchemaFieldFactory.field(key);
            field.create(parent, toolkit, SchemaFieldFactory.label(key));
            field.setListener(listener);
            fields.put(key, field);
        }
    }

    /** Shows a spec tree: each key's written value, or its default, or its swept values. */
    public void show(SpecNode.ObjectNode root) {
        SpecNode.ObjectNode sweep = root != null && root.get(SpecSchema.SWEEP) instanceof SpecNode.ObjectNode s ? s : null;
        for (SpecField field : fields.values()) {
            SpecNode written = root == null ? null : root.find(field.key());
            SpecNode.ArrayNode swept = sweep != null && sweep.get(field.key()) instanceof SpecNode.ArrayNode a ? a : null;
            field.show(written, swept);
        }
    }

    /** Allows or forbids edits, e.g. while the source text is not valid JSON. */
    public void setEditable(boolean editable) {
        fields.values().forEach(f -> f.setEditable(editable));
    }

    /** The field of a key, or null when this set does not show it. */
    public SpecField field(String key) {
        return fields.get(key);
    }

    /** All fields in schema order. */
    public Collection<SpecField> fields() {
        return Collections.unmodifiableCollection(fields.values());
    }
}
