package org.lmworkbench.ui.spec;

import java.util.function.Consumer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.SectionPart;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ColumnLayoutData;
import org.eclipse.ui.forms.widgets.Section;
import org.lmworkbench.core.spec.SpecNode;

/**
 * One titled, collapsible section of the settings page (Model, Data, ...) holding the fields of
 * one {@link SpecSections} group. Edits are not kept here: they go straight into the source document,
 * so the part itself is never dirty and the editor's dirty state is the document's.
 */
public final class SpecSectionPart extends SectionPart {

    private final SpecSections group;
    private final SpecFieldSet fields;

    /** Creates the section and its fields in {@code parent}. */
    public SpecSectionPart(Composite parent, FormToolkit toolkit, SpecSections group, Consumer<SpecField> listener) {
        super(parent, toolkit, Section.TITLE_BAR | Section.DESCRIPTION | Section.TWISTIE | Section.EXPANDED);
        this.group = group;
        Section section = getSection();
        section.setText(group.title());
        section.setDescription(group.description());
        section.setLayoutData(new ColumnLayoutData());
        Composite client = toolkit.createComposite(section);
        fields = new SpecFieldSet(client, toolkit, group.keys(), listener);
        toolkit.paintBordersFor(client);
        section.setClient(client);
    }

    /** The group shown. */
    public SpecSections group() {
        return group;
    }

    /** The fields. */
    public SpecFieldSet fields() {
        return fields;
    }

    /** Shows a spec tree (null when the text is unreadable: fields keep their last values). */
    public void show(SpecNode.ObjectNode root) {
        if (root != null) {
            fields.show(root);
        }
    }
}
