package org.lmworkbench.workspace.builder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.spec.SpecProblem;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.workspace.internal.Messages;
import org.lmworkbench.workspace.internal.WorkspacePlugin;

/**
 * Turns the problems core finds in a spec file into persistent problem markers, replacing those of
 * the previous check. Markers carry the line (so the Problems view and the editor ruler place them),
 * a character range (so the editor underlines the offending value) and the JSON path as location.
 */
public final class SpecMarkers {

    /** The marker type, a sub-type of problem and text markers (see plugin.xml). */
    public static final String MARKER_TYPE = "org.lmworkbench.specProblem";

    /** Identifies this builder as the source of the markers, for tools that group by origin. */
    private static final String SOURCE_ID = "org.lmworkbench.specBuilder";

    private SpecMarkers() {
    }

    /**
     * Validates one spec and replaces its markers with the problems found.
     *
     * @return the problems, in file order
     */
    public static List<SpecProblem> check(IFile spec, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, 2);
        String text = read(spec);
        // Specs.parse is what the command line uses, so both report exactly the same problems.
        List<SpecProblem> problems = Specs.parse(text).problems();
        progress.worked(1);
        spec.deleteMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO);
        LineTable lines = new LineTable(text);
        for (SpecProblem problem : problems) {
            spec.createMarker(MARKER_TYPE, attributes(problem, lines));
        }
        progress.worked(1);
        return problems;
    }

    /** The marker attributes for one problem, set in one call so the marker appears in one delta. */
    static Map<String, Object> attributes(SpecProblem problem, LineTable lines) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(IMarker.MESSAGE, problem.message());
        attributes.put(IMarker.SEVERITY, problem.isError() ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING);
        // The Problems view shows LOCATION instead of "line N" when it is set, so it carries both.
        attributes.put(IMarker.LOCATION, problem.line() > 0
                ? NLS.bind(Messages.SpecMarkers_location, problem.line(), problem.jsonPath())
                : problem.jsonPath());
        attributes.put(IMarker.SOURCE_ID, SOURCE_ID);
        if (problem.line() > 0) {
            attributes.put(IMarker.LINE_NUMBER, problem.line());
            int[] range = lines.range(problem.line(), problem.column());
            if (range != null) {
                attributes.put(IMarker.CHAR_START, range[0]);
                attributes.put(IMarker.CHAR_END, range[1]);
            }
        } else {
            // Problems with no place in the file still need a line for the editor to jump to.
            attributes.put(IMarker.LINE_NUMBER, 1);
        }
        return attributes;
    }

    private static String read(IFile file) throws CoreException {
        String charset = file.getCharset();
        try (InputStream in = file.getContents(true)) {
            return new String(in.readAllBytes(), Charset.forName(charset));
        } catch (IOException e) {
            throw new CoreException(WorkspacePlugin.error(e.getMessage(), e));
        }
    }

    /**
     * Line start offsets of a text, to turn core's 1-based line/column into the character offsets
     * that text markers use. Offsets count UTF-16 chars, like the editor's document.
     */
    static final class LineTable {
        private final String text;
        private final int[] starts;

        LineTable(String text) {
            this.text = text;
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    count++;
                }
            }
            starts = new int[count];
            int line = 1;
            for (int i = 0; i < text.length() && line < count; i++) {
                if (text.charAt(i) == '\n') {
                    starts[line++] = i + 1;
                }
            }
        }

        /**
         * The range from the problem's column to the end of its line, or null when the position is
         * outside the text (then the marker keeps only its line number).
         */
        int[] range(int line, int column) {
            if (line < 1 || line > starts.length) {
                return null;
            }
            int lineStart = starts[line - 1];
            int lineEnd = line < starts.length ? starts[line] - 1 : text.length();
            if (lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r') {
                lineEnd--;
            }
            int start = Math.min(lineStart + Math.max(column - 1, 0), lineEnd);
            if (start == lineEnd) {
                return null; // nothing to underline: fall back to a whole-line marker
            }
            return new int[] {start, lineEnd};
        }
    }
}
