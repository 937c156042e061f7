package org.lmworkbench.ui.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * The spec form editor on the example spec: form edits appear in the Source page (and make the
 * editor dirty), Source edits appear in the form, saving writes the file; enum, boolean and swept
 * fields behave as their kinds say.
 */
class SpecFormEditorTest {

    private IProject project;
    private IFile spec;
    private String original;

    @BeforeEach
    void createProject() throws Exception {
        project = ExperimentProjects.createExampleProject("forms", null);
        UiTestSupport.waitForBuild();
        spec = project.getFile(ExperimentProjects.EXAMPLE_SPEC);
        original = UiTestSupport.readFile(spec);
    }

    @AfterEach
    void cleanUp() throws CoreException {
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void isTheDefaultEditorOfSpecsAndShowsTheFileInItsFields() throws Exception {
        SpecFormEditor editor = open(spec);
        assertEquals(SpecFormEditor.ID, editor.getSite().getId());
        SpecFormPage page = editor.settingsPage();
        assertEquals("64", text(page, "model.width").getText());
        assertEquals("0.1", text(page, "optimizer.lr").getText());
        assertEquals("example-eos", text(page, "name").getText());
        // absent keys show their default: depth is written, bias is not
        assertEquals("", page.field("model.depth").noteText());
        assertEquals("default: true", page.field("model.bias").noteText());
        assertTrue(((Button) page.field("model.bias").control()).getSelection());
        assertEquals("", text(page, "model.init_scale").getText());
        assertEquals("default: 1", page.field("model.init_scale").noteText());
        assertEquals(List.of(), page.fieldMessages().keySet().stream().toList());
        assertFalse(editor.isDirty());
    }

    @Test
    void formEditsGoIntoTheSourceAndSourceEditsIntoTheForm() throws Exception {
        SpecFormEditor editor = open(spec);
        SpecFormPage page = editor.settingsPage();
        ((TextSpecField) page.field("model.width")).setText("256");
        UiTestSupport.processEvents();

        IDocument document = editor.sourceEditor().getDocumentProvider().getDocument(editor.getEditorInput());
        // the only change to the file's text is the one value, in place
        assertEquals(original.replace("\"width\": 64,", "\"width\": 256,"), document.get());
        assertTrue(editor.isDirty());

        editor.showSource();
        int at = document.get().indexOf("\"depth\": 2");
        document.replace(at, "\"depth\": 2".length(), "\"depth\": 7");
        UiTestSupport.waitUntil("the form to show the new depth", () -> "7".equals(text(page, "model.depth").getText()));
        editor.setActivePage(SpecFormPage.ID);
        assertEquals("7", text(page, "model.depth").getText());
        assertEquals("256", text(page, "model.width").getText());

        editor.doSave(new NullProgressMonitor());
        assertFalse(editor.isDirty());
        ExperimentSpec saved = Specs.parse(UiTestSupport.readFile(spec)).singleSpec();
        ExperimentSpec expected = Specs.parse(original).singleSpec().withValue("model.width", 256).withValue("model.depth", 7);
        assertEquals(expected, saved);
    }

    @Test
    void enumsAndBooleansWriteTheirValuesAndTheDefaultEntryRemovesTheKey() throws Exception {
        SpecFormEditor editor = open(spec);
        SpecFormPage page = editor.settingsPage();
        ChoiceSpecField activation = (ChoiceSpecField) page.field("model.activation");
        activation.choose("relu");
        ((BooleanSpecField) page.field("model.bias")).setChecked(false);
        UiTestSupport.processEvents();
        String text = editor.sync().text();
        assertTrue(text.contains("    \"activation\": \"relu\",\n    \"bias\": false\n  },"), text);

        activation.choose("");
        UiTestSupport.processEvents();
        ExperimentSpec spec = Specs.parse(editor.sync().text()).singleSpec();
        assertEquals("relu", spec.get("model.activation")); // the default
        assertFalse(editor.sync().text().contains("\"activation\""));
        assertEquals(false, spec.get("model.bias"));
    }

    @Test
    void sweptKeysAreReadOnlyAndListTheirValues() throws Exception {
        String sweep = original.replace("\n  \"execution\"", "\n  \"sweep\": {\"model.width\": [32, 64, 128], \"seed\": [0, 1]},\n  \"execution\"");
        IFile swept = project.getFile("swept.lmx");
        UiTestSupport.writeFile(swept, sweep);
        UiTestSupport.waitForBuild();
        assertEquals(6, Specs.parse(sweep).runs().size());

        SpecFormEditor editor = open(swept);
        SpecFormPage page = editor.settingsPage();
        Text width = text(page, "model.width");
        assertFalse(width.getEditable());
        assertEquals("32, 64, 128", width.getText());
        assertEquals("swept: 32, 64, 128", page.field("model.width").noteText());
        assertTrue(page.field("model.width").isSwept());
        assertTrue(text(page, "model.depth").getEditable());
        assertTrue(page.sweepSummary().startsWith("A sweep of 6 runs"), page.sweepSummary());
        assertTrue(page.sweepSummary().contains("model.width: 3 values (32, 64, 128)"), page.sweepSummary());
        Screenshots.take("spec-form-sweep");
        editor.showSource();
        Screenshots.take("spec-form-source");
    }

    @Test
    void malformedSourceDisablesTheFormWithTheReason() throws Exception {
        SpecFormEditor editor = open(spec);
        SpecFormPage page = editor.settingsPage();
        IDocument document = editor.sourceEditor().getDocumentProvider().getDocument(editor.getEditorInput());
        document.replace(document.get().lastIndexOf('}'), 1, "");
        UiTestSupport.waitUntil("the form to notice", () -> !page.formMessages().isEmpty());
        assertTrue(page.formMessages().get(0).contains("malformed JSON"), page.formMessages().toString());
        assertFalse(text(page, "model.width").getEditable());
        document.replace(document.getLength(), 0, "}");
        UiTestSupport.waitUntil("the form to accept edits again", () -> text(page, "model.width").getEditable());
        assertNotEquals(original, document.get()); // the brace moved after the final newline
        assertEquals(Specs.parse(original).singleSpec(), Specs.parse(document.get()).singleSpec());
    }

    static SpecFormEditor open(IFile file) throws Exception {
        IEditorPart part = IDE.openEditor(UiTestSupport.activePage(), file);
        UiTestSupport.processEvents();
        SpecFormEditor editor = assertInstanceOf(SpecFormEditor.class, part);
        assertSame(editor.settingsPage(), editor.getActivePageInstance());
        return editor;
    }

    static Text text(SpecFormPage page, String key) {
        return (Text) page.field(key).control();
    }
}
