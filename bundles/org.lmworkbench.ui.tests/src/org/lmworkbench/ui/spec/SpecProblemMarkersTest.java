package org.lmworkbench.ui.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.spec.SpecProblem;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;
import org.lmworkbench.workspace.builder.SpecMarkers;

/**
 * The spec builder: an invalid spec gets one marker per problem core reports, on the right line
 * with core's exact message; fixing the file clears them; opening a marker puts the text editor on
 * its line.
 */
class SpecProblemMarkersTest {

    /** invalid.lmx has a misspelt key (line 6), a negative depth (line 7) and an unknown loss (line 16). */
    private static final String INVALID = "resources/fixtures/specs/invalid.lmx";

    private IProject project;
    private String invalidText;

    @BeforeEach
    void createProject() throws Exception {
        project = ExperimentProjects.createExampleProject("markers", null);
        UiTestSupport.waitForBuild();
        invalidText = UiTestSupport.fixtureText(INVALID);
    }

    @AfterEach
    void cleanUp() throws CoreException {
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void autoBuildMarksEveryProblemOnItsLineWithCoresMessage() throws Exception {
        IFile spec = project.getFile("broken.lmx");
        UiTestSupport.writeFile(spec, invalidText);
        UiTestSupport.waitForBuild();

        List<IMarker> markers = markersOf(spec);
        assertEquals(List.of(6, 7, 16), markers.stream().map(m -> m.getAttribute(IMarker.LINE_NUMBER, -1)).toList());
        assertEquals(List.of("line 6, $.model.widht", "line 7, $.model.depth", "line 16, $.training.loss"),
                markers.stream().map(m -> m.getAttribute(IMarker.LOCATION, "")).toList());
        assertTrue(markers.get(0).getAttribute(IMarker.MESSAGE, "").contains("'widht'"));

        List<SpecProblem> expected = Specs.parse(invalidText).problems();
        assertEquals(expected.size(), markers.size());
        for (int i = 0; i < expected.size(); i++) {
            IMarker marker = markers.get(i);
            assertEquals(expected.get(i).message(), marker.getAttribute(IMarker.MESSAGE));
            assertEquals(expected.get(i).line(), marker.getAttribute(IMarker.LINE_NUMBER, -1));
            assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
            assertTrue(marker.isSubtypeOf(IMarker.PROBLEM));
            assertTrue(marker.isSubtypeOf(IMarker.TEXT));
        }

        UiTestSupport.writeFile(spec, fixed(invalidText));
        UiTestSupport.waitForBuild();
        assertEquals(List.of(), markersOf(spec));
    }

    @Test
    void jsonSpecsAreCheckedToo() throws Exception {
        IFile spec = project.getFile("broken.experiment.json");
        UiTestSupport.writeFile(spec, invalidText);
        UiTestSupport.waitForBuild();
        assertEquals(3, markersOf(spec).size());
        // other JSON is not a spec and is left alone
        IFile other = project.getFile("notes.json");
        UiTestSupport.writeFile(other, invalidText);
        UiTestSupport.waitForBuild();
        assertEquals(0, other.findMarkers(SpecMarkers.MARKER_TYPE, false, IResource.DEPTH_ZERO).length);
    }

    @Test
    void cleanRemovesMarkersAndFullBuildRestoresThem() throws Exception {
        IFile spec = project.getFile("broken.lmx");
        UiTestSupport.writeFile(spec, invalidText);
        UiTestSupport.waitForBuild();
        assertEquals(3, markersOf(spec).size());

        project.build(IncrementalProjectBuilder.CLEAN_BUILD, null);
        assertEquals(0, spec.findMarkers(SpecMarkers.MARKER_TYPE, false, IResource.DEPTH_ZERO).length);
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
        assertEquals(List.of(6, 7, 16), markersOf(spec).stream().map(m -> m.getAttribute(IMarker.LINE_NUMBER, -1)).toList());
    }

    @Test
    void openingAMarkerShowsTheSpecAtItsLine() throws Exception {
        IFile spec = project.getFile("broken.lmx");
        UiTestSupport.writeFile(spec, invalidText);
        UiTestSupport.waitForBuild();
        IMarker depth = markersOf(spec).get(1);

        IEditorPart editor = IDE.openEditor(UiTestSupport.activePage(), depth);
        UiTestSupport.processEvents();
        // specs open in the form editor, which shows its Source page on the marker's line
        assertEquals("org.lmworkbench.ui.spec.editor", editor.getSite().getId());
        ITextEditor text = assertInstanceOf(ITextEditor.class, editor.getAdapter(ITextEditor.class));
        ITextSelection selection = (ITextSelection) text.getSelectionProvider().getSelection();
        assertEquals(7 - 1, selection.getStartLine()); // the document counts lines from 0
        assertEquals(depth.getAttribute(IMarker.CHAR_START, -1), selection.getOffset());
        String selected = text.getDocumentProvider().getDocument(text.getEditorInput())
                .get(selection.getOffset(), selection.getLength());
        assertEquals("-2,", selected);
    }

    /** The markers of our type on a file, in line order. */
    private static List<IMarker> markersOf(IFile file) throws CoreException {
        IMarker[] markers = file.findMarkers(SpecMarkers.MARKER_TYPE, false, IResource.DEPTH_ZERO);
        return Arrays.stream(markers).sorted(Comparator.comparingInt(m -> m.getAttribute(IMarker.LINE_NUMBER, 0))).toList();
    }

    private static String fixed(String text) {
        return text.replace("\"widht\"", "\"width\"").replace("-2", "2").replace("\"hinge\"", "\"mse\"");
    }
}
