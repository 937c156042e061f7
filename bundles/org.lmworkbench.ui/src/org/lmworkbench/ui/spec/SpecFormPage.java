package org.lmworkbench.ui.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.IMessageManager;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ColumnLayout;
import org.eclipse.ui.forms.widgets.ColumnLayoutData;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.lmworkbench.core.spec.SpecDocument;
import org.lmworkbench.core.spec.SpecJsonEditor;
import org.lmworkbench.core.spec.SpecProblem;
import org.lmworkbench.core.spec.SpecReader;
import org.lmworkbench.core.spec.Specs;

/**
 * The "Settings" page: every field of the spec in sections (General, Model, Data, Optimization,
 * Probes, Execution) and a sweep summary. It shows the source document and writes every edit into
 * it; after each change it validates the whole text with core (the same check as the builder and the
 * command line) and attaches each problem to its field through the form's message manager. Problems
 * without a field (unknown keys, malformed JSON) show in the form heading.
 */
public final class SpecFormPage extends FormPage {

    /** The page id. */
    public static final String ID = "org.lmworkbench.ui.spec.settings";

    private final SpecFormEditor editor;
    private final List<SpecSectionPart> parts = new ArrayList<>();
    private final Map<String, List<String>> fieldMessages = new LinkedHashMap<>();
    private final List<String> formMessages = new ArrayList<>();
    private Label sweepText;

    /** The page of a spec editor. */
    public SpecFormPage(SpecFormEditor editor) {
        super(editor, ID, Messages.SpecFormPage_title);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        FormToolkit toolkit = managedForm.getToolkit();
        toolkit.decorateFormHeading(form.getForm());
        form.getToolBarManager().add(new SpecRunAction(editor));
        form.getToolBarManager().update(true);
        Composite body = form.getBody();
        // Two columns when the editor is wide, one when it shares the window with the Runs view.
        ColumnLayout layout = new ColumnLayout();
        layout.minNumColumns = 1;
        layout.maxNumColumns = 2;
        layout.horizontalSpacing = 12;
        body.setLayout(layout);
        for (SpecSections group : SpecSections.values()) {
            SpecSectionPart part = new SpecSectionPart(body, toolkit, group, this::fieldEdited);
            managedForm.addPart(part);
            parts.add(part);
            if (group == SpecSections.GENERAL) {
                createSweepSection(body, toolkit);
            }
        }
        sourceChanged(editor.sync().text());
    }

    private void createSweepSection(Composite body, FormToolkit toolkit) {
        Section section = toolkit.createSection(body, Section.TITLE_BAR | Section.DESCRIPTION | Section.TWISTIE | Section.EXPANDED);
        section.setText(Messages.SpecFormPage_sweepTitle);
        section.setDescription(Messages.SpecFormPage_sweepDescription);
        section.setLayoutData(new ColumnLayoutData());
        sweepText = toolkit.createLabel(section, "", SWT.WRAP);
        section.setClient(sweepText);
    }

    /** Shows new source text in every field and re-validates. */
    public void sourceChanged(String text) {
        if (parts.isEmpty() || getManagedForm() == null || getManagedForm().getForm().isDisposed()) {
            return; // not created yet: createFormContent shows the text
        }
        SpecDocument document = new SpecReader().read(text);
        for (SpecSectionPart part : parts) {
            part.show(document.root());
        }
        sweepText.setText(SweepSummary.of(document.root()));
        validate(text);
        getManagedForm().getForm().reflow(true);
    }

    private void fieldEdited(SpecField field) {
        String refusal = editor.sync().apply(field.key(), field.value());
        if (refusal != null) {
            sourceChanged(editor.sync().text()); // puts the field back and shows why
            return;
        }
        validate(editor.sync().text());
    }

    private void validate(String text) {
        IMessageManager messages = getManagedForm().getMessageManager();
        messages.setAutoUpdate(false);
        messages.removeAllMessages();
        fieldMessages.clear();
        formMessages.clear();
        Optional<String> refusal = SpecJsonEditor.refusal(text);
        parts.forEach(p -> p.fields().setEditable(refusal.isEmpty()));
        if (refusal.isPresent()) {
            String message = NLS.bind(Messages.SpecFormPage_sourceUnreadable, refusal.get());
            formMessages.add(message);
            messages.addMessage("source", message, null, IMessageProvider.ERROR);
        } else {
            List<SpecProblem> problems = Specs.parse(text).problems();
            for (int i = 0; i < problems.size(); i++) {
                report(messages, i, problems.get(i));
            }
        }
        messages.update();
        messages.setAutoUpdate(true);
        getManagedForm().getForm().setText(NLS.bind(Messages.SpecFormPage_heading, editor.getPartName()));
    }

    private void report(IMessageManager messages, int index, SpecProblem problem) {
        int type = problem.isError() ? IMessageProvider.ERROR : IMessageProvider.WARNING;
        SpecField field = field(SpecProblemKeys.fieldKey(problem.jsonPath()));
        if (field != null) {
            messages.addMessage(field.key() + "#" + index, problem.message(), problem, type, field.control());
            fieldMessages.computeIfAbsent(field.key(), k -> new ArrayList<>()).add(problem.message());
        } else {
            messages.addMessage("spec#" + index, problem.message(), problem, type);
            formMessages.add(problem.message());
        }
    }

    /** The field showing a key, or null. */
    public SpecField field(String key) {
        if (key == null) {
            return null;
        }
        for (SpecSectionPart part : parts) {
            SpecField field = part.fields().field(key);
            if (field != null) {
                return field;
            }
        }
        return null;
    }

    /** The sections, in page order. */
    public List<SpecSectionPart> parts() {
        return Collections.unmodifiableList(parts);
    }

    /** The messages attached to each field's control by the last validation, by dotted key. */
    public Map<String, List<String>> fieldMessages() {
        return Collections.unmodifiableMap(fieldMessages);
    }

    /** The messages shown for the whole form (no field to attach them to). */
    public List<String> formMessages() {
        return Collections.unmodifiableList(formMessages);
    }

    /** The sweep summary as shown. */
    public String sweepSummary() {
        return sweepText.getText();
    }
}
