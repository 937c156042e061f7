package org.lmworkbench.ui.launch.tabs;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.spec.SpecDocument;
import org.lmworkbench.core.spec.SpecException;
import org.lmworkbench.core.spec.SpecJsonEditor;
import org.lmworkbench.core.spec.SpecNode;
import org.lmworkbench.core.spec.SpecProblem;
import org.lmworkbench.core.spec.SpecReader;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.launching.LaunchAttributes;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.workspace.SpecFiles;

/**
 * The spec being edited by the tabs of one launch configuration dialog, shared by all of them so
 * that their edits accumulate in one text. Edits stay here until a tab applies them; then they are
 * written to the spec, but only when the spec is valid, so an invalid value never reaches the file
 * (the tabs report it and the dialog cannot launch).
 */
final class SpecLaunchModel {

    private final List<Runnable> listeners = new ArrayList<>();
    private String path = "";
    private IFile file;
    private String text;
    private String savedText;
    private String loadError = Messages.SpecLaunchModel_noSpec;
    private List<SpecProblem> problems = List.of();
    private boolean inEditor;

    /** The spec path a configuration names ("" when none). */
    static String specPath(ILaunchConfiguration config) {
        try {
            return config.getAttribute(LaunchAttributes.SPEC, "");
        } catch (CoreException e) {
            UiPlugin.log("cannot read launch configuration " + config.getName(), e);
            return "";
        }
    }

    /** Loads unless this spec is already loaded with edits not yet applied. */
    void loadIfNeeded(String specPath) {
        if (!specPath.equals(path) || text == null || text.equals(savedText)) {
            load(specPath);
        }
    }

    /** Reads the spec at a workspace path afresh, dropping unapplied edits, and tells the tabs. */
    void load(String specPath) {
        path = specPath == null ? "" : specPath.strip();
        file = null;
        text = null;
        savedText = null;
        problems = List.of();
        loadError = null;
        inEditor = false;
        IResource resource = path.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().findMember(path);
        if (path.isEmpty()) {
            loadError = Messages.SpecLaunchModel_noSpec;
        } else if (!(resource instanceof IFile found) || !found.exists()) {
            loadError = NLS.bind(Messages.SpecLaunchModel_missing, path);
        } else if (!SpecFiles.isSpec(found)) {
            loadError = NLS.bind(Messages.SpecLaunchModel_notSpec, path);
        } else {
            try {
                file = found;
                text = SpecFileText.read(found);
                savedText = text;
                problems = Specs.parse(text).problems();
            } catch (CoreException e) {
                loadError = NLS.bind(Messages.SpecLaunchModel_unreadable, path, e.getStatus().getMessage());
            }
        }
        listeners.forEach(Runnable::run);
    }

    /**
     * Sets a value in the edited text.
     *
     * @return null when done, or why the text cannot be edited by key
     */
    String edit(String key, Object value) {
        if (text == null) {
            return loadError;
        }
        try {
            text = SpecJsonEditor.set(text, key, value);
        } catch (SpecException e) {
            return NLS.bind(Messages.SpecLaunchModel_notEditable, path, e.problems().isEmpty() ? e.getMessage() : e.problems().get(0));
        }
        problems = Specs.parse(text).problems();
        return null;
    }

    /**
     * Writes the edited text to the spec if it changed and has no errors.
     *
     * @return true when it went into an editor with unsaved changes rather than to the file
     */
    boolean apply() throws CoreException {
        if (file == null || text == null || text.equals(savedText) || problems.stream().anyMatch(SpecProblem::isError)) {
            return false;
        }
        inEditor = SpecFileText.write(file, text);
        savedText = text;
        return inEditor;
    }

    /** True when the last applied edit went into an editor with unsaved changes. */
    boolean appliedToEditor() {
        return inEditor;
    }

    /** Told after every load. */
    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Stops telling. */
    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** The workspace path of the spec, as the configuration stores it. */
    String path() {
        return path;
    }

    /** The spec file, or null when it could not be found. */
    IFile file() {
        return file;
    }

    /** Why there is no spec to edit, or null. */
    String loadError() {
        return loadError;
    }

    /** The edited text, or null. */
    String text() {
        return text;
    }

    /** The edited text as a tree; null when there is none or it is not readable. */
    SpecNode.ObjectNode tree() {
        if (text == null) {
            return null;
        }
        SpecDocument document = new SpecReader().read(text);
        return document.root();
    }

    /** Whether the text can be edited by key. */
    boolean editable() {
        return text != null && SpecJsonEditor.refusal(text).isEmpty();
    }

    /** Errors and warnings of the edited text, in file order. */
    List<SpecProblem> problems() {
        return problems;
    }
}
