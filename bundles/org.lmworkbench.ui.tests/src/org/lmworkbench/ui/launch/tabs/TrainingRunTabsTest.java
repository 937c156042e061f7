package org.lmworkbench.ui.launch.tabs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.slurm.SlurmProfile;
import org.lmworkbench.core.slurm.SlurmProfileJson.Named;
import org.lmworkbench.core.spec.ExecutionSpec;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.launching.LaunchAttributes;
import org.lmworkbench.ui.spec.SpecFormEditor;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;
import org.lmworkbench.workspace.preferences.SlurmProfiles;

/**
 * The Training Run tabs on a configuration naming the example spec: they show the spec's values,
 * an invalid value makes every tab invalid (so Run is disabled) with a message naming the field
 * and never reaches the file, and a valid edit is written to the spec on apply.
 */
class TrainingRunTabsTest {

    private IProject project;
    private IFile spec;
    private String original;
    private Shell shell;
    private ILaunchConfigurationWorkingCopy config;
    private List<SpecTab> tabs;

    @BeforeEach
    void setUp() throws Exception {
        project = ExperimentProjects.createExampleProject("tabs", null);
        UiTestSupport.waitForBuild();
        spec = project.getFile(ExperimentProjects.EXAMPLE_SPEC);
        original = UiTestSupport.readFile(spec);
        config = launchType().newInstance(null, "tabs-test");
        config.setAttribute(LaunchAttributes.SPEC, spec.getFullPath().toString());

        TrainingRunTabGroup group = new TrainingRunTabGroup();
        group.createTabs(null, ILaunchManager.RUN_MODE);
        assertEquals(List.of("Model", "Data", "Optimization", "Probes", "Execution"),
                Arrays.stream(group.getTabs()).filter(SpecTab.class::isInstance).map(t -> t.getName()).toList());
        assertInstanceOf(CommonTab.class, group.getTabs()[5]);
        tabs = Arrays.stream(group.getTabs()).filter(SpecTab.class::isInstance).map(SpecTab.class::cast).toList();
        shell = new Shell(UiTestSupport.activePage().getWorkbenchWindow().getShell());
        for (SpecTab tab : tabs) {
            tab.createControl(shell);
            tab.initializeFrom(config);
        }
    }

    /**
     * The Training Run type once the launch work is merged; until then debug core's own launch group
     * type, since the tabs only ever touch the SPEC attribute.
     */
    private static ILaunchConfigurationType launchType() {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(LaunchAttributes.TYPE_ID);
        return type != null ? type : manager.getLaunchConfigurationType("org.eclipse.debug.core.groups.GroupLaunchConfigurationType");
    }

    @AfterEach
    void tearDown() throws CoreException {
        shell.dispose();
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void tabsShowTheSpecsValuesAndAreValid() {
        assertEquals("64", text("model.width").getText());
        assertEquals("0.1", text("optimizer.lr").getText());
        assertEquals("200", text("data.n_train").getText());
        assertEquals("20", text("probes.sharpness.every").getText());
        assertEquals("1", text("execution.threads").getText());
        assertEquals("", text("execution.jvm_memory").getText());
        assertEquals("default: 2g", tab("execution.jvm_memory").field("execution.jvm_memory").noteText());
        for (SpecTab tab : tabs) {
            assertTrue(tab.isValid(config), tab.getName() + ": " + tab.getErrorMessage());
            assertNull(tab.getErrorMessage());
        }
    }

    @Test
    void anInvalidValueDisablesRunNamesTheFieldAndIsNotWritten() throws Exception {
        text("model.width").setText("-3");
        SpecTab model = tab("model.width");
        assertFalse(model.isValid(config));
        String expected = Specs.parse(original.replace("\"width\": 64", "\"width\": -3")).errors().get(0).message();
        assertEquals("Width (Model tab): " + expected, model.getErrorMessage());
        assertTrue(expected.startsWith("$.model.width"), expected);
        // every tab is invalid, so the dialog's Run button (which needs all tabs valid) is disabled
        for (SpecTab tab : tabs) {
            assertFalse(tab.isValid(config), tab.getName());
            assertEquals(model.getErrorMessage(), tab.getErrorMessage());
        }

        text("optimizer.lr").setText("0");
        SpecTab optimization = tab("optimizer.lr");
        assertFalse(optimization.isValid(config));
        assertTrue(optimization.getErrorMessage().startsWith("Learning rate (Optimization tab): $.optimizer.lr"), optimization.getErrorMessage());

        for (SpecTab tab : tabs) {
            tab.performApply(config);
        }
        assertEquals(original, UiTestSupport.readFile(spec));
        assertFalse(project.getFolder("runs").exists() && project.getFolder("runs").members().length > 0);
    }

    @Test
    void aValidEditIsWrittenToTheSpecOnApply() throws Exception {
        text("model.width").setText("256");
        text("optimizer.lr").setText("0.05");
        text("execution.threads").setText("2");
        for (SpecTab tab : tabs) {
            assertTrue(tab.isValid(config), tab.getErrorMessage());
        }
        tabs.get(2).performApply(config);
        assertEquals(spec.getFullPath().toString(), config.getAttribute(LaunchAttributes.SPEC, ""));

        ExperimentSpec written = Specs.parse(UiTestSupport.readFile(spec)).singleSpec();
        // A resolved spec's values stand on their own, so the Slurm CPUs, which follow the threads
        // in a file, are set with them here.
        ExperimentSpec expected = Specs.parse(original).singleSpec().withValue("model.width", 256)
                .withValue("optimizer.lr", 0.05).withValue("execution.threads", 2).withValue("execution.slurm.cpus", 2);
        assertEquals(expected, written);
        assertEquals(original.replace("\"width\": 64,", "\"width\": 256,").replace("\"lr\": 0.1", "\"lr\": 0.05")
                .replace("\"threads\": 1", "\"threads\": 2"), UiTestSupport.readFile(spec));
    }

    @Test
    void aSpecOpenWithUnsavedChangesIsEditedInItsEditorNotOverwritten() throws Exception {
        SpecFormEditor editor = (SpecFormEditor) IDE.openEditor(UiTestSupport.activePage(), spec);
        IDocument document = editor.sourceEditor().getDocumentProvider().getDocument(editor.getEditorInput());
        int at = document.get().indexOf("\"depth\": 2");
        document.replace(at, "\"depth\": 2".length(), "\"depth\": 3");
        assertTrue(editor.isDirty());

        tabs.get(0).initializeFrom(config); // a tab reads what the editor shows
        assertEquals("3", text("model.depth").getText());
        text("model.width").setText("96");
        tabs.get(0).performApply(config);
        assertTrue(tabs.get(0).isValid(config));
        assertTrue(tabs.get(0).getWarningMessage().contains("unsaved changes"), tabs.get(0).getWarningMessage());
        assertEquals(original, UiTestSupport.readFile(spec));
        assertTrue(editor.isDirty());
        ExperimentSpec inEditor = Specs.parse(document.get()).singleSpec();
        assertEquals(96, inEditor.model().width());
        assertEquals(3, inEditor.model().depth());
        UiTestSupport.processEvents();
        assertEquals("96", ((Text) editor.settingsPage().field("model.width").control()).getText());
    }

    @Test
    void aConfigurationWithoutASpecOrWithAMissingOneCannotRun() throws Exception {
        config.removeAttribute(LaunchAttributes.SPEC);
        tabs.forEach(t -> t.initializeFrom(config));
        assertFalse(tabs.get(1).isValid(config));
        assertEquals("Choose the spec file to run (Model tab).", tabs.get(1).getErrorMessage());

        ((ModelTab) tabs.get(0)).setSpecPath("/tabs/nothing.lmx");
        assertFalse(tabs.get(0).isValid(config));
        assertEquals("The spec file /tabs/nothing.lmx does not exist.", tabs.get(0).getErrorMessage());

        ((ModelTab) tabs.get(0)).setSpecPath(spec.getFullPath().toString());
        assertTrue(tabs.get(3).isValid(config));
        assertEquals("64", text("model.width").getText()); // every tab followed the new choice
        tabs.get(0).performApply(config);
        assertEquals(spec.getFullPath().toString(), config.getAttribute(LaunchAttributes.SPEC, ""));
    }

    @Test
    void runOnChoosesThisMachineOrASlurmProfileAndWritesTheTargetAndTheProfile() throws Exception {
        SlurmProfiles.store(List.of(new Named("hpc", SlurmProfile.prefixed(List.of("ssh", "hpc-login"))),
                new Named("lab", SlurmProfile.local())));
        try {
            TrainingRunTabGroup group = new TrainingRunTabGroup();
            group.createTabs(null, ILaunchManager.RUN_MODE);
            ExecutionTab execution = (ExecutionTab) group.getTabs()[4];
            execution.createControl(shell);
            execution.initializeFrom(config);
            assertNull(execution.field("execution.target"), "Run on stands for execution.target");
            assertTrue(execution.field("execution.slurm.partition") != null, "the Slurm resources are fields here");

            execution.runOn("lab");
            assertTrue(execution.isValid(config), execution.getErrorMessage());
            execution.performApply(config);
            assertEquals("lab", config.getAttribute(LaunchAttributes.SLURM_PROFILE, ""));
            assertEquals(ExecutionSpec.Target.SLURM, Specs.parse(UiTestSupport.readFile(spec)).singleSpec().execution()
                    .target());

            config.setAttribute(LaunchAttributes.SLURM_PROFILE, "gone");
            execution.initializeFrom(config);
            assertFalse(execution.isValid(config));
            assertEquals("There is no Slurm profile 'gone' any more; choose another under Run on.",
                    execution.getErrorMessage());

            execution.runOn(null);
            assertTrue(execution.isValid(config), execution.getErrorMessage());
            execution.performApply(config);
            assertEquals("", config.getAttribute(LaunchAttributes.SLURM_PROFILE, ""));
            assertEquals(ExecutionSpec.Target.LOCAL, Specs.parse(UiTestSupport.readFile(spec)).singleSpec().execution()
                    .target());
        } finally {
            SlurmProfiles.store(List.of());
        }
    }

    private SpecTab tab(String key) {
        return tabs.stream().filter(t -> t.field(key) != null).findFirst().orElseThrow();
    }

    private Text text(String key) {
        return (Text) tab(key).field(key).control();
    }
}
