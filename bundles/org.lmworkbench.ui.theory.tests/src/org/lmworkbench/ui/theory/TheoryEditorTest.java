package org.lmworkbench.ui.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * The theory editor on a run whose probe files are written here: modes 1 and 2 follow Saxe et al.'s
 * sigmoid exactly (strengths 3 and 2 from u0 = 1e-3 at lr 0.01, the REFERENCES setting, whose
 * half-times are (1/(2 s lr)) ln(s/u0 - 1) = 133.4 and 190.0 steps), mode 3 starts at 0.8, above half
 * its strength 1, where the prediction does not apply; two feature lines for one layer.
 */
class TheoryEditorTest {

    private static final double LR = 0.01;
    private static final double[] S = {3, 2, 1};

    private IProject project;
    private IFolder run;

    @BeforeEach
    void writeRun() throws Exception {
        project = ExperimentProjects.createExampleProject("theory", null);
        run = project.getFolder("runs").getFolder("r1");
        UiTestSupport.writeFile(run.getFile("spec.json"), ExperimentSpec.withDefaults("r1", LR).toJson());
        StringBuilder modes = new StringBuilder();
        for (int t = 0; t <= 450; t++) {
            double u1 = sigmoid(S[0], t);
            double u2 = sigmoid(S[1], t);
            modes.append(String.format(Locale.ROOT,
                    "{\"step\": %d, \"strengths\": [3.0, 2.0, 1.0], \"projections\": [%.17g, %.17g, 0.8],"
                            + " \"input_whiteness\": 0.0}%n", t, u1, u2));
        }
        UiTestSupport.writeFile(run.getFile("probes/modes.jsonl"), modes.toString());
        UiTestSupport.writeFile(run.getFile("probes/features.jsonl"), """
                {"step": 0, "examples": 64, "nfa": {"hidden1": 0.5}, "fact": {"hidden1": -0.2}, "fact_residual": {"hidden1": 1.3}}
                {"step": 100, "examples": 64, "nfa": {"hidden1": 0.97}, "fact": {"hidden1": 0.9991}, "fact_residual": {"hidden1": 0.002}}
                """);
        UiTestSupport.waitForBuild();
    }

    private static double sigmoid(double s, double t) {
        return s / (1 + (s / 1e-3 - 1) * Math.exp(-2 * s * LR * t));
    }

    @AfterEach
    void cleanUp() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    private TheoryEditor open(String file) throws Exception {
        IEditorPart part = IDE.openEditor(UiTestSupport.activePage(), run.getFile("probes/" + file));
        TheoryEditor editor = assertInstanceOf(TheoryEditor.class, part, "the file name selects the theory editor");
        UiTestSupport.waitUntil("the theory editor to read the run", () -> !editor.isLoading());
        UiTestSupport.processEvents();
        return editor;
    }

    @Test
    void predictedAndMeasuredHalfTimesOfEachMode() throws Exception {
        TheoryEditor editor = open("modes.jsonl");
        assertEquals(ModesPage.ID, editor.getActivePageInstance().getId(), "opened on the modes page");
        Table table = editor.modesPage().table();
        assertEquals(3, table.getItemCount());
        assertRow(table.getItem(0), "1", "3.000", "0.001000", "133.4");
        assertRow(table.getItem(1), "2", "2.000", "0.001000", "190.0");
        for (int k = 0; k < 2; k++) {
            double predicted = Double.parseDouble(table.getItem(k).getText(3));
            double measured = Double.parseDouble(table.getItem(k).getText(4));
            assertEquals(predicted, measured, 0.15, "the measured curve is the sigmoid itself");
        }
        assertEquals("\u2013", table.getItem(2).getText(3), "no prediction from a start above s/2");
        assertEquals("0.0", table.getItem(2).getText(4), "mode 3 is above half its strength from the start");
        assertTrue(table.getItem(2).getText(6).contains("does not apply"), table.getItem(2).getText(6));
        var chart = editor.modesPage().chart();
        assertTrue(chart.seriesIds().containsAll(java.util.List.of("measured-0", "predicted-0", "measured-2")));
        assertFalse(chart.seriesIds().contains("predicted-2"));
        double[] predicted = chart.seriesY("predicted-1");
        assertEquals(sigmoid(2, 190), predicted[190], 1e-9);
    }

    @Test
    void featureCorrelationsPerLayerAgainstStep() throws Exception {
        TheoryEditor editor = open("features.jsonl");
        assertEquals(FeaturesPage.ID, editor.getActivePageInstance().getId());
        Table table = editor.featuresPage().table();
        assertEquals(1, table.getItemCount());
        assertRow(table.getItem(0), "hidden1", "0.9991", "0.002000", "0.9700");
        var chart = editor.featuresPage().chart();
        assertEquals(java.util.List.of(0.0, 100.0),
                java.util.Arrays.stream(chart.seriesX("fact-hidden1")).boxed().toList());
        assertEquals(0.97, chart.seriesY("nfa-hidden1")[1], 0);
    }

    private static void assertRow(TableItem item, String... expected) {
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], item.getText(c), "column " + c + " of the row of " + item.getText(0));
        }
    }
}
