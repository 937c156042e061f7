package org.lmworkbench.ui.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.spec.SpecProblem;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;
import org.lmworkbench.workspace.builder.SpecMarkers;

/**
 * Invalid values typed into the form: core's message is attached to the field in the form's message
 * manager, saving puts the builder's marker in the Problems view on the value's line, and opening
 * the marker shows the Source page on that line.
 */
class SpecFormValidationTest {

    private IProject project;
    private IFile spec;

    @BeforeEach
    void createProject() throws Exception {
        project = ExperimentProjects.createExampleProject("formcheck", null);
        UiTestSupport.waitForBuild();
        spec = project.getFile(ExperimentProjects.EXAMPLE_SPEC);
    }

    @AfterEach
    void cleanUp() throws CoreException {
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void anInvalidWidthIsAnErrorOnTheWidthFieldAndAMarkerOnItsLineAfterSaving() throws Exception {
        SpecFormEditor editor = SpecFormEditorTest.open(spec);
        SpecFormPage page = editor.settingsPage();
        ((TextSpecField) page.field("model.width")).setText("-3");
        UiTestSupport.processEvents();

        String text = editor.sync().text();
        List<SpecProblem> problems = Specs.parse(text).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(List.of(problems.get(0).message()), page.fieldMessages().get("model.width"));
        assertTrue(problems.get(0).message().startsWith("$.model.width"), problems.get(0).message());
        assertEquals(IMessageProvider.ERROR, page.getManagedForm().getForm().getMessageType());
        Screenshots.take("spec-form-invalid-width");

        editor.doSave(new NullProgressMonitor());
        UiTestSupport.waitForBuild();
        IMarker[] markers = spec.findMarkers(SpecMarkers.MARKER_TYPE, false, IResource.DEPTH_ZERO);
        assertEquals(1, markers.length);
        int line = text.lines().toList().indexOf("    \"width\": -3,") + 1;
        assertTrue(line > 1);
        assertEquals(line, markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
        assertEquals(problems.get(0).message(), markers[0].getAttribute(IMarker.MESSAGE));

        IEditorPart reopened = IDE.openEditor(UiTestSupport.activePage(), markers[0]);
        UiTestSupport.processEvents();
        assertSame(editor, reopened);
        assertSame(editor.sourceEditor(), editor.getActiveEditor());
        ITextSelection selection = (ITextSelection) editor.sourceEditor().getSelectionProvider().getSelection();
        assertEquals(line - 1, selection.getStartLine());
    }

    @Test
    void aZeroLearningRateAndAnUnknownKeyAreReportedWhereTheyBelong() throws Exception {
        SpecFormEditor editor = SpecFormEditorTest.open(spec);
        SpecFormPage page = editor.settingsPage();
        ((TextSpecField) page.field("optimizer.lr")).setText("0");
        ((TextSpecField) page.field("model.depth")).setText("two");
        UiTestSupport.processEvents();
        assertTrue(page.fieldMessages().get("optimizer.lr").get(0).startsWith("$.optimizer.lr"));
        assertTrue(page.fieldMessages().get("model.depth").get(0).contains("\"two\""), page.fieldMessages().toString());

        // an unknown key written in the source has no field: it is reported for the whole form
        var document = editor.sourceEditor().getDocumentProvider().getDocument(editor.getEditorInput());
        int at = document.get().indexOf("\"depth\"");
        document.replace(at, 0, "\"widht\": 3,\n    ");
        UiTestSupport.waitUntil("the form to re-validate", () -> !page.formMessages().isEmpty());
        assertTrue(page.formMessages().get(0).contains("'widht'"), page.formMessages().toString());

        // fixing the values in the form clears their messages
        ((TextSpecField) page.field("optimizer.lr")).setText("0.05");
        ((TextSpecField) page.field("model.depth")).setText("");
        UiTestSupport.processEvents();
        assertFalse(page.fieldMessages().containsKey("optimizer.lr"), page.fieldMessages().toString());
        assertFalse(page.fieldMessages().containsKey("model.depth"), page.fieldMessages().toString());
        assertEquals(1, page.formMessages().size(), page.formMessages().toString());
        assertFalse(editor.sync().text().contains("\"depth\""));
    }
}
