package org.lmworkbench.ui.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.fit.FitResultModel;

/**
 * The uncertainty the fit page states for the example learning curve
 * ({@code resources/fixtures/fit/data-scaling.csv}: the final test losses of the example project's
 * {@code data-scaling.lmx}, seven training-set sizes, as {@code lmw sweep} trained them). With 200
 * bootstrap refits the offset E collapses to about 1e-14 in some of them and A spreads over a
 * factor of 50, so the interval, read off the refits' percentiles, is what the page reports; the
 * spread of E and A is a factor on the log scale, and the page says how each number is computed.
 */
class FitSpreadTest {

    private IProject project;

    @BeforeEach
    void createProject() throws Exception {
        UiTestSupport.cleanWorkspace();
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("fit-spread");
        project.create(null);
        project.open(null);
        UiTestSupport.writeFile(project.getFile("data-scaling.csv"),
                UiTestSupport.fixtureText("resources/fixtures/fit/data-scaling.csv"));
    }

    @AfterEach
    void clean() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void intervalsArePercentilesOfTheRefitsAndAmplitudesSpreadByAFactor() throws Exception {
        IFile file = project.getFile("data-scaling.fit");
        UiTestSupport.writeFile(file, """
                {"version": 1,
                 "source": {"csv": "data-scaling.csv", "x": ["n_train"], "y": "test_loss"},
                 "form": "power_law",
                 "settings": {"huber_delta": 0.001, "grid": "default", "bootstrap": 200, "seed": 0,
                              "drop_highest": 0}}
                """);
        FitEditor editor = assertInstanceOf(FitEditor.class, IDE.openEditor(UiTestSupport.activePage(), file, true));
        editor.settingsPage().fitButton().notifyListeners(SWT.Selection, new Event());
        FitJob job = editor.job();
        assertNotNull(job);
        UiTestSupport.waitUntil("the fit", () -> job.getResult() != null);
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage());
        // the results page builds its table when it is first shown, which may come after the job ends
        UiTestSupport.waitUntil("the table", () -> editor.resultsPage().parameterTable() != null
                && editor.resultsPage().parameterTable().getItemCount() == 3);

        FitResultModel m = editor.document().result();
        double[][] refits = m.resamples();
        assertEquals(200, refits.length);
        TableItem[] rows = editor.resultsPage().parameterTable().getItems();
        for (int k = 0; k < 3; k++) {
            double[] sorted = column(refits, k);
            Arrays.sort(sorted);
            // numpy's default percentile: linear between order statistics at h = (n - 1) q
            assertEquals(FitResultsPage.format(percentile(sorted, 0.025)), rows[k].getText(3), m.names().get(k));
            assertEquals(FitResultsPage.format(percentile(sorted, 0.975)), rows[k].getText(4), m.names().get(k));
        }
        double a = m.params()[1];
        double lower = Double.parseDouble(rows[1].getText(3));
        double upper = Double.parseDouble(rows[1].getText(4));
        assertTrue(upper / lower > 20, "A is poorly determined by seven points: " + lower + " .. " + upper);

        double[] logA = Arrays.stream(column(refits, 1)).map(Math::log).toArray();
        double factor = Math.exp(sd(logA));
        assertEquals("\u00d7/\u00f7 " + String.format(java.util.Locale.ROOT, "%.3g", factor), rows[1].getText(2));
        assertTrue(lower >= a / Math.pow(factor, 3) && upper <= a * Math.pow(factor, 3),
                "the factor agrees with the interval: " + a + " x/ " + factor + " vs " + lower + " .. " + upper);
        assertTrue(rows[2].getText(2).startsWith("\u00b1 "), "alpha keeps its standard deviation");
        assertEquals(sd(column(refits, 2)), Double.parseDouble(rows[2].getText(2).substring(2)),
                1e-5 * sd(column(refits, 2)));

        String note = editor.resultsPage().methodText();
        assertTrue(note.contains("percentiles of the 200 bootstrap refits"), note);
        assertTrue(note.contains("Spread of E, A: \u00d7/\u00f7 exp(standard deviation of the logarithm"), note);
        assertTrue(note.contains("Spread of alpha: \u00b1 the standard deviation"), note);
    }

    private static double[] column(double[][] rows, int k) {
        return Arrays.stream(rows).mapToDouble(r -> r[k]).toArray();
    }

    private static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double sd(double[] v) {
        double mean = Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
    }
}
