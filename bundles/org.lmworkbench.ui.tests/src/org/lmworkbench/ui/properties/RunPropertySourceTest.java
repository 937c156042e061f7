package org.lmworkbench.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;
import org.lmworkbench.workspace.runs.LossFormat;

/** The Properties view source of a run: status, execution, versions and the resolved spec. */
class RunPropertySourceTest {

    private RunElement run;

    @BeforeEach
    void copyRun() throws Exception {
        IProject project = ExperimentProjects.createExampleProject("properties", null);
        UiTestSupport.copyFixtureFolder("resources/fixtures/runs/eos-001", project.getFolder("runs/eos-001"));
        UiTestSupport.waitForBuild();
        run = new RunElement(project.getFolder("runs/eos-001"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void statusExecutionAndVersionsComeFromStatusJson() {
        IPropertySource source = Adapters.adapt(run, IPropertySource.class);
        assertNotNull(source);
        assertEquals("completed", source.getPropertyValue(RunPropertySource.STATE));
        assertEquals("2000 / 2000", source.getPropertyValue(RunPropertySource.STEPS));
        assertEquals("0.0123", source.getPropertyValue(RunPropertySource.LOSS));
        assertEquals("2026-11-20T09:14:05Z", source.getPropertyValue(RunPropertySource.STARTED));
        assertEquals("2026-11-20T09:15:41Z", source.getPropertyValue(RunPropertySource.ENDED));
        assertEquals("cpu", source.getPropertyValue(RunPropertySource.DEVICE));
        assertEquals("1", source.getPropertyValue(RunPropertySource.THREADS));
        assertEquals("41872", source.getPropertyValue(RunPropertySource.PID));
        assertEquals("0.1.0", source.getPropertyValue(RunPropertySource.BACKEND_VERSION));
        assertEquals("0.35.1", source.getPropertyValue(RunPropertySource.DJL_VERSION));
        assertEquals("2.7.1-cpu", source.getPropertyValue(RunPropertySource.LIBTORCH_VERSION));

        Map<Object, String> categories = Arrays.stream(source.getPropertyDescriptors())
                .collect(Collectors.toMap(IPropertyDescriptor::getId, IPropertyDescriptor::getCategory));
        assertEquals("Status", categories.get(RunPropertySource.STATE));
        assertEquals("Execution", categories.get(RunPropertySource.DEVICE));
        assertEquals("Versions", categories.get(RunPropertySource.DJL_VERSION));
    }

    @Test
    void specKeysAreFlattenedDotted() {
        IPropertySource source = Adapters.adapt(run, IPropertySource.class);
        Map<Object, IPropertyDescriptor> byId = Arrays.stream(source.getPropertyDescriptors())
                .collect(Collectors.toMap(IPropertyDescriptor::getId, Function.identity()));
        assertEquals("0.05", source.getPropertyValue("spec.optimizer.lr"));
        assertEquals("64", source.getPropertyValue("spec.model.width"));
        assertEquals("full", source.getPropertyValue("spec.training.batch_size"));
        assertEquals("2", source.getPropertyValue("spec.probes.sharpness.top_k"));
        assertEquals("Spec", byId.get("spec.optimizer.lr").getCategory());
        assertEquals("optimizer.lr", byId.get("spec.optimizer.lr").getDisplayName());
    }

    @Test
    void nameTagsAndNotesEditedHereAreInTheRunFoldersMetaJson() throws Exception {
        IPropertySource source = Adapters.adapt(run, IPropertySource.class);
        Map<Object, IPropertyDescriptor> byId = Arrays.stream(source.getPropertyDescriptors())
                .collect(Collectors.toMap(IPropertyDescriptor::getId, Function.identity()));
        assertEquals("Run", byId.get(RunPropertySource.TAGS).getCategory());
        assertNotNull(byId.get(RunPropertySource.TAGS).createPropertyEditor(
                UiTestSupport.activePage().getWorkbenchWindow().getShell()), "tags are editable");
        assertEquals(null, byId.get(RunPropertySource.STATE).createPropertyEditor(
                UiTestSupport.activePage().getWorkbenchWindow().getShell()), "the record is not");
        assertEquals("", source.getPropertyValue(RunPropertySource.TAGS));

        source.setPropertyValue(RunPropertySource.TAGS, "baseline, eos ,baseline");
        source.setPropertyValue(RunPropertySource.NAME, "lr 0.05 baseline");
        source.setPropertyValue(RunPropertySource.NOTES, "sharpness hovers at 2/lr\nrerun with lr 0.1");
        java.nio.file.Path meta = run.folder().getLocation().toPath().resolve("meta.json");
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(meta))
                .getAsJsonObject();
        assertEquals("[\"baseline\",\"eos\"]", o.get("tags").toString());
        assertEquals("lr 0.05 baseline", o.get("name").getAsString());
        assertEquals("sharpness hovers at 2/lr\nrerun with lr 0.1", o.get("notes").getAsString());
        assertEquals("baseline, eos", Adapters.adapt(run, IPropertySource.class).getPropertyValue(RunPropertySource.TAGS),
                "a new source reads the file back");
        UiTestSupport.waitUntil("meta.json in the workspace", () -> run.folder().getFile("meta.json").exists());
        assertEquals("eos-001 \u201clr 0.05 baseline\u201d [baseline, eos]",
                org.lmworkbench.ui.navigator.RunLabels.name(run), "the Project Explorer's label");

        boolean[] told = {false};
        org.lmworkbench.ui.testing.Widgets.answerNextDialog(dialog -> {
            told[0] = true;
            org.lmworkbench.ui.testing.Widgets.press(dialog, "OK");
        });
        source.setPropertyValue(RunPropertySource.TAGS, "a,b\tc");
        org.junit.jupiter.api.Assertions.assertTrue(told[0], "the user is told why");
        assertEquals("[\"baseline\",\"eos\"]", com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(meta))
                .getAsJsonObject().get("tags").toString(), "a value that cannot be stored leaves the file as it was");
    }

    @Test
    void anImportedRunShowsWhereItCameFrom() throws Exception {
        java.nio.file.Path folder = run.folder().getLocation().toPath();
        java.nio.file.Files.delete(folder.resolve("spec.json"));
        java.nio.file.Files.writeString(folder.resolve("import.json"), """
                {"format": "tensorboard", "source": "/logs", "files": ["/logs/run_a/events.out.tfevents.1.h.1.0"],
                 "imported": "2026-12-07T20:50:00Z", "metrics": {"loss/train": "loss_train"}, "steps": 50,
                 "points": 160, "replaced": 0, "skipped": {"histogram": 5}, "torn": []}
                """);
        run.folder().refreshLocal(org.eclipse.core.resources.IResource.DEPTH_INFINITE, null);
        IPropertySource source = Adapters.adapt(run, IPropertySource.class);
        assertEquals("tensorboard", source.getPropertyValue(RunPropertySource.IMPORT_PREFIX + "format"));
        assertEquals("/logs", source.getPropertyValue(RunPropertySource.IMPORT_PREFIX + "source"));
        assertEquals("loss_train", source.getPropertyValue(RunPropertySource.IMPORT_PREFIX + "metric.loss/train"));
        assertEquals("160 / 50", source.getPropertyValue(RunPropertySource.IMPORT_PREFIX + "points"));
        assertEquals("{histogram=5}", source.getPropertyValue(RunPropertySource.IMPORT_PREFIX + "skipped"));
    }

    @Test
    void lossesAreShortAndExact() {
        assertEquals("0.0123", LossFormat.format(0.0123));
        assertEquals("1.235", LossFormat.format(1.23456));
        assertEquals("2.5e-7", LossFormat.format(2.5e-7));
        assertEquals("NaN", LossFormat.format(Double.NaN));
        assertEquals("inf", LossFormat.format(Double.POSITIVE_INFINITY));
    }
}
