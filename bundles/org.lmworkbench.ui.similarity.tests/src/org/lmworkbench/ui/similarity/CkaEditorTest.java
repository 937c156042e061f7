package org.lmworkbench.ui.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.forms.IMessage;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.ui.editors.DocumentProblemsPage;
import org.lmworkbench.ui.testing.LaunchPrompts;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;
import org.lmworkbench.workspace.cka.CkaDocument;
import org.lmworkbench.workspace.cka.CkaDocumentReader;
import org.lmworkbench.workspace.cka.SimilarityMatrices;

/**
 * The .cka editor on runs with activations the test wrote itself, computed by the real backend in
 * a child JVM. The heatmap must hold exactly the linear CKA computed here the textbook way; model
 * B's first layer is model A's rotated and scaled (CKA exactly 1), its second a general linear map
 * of A's, its third independent noise.
 */
class CkaEditorTest {

    private static final double TOLERANCE = 1e-6;

    private IProject project;
    private double[][][] a;
    private double[][][] b;
    private double[][][] c;

    @BeforeEach
    void writeRuns() throws Exception {
        project = ExperimentProjects.createExampleProject("cka", null);
        Random random = new Random(5);
        int n = ActivationFixtures.N;
        double[][] a0 = ActivationFixtures.gaussian(random, n, 8);
        double[][] a1 = ActivationFixtures.gaussian(random, n, 16);
        double[][] a2 = ActivationFixtures.gaussian(random, n, 8);
        a = new double[][][] {a0, a1, a2};
        b = new double[][][] {ActivationFixtures.times(a0, ActivationFixtures.orthogonal(random, 8), 3.0),
                ActivationFixtures.times(a1, ActivationFixtures.gaussian(random, 16, 16), 1.0),
                ActivationFixtures.gaussian(random, n, 8)};
        c = new double[][][] {ActivationFixtures.times(a0, ActivationFixtures.gaussian(random, 8, 16), 0.5),
                ActivationFixtures.gaussian(random, n, 16),
                ActivationFixtures.times(b[2], ActivationFixtures.orthogonal(random, 8), 2.0)};
        ActivationFixtures.writeRun(project, "w8-s0", 0, 8, a);
        ActivationFixtures.writeRun(project, "w8-s1", 1, 8, b);
        ActivationFixtures.writeRun(project, "w16-s0", 0, 16, c);
        UiTestSupport.waitForBuild();
    }

    @AfterEach
    void cleanUp() throws Exception {
        Job.getJobManager().cancel(CkaComputeJob.FAMILY);
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void layerByLayerHeatmapHoldsTheLinearCkaOfEveryPair() throws Exception {
        IFile file = write("pair.cka", List.of("runs/w8-s0", "runs/w8-s1"));
        CkaEditor editor = open(file);
        assertEquals(CkaDocument.Mode.LAYERS, editor.document().mode());
        assertEquals(List.of(ActivationFixtures.LAYERS), editor.document().layersA());
        assertTrue(editor.settingsPage().canCompute());
        assertFalse(editor.isDirty());

        editor.settingsPage().pressCompute();
        waitForResult(editor);
        assertFalse(editor.isDirty(), "a computed result is no unsaved edit");
        LaunchPrompts.assertLaunchAsksNothing();
        assertNotNull(CkaDocumentReader.read(UiTestSupport.readFile(file), null).result(),
                "with nothing else unsaved, the result is written to the file at once");
        assertSame(editor.resultPage(), editor.getSelectedPage());

        double[][] expected = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                expected[i][j] = ActivationFixtures.linearCka(a[i], b[j]);
            }
        }
        assertEquals(1.0, expected[0][0], 1e-12, "a rotation times a scalar has linear CKA 1");
        assertTrue(expected[1][1] < 0.99 && expected[2][2] < 0.5, Arrays.deepToString(expected));
        double[][] shown = editor.resultPage().heatmap().values();
        assertMatrix(expected, shown);
        SimilarityMatrices.Matrix matrix = editor.resultPage().matrices().get(0);
        assertEquals(List.of(ActivationFixtures.LAYERS), matrix.rows(), "rows are model A's layers");
        assertEquals(List.of(ActivationFixtures.LAYERS), matrix.cols(), "columns are model B's layers");
        UiTestSupport.processEvents();
        HeatmapProbe.assertTooltipsShowValues(editor.resultPage().heatmap(), matrix.rows(), matrix.cols(), expected);

        // The file holds the backend's result; reopened, the editor shows it without computing.
        CkaDocument saved = CkaDocumentReader.read(UiTestSupport.readFile(file), null);
        assertEquals("cka-kernel=linear-hsic=gretton-score", saved.result().get("metric").getAsString());
        UiTestSupport.activePage().closeEditor(editor, false);
        CkaEditor reopened = open(file);
        assertSame(reopened.resultPage(), reopened.getSelectedPage());
        assertMatrix(expected, reopened.resultPage().heatmap().values());
    }

    @Test
    void modelByModelAcrossThreeRunsIsSymmetricWithOnesOnTheDiagonal() throws Exception {
        IFile file = write("three.cka", List.of("runs/w8-s0", "runs/w8-s1", "runs/w16-s0"));
        CkaEditor editor = open(file);
        assertEquals(CkaDocument.Mode.MODELS, editor.document().mode());
        CkaComputeJob job = editor.compute();
        waitForResult(editor);
        assertEquals(IStatus.OK, job.getResult().getSeverity());

        assertEquals(List.of(ActivationFixtures.LAYERS), editor.resultPage().layers());
        double[][][][] runs = {a, b, c};
        for (int layer = 0; layer < 3; layer++) {
            editor.resultPage().showMatrix(layer);
            double[][] shown = editor.resultPage().heatmap().values();
            assertEquals(3, shown.length);
            for (int i = 0; i < 3; i++) {
                assertEquals(1.0, shown[i][i], TOLERANCE, "diagonal at layer " + layer);
                for (int j = 0; j < 3; j++) {
                    assertEquals(shown[i][j], shown[j][i], TOLERANCE, "symmetry at layer " + layer);
                    assertEquals(ActivationFixtures.linearCka(runs[i][layer], runs[j][layer]), shown[i][j], TOLERANCE,
                            "layer " + layer + " runs " + i + ", " + j);
                }
            }
        }
        // c's last layer is b's rotated and scaled: CKA 1 by construction.
        editor.resultPage().showMatrix(2);
        assertEquals(1.0, editor.resultPage().heatmap().values()[1][2], TOLERANCE);
        SimilarityMatrices.Matrix first = editor.resultPage().matrices().get(0);
        assertEquals(List.of("seed=0 width=8", "seed=1 width=8", "seed=0 width=16"), first.rows(),
                "runs are labelled by the spec keys that differ");
    }

    @Test
    void invalidSettingsShowAMessageAndLeaveComputeDisabled() throws Exception {
        CkaDocument doc = CompareRepresentationsHandler.defaults(project.getLocation().toPath(),
                List.of("runs/w8-s0", "runs/w8-s1"));
        doc.setLayerPair(List.of("hidden", "attention"), List.of("hidden"));
        IFile file = project.getFile("analyses/bad-layer.cka");
        UiTestSupport.writeFile(file, doc.toJson());
        CkaEditor editor = open(file);
        assertFalse(editor.settingsPage().canCompute());
        IMessage[] messages = formMessages(editor);
        assertEquals(1, messages.length, Arrays.toString(messages));
        assertEquals("$.layers.a: no captured layer attention; available: hidden, middle, output",
                messages[0].getMessage());
        assertEquals(0, Job.getJobManager().find(CkaComputeJob.FAMILY).length);

        // Naming a captured layer instead clears the message.
        editor.document().setLayerPair(List.of("middle"), List.of("hidden"));
        editor.settingsPage().refresh();
        assertTrue(editor.settingsPage().canCompute());
        assertEquals(0, formMessages(editor).length);
    }

    @Test
    void unreadableDocumentOpensOnItsProblems() throws Exception {
        IFile file = project.getFile("analyses/broken.cka");
        UiTestSupport.writeFile(file, UiTestSupport.fixtureText("resources/fixtures/cka/wrong-types.cka"));
        CkaEditor editor = open(file);
        assertNull(editor.document());
        assertNull(editor.settingsPage());
        String shown = ((DocumentProblemsPage) editor.getSelectedPage()).shownText();
        assertTrue(shown.contains("/cka/analyses/broken.cka: line 4, column 22: $.runs[1] must be a string"), shown);
        assertEquals(5, shown.lines().count(), shown);
    }

    @Test
    void aResultComputedOverUnsavedEditsIsSavedWithThem() throws Exception {
        IFile file = write("edited.cka", List.of("runs/w8-s0", "runs/w8-s1"));
        CkaEditor editor = open(file);
        editor.document().setThreads(2);
        editor.documentChanged();
        assertTrue(editor.isDirty());

        editor.compute();
        waitForResult(editor);
        assertTrue(editor.isDirty(), "the user's edit is still unsaved");
        CkaDocument onDisk = CkaDocumentReader.read(UiTestSupport.readFile(file), null);
        assertNull(onDisk.result(), "the file is not written behind the user's back");
        assertEquals(1, onDisk.threads());

        editor.doSave(null);
        CkaDocument saved = CkaDocumentReader.read(UiTestSupport.readFile(file), null);
        assertEquals(2, saved.threads());
        assertNotNull(saved.result());
    }

    @Test
    void aChangeOnDiskReloadsTheEditorOrKeepsUnsavedEditsAndSaysSo() throws Exception {
        IFile file = write("watched.cka", List.of("runs/w8-s0", "runs/w8-s1"));
        CkaEditor editor = open(file);
        CkaDocument changed = CkaDocumentReader.read(UiTestSupport.readFile(file), null);
        changed.setMetric("cca-score");
        UiTestSupport.writeFile(file, changed.toJson());
        UiTestSupport.waitUntil("the editor to reload", () -> "cca-score".equals(editor.document().metric()));
        assertFalse(editor.isDirty());

        editor.document().setThreads(3);
        editor.documentChanged();
        changed.setMetric("procrustes-distance=angular");
        UiTestSupport.writeFile(file, changed.toJson());
        UiTestSupport.waitUntil("the heading to say the file changed", () -> heading(editor) != null);
        assertTrue(heading(editor).startsWith("The file was changed on disk. Your unsaved changes are kept"),
                heading(editor));
        assertEquals("cca-score", editor.document().metric(), "the editor keeps its own version");
        assertEquals(3, editor.document().threads());
        assertTrue(editor.isDirty());
    }

    @Test
    void fixingAnUnreadableFileOnDiskShowsTheDocument() throws Exception {
        IFile file = project.getFile("analyses/broken.cka");
        UiTestSupport.writeFile(file, UiTestSupport.fixtureText("resources/fixtures/cka/wrong-types.cka"));
        CkaEditor editor = open(file);
        assertNull(editor.document());
        UiTestSupport.writeFile(file, CompareRepresentationsHandler.defaults(project.getLocation().toPath(),
                List.of("runs/w8-s0", "runs/w8-s1")).toJson());
        UiTestSupport.waitUntil("the fixed document", () -> editor.document() != null);
        assertNotNull(editor.settingsPage());
        assertEquals(List.of("runs/w8-s0", "runs/w8-s1"), editor.document().runs());
    }

    @Test
    void deletingTheFileClosesTheEditor() throws Exception {
        IFile file = write("doomed.cka", List.of("runs/w8-s0", "runs/w8-s1"));
        CkaEditor editor = open(file);
        file.delete(true, null);
        UiTestSupport.waitUntil("the editor to close", editor::isClosed);
        assertFalse(List.of(UiTestSupport.activePage().getEditorReferences()).stream()
                .anyMatch(r -> r.getEditor(false) == editor));
    }

    /** The warning in the heading of the page showing, or null. */
    private static String heading(CkaEditor editor) {
        var form = editor.getActivePageInstance().getManagedForm().getForm();
        return form.getMessageType() == org.eclipse.jface.dialogs.IMessageProvider.NONE ? null : form.getMessage();
    }

    private IFile write(String name, List<String> runs) throws Exception {
        CkaDocument doc = CompareRepresentationsHandler.defaults(project.getLocation().toPath(), runs);
        IFile file = project.getFile("analyses/" + name);
        UiTestSupport.writeFile(file, doc.toJson());
        return file;
    }

    /** Opens with the editor the content type binds to .cka files, as a double-click does. */
    private static CkaEditor open(IFile file) throws Exception {
        IEditorPart part = IDE.openEditor(UiTestSupport.activePage(), file, true);
        UiTestSupport.processEvents();
        assertInstanceOf(CkaEditor.class, part, "the editor bound to .cka");
        return (CkaEditor) part;
    }

    /** Waits for the backend JVM and the result's arrival on the UI thread; a failure shows the backend's words. */
    static void waitForResult(CkaEditor editor) {
        UiTestSupport.waitUntil("the similarity job", () -> Job.getJobManager().find(CkaComputeJob.FAMILY).length == 0);
        UiTestSupport.processEvents();
        if (editor.document().result() == null) {
            IMessage[] messages = formMessages(editor);
            throw new AssertionError("no result; form says " + Arrays.toString(
                    Arrays.stream(messages).map(IMessage::getMessage).toArray()));
        }
        assertNotNull(editor.resultPage().heatmap().values());
        UiTestSupport.processEvents();
    }

    /** The Settings page's form messages (the form keeps null rather than an empty array). */
    static IMessage[] formMessages(CkaEditor editor) {
        IMessage[] messages = editor.settingsPage().getManagedForm().getForm().getForm().getChildrenMessages();
        return messages == null ? new IMessage[0] : messages;
    }

    static void assertMatrix(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual[i][j], TOLERANCE, "cell " + i + ", " + j);
            }
        }
    }
}
