package org.lmworkbench.ui.wizards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.core.runtime.content.IContentTypeManager;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.spec.ExampleSpecs;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentNature;
import org.lmworkbench.workspace.ExperimentProjects;
import org.lmworkbench.workspace.builder.SpecMarkers;

/**
 * The New Experiment Project wizard, driven through its real page in a real dialog, and the
 * public creation API the product calls at first start.
 */
class NewExperimentProjectWizardTest {

    @AfterEach
    void cleanUp() throws CoreException {
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void wizardCreatesProjectWithNatureBuilderFoldersAndExampleSpec() throws Exception {
        NewExperimentProjectWizard wizard = new NewExperimentProjectWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            WizardNewProjectCreationPage page = wizard.getMainPage();
            assertEquals(NewExperimentProjectWizard.PAGE_NAME, page.getName());
            // Typing into the name field is what a user does; the page validates on every keystroke.
            firstText(page.getControl()).setText("wizard-experiments");
            assertEquals("wizard-experiments", page.getProjectName());
            assertTrue(page.isPageComplete(), page.getErrorMessage());
            assertTrue(wizard.performFinish());
        } finally {
            dialog.close();
        }

        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("wizard-experiments");
        assertEquals(project, wizard.getCreatedProject());
        assertTrue(project.isOpen());
        assertTrue(project.hasNature("org.lmworkbench.experimentNature"));
        assertInstanceOf(ExperimentNature.class, project.getNature(ExperimentNature.ID));
        ICommand[] buildSpec = project.getDescription().getBuildSpec();
        assertEquals(1, buildSpec.length, Arrays.toString(buildSpec));
        assertEquals("org.lmworkbench.specBuilder", buildSpec[0].getBuilderName());
        assertTrue(project.getFolder("runs").exists());
        assertTrue(project.getFolder("analyses").exists());

        IFile spec = project.getFile("example-eos.lmx");
        assertTrue(spec.exists());
        assertEquals(ExampleSpecs.exampleEos(), UiTestSupport.readFile(spec));

        // The wizard opens the spec in the default spec editor (the form editor).
        IEditorPart editor = UiTestSupport.activePage().getActiveEditor();
        assertNotNull(editor);
        assertEquals(spec, ((IFileEditorInput) editor.getEditorInput()).getFile());
        assertEquals("org.lmworkbench.ui.spec.editor", editor.getSite().getId());

        // core's example is valid, so the builder leaves no markers on it
        UiTestSupport.waitForBuild();
        assertEquals(0, project.findMarkers(SpecMarkers.MARKER_TYPE, true, IResource.DEPTH_INFINITE).length);
    }

    @Test
    void exampleProjectApiCreatesTheSameProjectAndRefusesDuplicates() throws Exception {
        IProject project = ExperimentProjects.createExampleProject("first-start", null);
        assertTrue(ExperimentNature.isExperimentProject(project));
        assertEquals(ExampleSpecs.exampleEos(), UiTestSupport.readFile(project.getFile(ExperimentProjects.EXAMPLE_SPEC)));
        assertTrue(project.getFolder("runs").exists());
        assertTrue(project.getFolder("analyses").exists());
        assertThrows(CoreException.class, () -> ExperimentProjects.createExampleProject("first-start", null));
    }

    @Test
    void removingTheNatureRemovesTheBuilder() throws Exception {
        IProject project = ExperimentProjects.createExampleProject("nature-off", null);
        UiTestSupport.waitForBuild();
        var description = project.getDescription();
        description.setNatureIds(new String[0]);
        project.setDescription(description, null);
        assertFalse(project.hasNature(ExperimentNature.ID));
        assertEquals(0, project.getDescription().getBuildSpec().length);
    }

    @Test
    void specFilesHaveTheSpecContentTypeAndOpenInTheSpecEditor() {
        IContentType lmx = Platform.getContentTypeManager().findContentTypeFor("sweep.lmx");
        IContentType json = Platform.getContentTypeManager().findContentTypeFor("eos.experiment.json");
        assertEquals("org.lmworkbench.spec", lmx.getId());
        assertEquals("org.lmworkbench.spec", json.getId());
        assertTrue(lmx.isKindOf(Platform.getContentTypeManager().getContentType(IContentTypeManager.CT_TEXT)));
        IContentType other = Platform.getContentTypeManager().findContentTypeFor("package.json");
        assertTrue(other == null || !"org.lmworkbench.spec".equals(other.getId()));
        IEditorDescriptor editor = PlatformUI.getWorkbench().getEditorRegistry().getDefaultEditor("sweep.lmx", lmx);
        assertEquals("org.lmworkbench.ui.spec.editor", editor.getId());
    }

    private static Text firstText(Control control) {
        if (control instanceof Text text) {
            return text;
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Text found = firstText(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
