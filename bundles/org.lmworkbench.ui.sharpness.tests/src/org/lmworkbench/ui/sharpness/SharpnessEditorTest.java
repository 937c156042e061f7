package org.lmworkbench.ui.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.FileEditorInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.analysis.eos.EdgeOfStabilityDetector;
import org.lmworkbench.analysis.eos.EdgeOfStabilityResult;
import org.lmworkbench.analysis.eos.SharpnessSeries;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.ui.charts.ExportDropDownAction;
import org.lmworkbench.ui.charts.PlotChart;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * The sharpness page on a run trained by the real backend ({@link SharpnessFixture}): its numbers
 * against the detector called directly and against values worked out from the file by hand
 * (numpy), its series, live growth and export.
 */
class SharpnessEditorTest {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private IProject project;
    private IFolder run;

    @TempDir
    Path exportDir;

    @BeforeEach
    void copyRun() throws Exception {
        project = ExperimentProjects.createExampleProject("sharpness", null);
        run = SharpnessFixture.copyInto(project);
        UiTestSupport.waitForBuild();
    }

    @AfterEach
    void cleanUp() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    private SharpnessEditor open() throws Exception {
        IFile file = run.getFile("probes/sharpness.jsonl");
        // No editor id: the file name alone must select the sharpness editor.
        IEditorPart part = IDE.openEditor(UiTestSupport.activePage(), file);
        SharpnessEditor editor = assertInstanceOf(SharpnessEditor.class, part);
        UiTestSupport.waitUntil("the first read of the run", () -> editor.sharpnessPage().updates() > 0);
        return editor;
    }

    @Test
    void numbersAgreeWithTheDetectorAndWithTheHandComputation() throws Exception {
        SharpnessEditor editor = open();
        SharpnessNumbersSection numbers = editor.sharpnessPage().numbers();
        Path file = run.getLocation().toPath().resolve("probes/sharpness.jsonl");
        EdgeOfStabilityResult direct = new EdgeOfStabilityDetector().detect(SharpnessSeries.read(file));

        // By hand (numpy on the file): lambda_1 = 18.9499 at step 320, 19.2707 at 340 >= 0.95 * 20;
        // plateau 340..1000: 34 samples, mean 20.394938, sd 0.755631, mean ratio to 2/lr 1.019747.
        assertEquals("step 340", numbers.text(SharpnessNumbersSection.Field.END));
        assertEquals(direct.endOfSharpeningStep(), 340);
        double[] plateau = numbers(numbers.text(SharpnessNumbersSection.Field.PLATEAU));
        assertEquals(20.394938, plateau[0], 5e-5);
        assertEquals(direct.plateau().mean(), plateau[0], 5e-5);
        assertEquals(0.755631, plateau[1], 5e-5);
        assertEquals(direct.plateau().sd(), plateau[1], 5e-5);
        double ratio = numbers(numbers.text(SharpnessNumbersSection.Field.RATIO))[0];
        assertEquals(1.019747, ratio, 5e-6);
        assertEquals(direct.plateau().ratio(), ratio, 5e-6);
        assertEquals(1.0, ratio, 0.03, "the plateau sits at 2/lr");
        assertArrayEquals(new double[] {34, 51, 340, 1000}, numbers(numbers.text(SharpnessNumbersSection.Field.SAMPLES)));
        assertArrayEquals(new double[] {21.3572, 780}, numbers(numbers.text(SharpnessNumbersSection.Field.MAX)), 1e-4);
        assertEquals(320, numbers(numbers.text(SharpnessNumbersSection.Field.BREAKPOINT))[0]);

        // k = 2 eigenvalue lines + the threshold line, the loss on its own axis, the marker at 340.
        PlotChart chart = editor.sharpnessPage().plot();
        assertEquals(2, editor.sharpnessPage().eigenvalueSeries());
        List<String> ids = new ArrayList<>(chart.seriesIds());
        assertTrue(ids.containsAll(List.of("lambda1", "lambda2", "threshold", "loss")), ids.toString());
        assertEquals(51, chart.seriesX("lambda1").length);
        assertEquals(18.949915556970264, chart.seriesY("lambda1")[16], 0);
        assertEquals(51, chart.seriesY("threshold").length);
        assertEquals(20.0, chart.seriesY("threshold")[50], 0);
        List<MetricsRecord> metrics = MetricsReader.readAll(run.getLocation().toPath().resolve("metrics.jsonl"));
        assertEquals(metrics.size(), chart.seriesX("loss").length, "every metrics line has a positive train_loss");
        assertEquals(Math.log10(metrics.get(100).number("train_loss")), chart.seriesY("loss")[100], 1e-12);
        assertEquals(List.of(340.0), java.util.Arrays.stream(chart.seriesX("end-of-sharpening")).boxed().toList());
    }

    @Test
    void exportsPngSvgAndCsv() throws Exception {
        SharpnessEditor editor = open();
        PlotChart chart = editor.sharpnessPage().plot();
        Path png = exportDir.resolve("sharpness.png");
        Path svg = exportDir.resolve("sharpness.svg");
        Path csv = exportDir.resolve("sharpness.csv");
        chart.writePng(png);
        chart.writeSvg(svg);
        chart.writeCsv(csv);
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals("PNG", new String(head, 1, 3, StandardCharsets.US_ASCII));
        assertEquals("svg", DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getDocumentElement().getNodeName());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("series,x,y", lines.get(0));
        assertEquals(51, lines.stream().filter(l -> l.startsWith("lambda1,")).count());
        assertEquals(51, lines.stream().filter(l -> l.startsWith("lambda2,")).count());
        assertEquals(51, lines.stream().filter(l -> l.startsWith("threshold,")).count());
        assertTrue(lines.contains("lambda1,320.0,18.949915556970264"), "lambda_1 at step 320, exactly as in the run");
        assertTrue(lines.contains("end-of-sharpening,340.0,"), "the marker");
        // the numbers of the page follow the series, at full precision
        assertTrue(lines.contains("eos.end_of_sharpening_step,,340.0"), lines.subList(lines.size() - 16, lines.size())
                .toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("eos.plateau_mean,,20.39493")), "plateau mean");
        assertTrue(lines.contains("eos.plateau_samples,,34.0"));
        assertTrue(lines.contains("eos.max_lambda1_step,,780.0"));

        // the save dialog opens in the run's folder, not where the workbench was started
        ExportDropDownAction export = java.util.Arrays.stream(editor.sharpnessPage().getManagedForm().getForm()
                .getToolBarManager().getItems()).filter(ActionContributionItem.class::isInstance)
                .map(i -> ((ActionContributionItem) i).getAction()).filter(ExportDropDownAction.class::isInstance)
                .map(ExportDropDownAction.class::cast).findFirst().orElseThrow();
        assertSame(chart, export.chart());
        assertEquals(run.getLocation().toPath(), export.target().folder());
        assertEquals("sharpness-example-eos.png", export.target().fileName(".png"));
    }

    @Test
    void followsTheFileAsTheRunGoesOn() throws Exception {
        SharpnessEditor editor = open();
        Path file = run.getLocation().toPath().resolve("probes/sharpness.jsonl");
        // Appended as the backend appends: one complete line, outside the workspace API.
        Files.writeString(file, "{\"step\":1020,\"eigenvalues\":[19.9,19.2],\"residuals\":[1e-9,1e-9],\"hvps\":30,"
                + "\"lr\":0.1,\"threshold\":20.0,\"threshold_kind\":\"2/lr\"}\n", StandardOpenOption.APPEND);
        UiTestSupport.waitUntil("the new sample on the chart",
                () -> editor.sharpnessPage().plot().seriesX("lambda1").length == 52);
        assertEquals(1020, editor.sharpnessPage().plot().seriesX("lambda1")[51], 0);
        UiTestSupport.waitUntil("the numbers to include it", () -> editor.sharpnessPage().numbers()
                .text(SharpnessNumbersSection.Field.SAMPLES).startsWith("35 of 52"));
        double mean = numbers(editor.sharpnessPage().numbers().text(SharpnessNumbersSection.Field.PLATEAU))[0];
        assertEquals((20.394938274496937 * 34 + 19.9) / 35, mean, 5e-5);
    }

    @Test
    void aRunWithoutSamplesYetFillsInWhenTheyArrive() throws Exception {
        IFile file = run.getFile("probes/sharpness.jsonl");
        Path path = file.getLocation().toPath();
        byte[] content = Files.readAllBytes(path);
        file.delete(true, null);
        SharpnessEditor editor = assertInstanceOf(SharpnessEditor.class, IDE.openEditor(UiTestSupport.activePage(),
                new FileEditorInput(file), SharpnessEditor.ID));
        UiTestSupport.waitUntil("the first read of the run", () -> editor.sharpnessPage().updates() > 0);
        assertTrue(editor.sharpnessPage().getManagedForm().getForm().getMessage().contains("No sharpness samples yet"));
        assertEquals("\u2014", editor.sharpnessPage().numbers().text(SharpnessNumbersSection.Field.END));

        Files.write(path, content); // the probe's first lines arrive
        UiTestSupport.waitUntil("the samples on the chart", () -> editor.sharpnessPage().plot().seriesIds()
                .contains("lambda1") && editor.sharpnessPage().plot().seriesX("lambda1").length == 51);
        assertEquals("step 340", editor.sharpnessPage().numbers().text(SharpnessNumbersSection.Field.END));
        String message = editor.sharpnessPage().getManagedForm().getForm().getMessage();
        assertTrue(message == null || message.isEmpty(), message);
    }

    @Test
    void aCorruptLineIsReportedWithFileAndLine() throws Exception {
        SharpnessEditor editor = open();
        Path file = run.getLocation().toPath().resolve("probes/sharpness.jsonl");
        Files.writeString(file, "{\"step\": 1020}\n", StandardOpenOption.APPEND);
        UiTestSupport.waitUntil("the error message in the form header", () -> {
            String message = editor.sharpnessPage().getManagedForm().getForm().getMessage();
            return message != null && message.contains("sharpness.jsonl:52");
        });
        assertEquals(51, editor.sharpnessPage().plot().seriesX("lambda1").length, "what was shown stays");
    }

    /** The numbers in a label's text, in order. */
    static double[] numbers(String text) {
        Matcher m = NUMBER.matcher(text);
        List<Double> values = new ArrayList<>();
        while (m.find()) {
            values.add(Double.parseDouble(m.group()));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
