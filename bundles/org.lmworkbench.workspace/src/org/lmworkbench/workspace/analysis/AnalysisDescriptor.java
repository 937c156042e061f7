package org.lmworkbench.workspace.analysis;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.workspace.internal.Messages;
import org.lmworkbench.workspace.internal.WorkspacePlugin;

/**
 * One {@code analysis} element of the {@value AnalysisRegistry#EXTENSION_POINT} extension point:
 * its id and name, what it applies to, how it is computed (a backend command with an argument
 * template, an {@link AnalysisComputation} class, or neither when its results are files the runs
 * write anyway) and the result files it leaves, relative to the target's base folder.
 */
public final class AnalysisDescriptor {

    private final IConfigurationElement element;
    private final String id;
    private final String name;
    private final String description;
    private final AnalysisKind kind;
    private final String contentType;
    private final int min;
    private final int max;
    private final String command;
    private final List<String> arguments;
    private final List<String> results;

    private AnalysisDescriptor(IConfigurationElement element, AnalysisKind kind, IConfigurationElement applies,
            IConfigurationElement command) {
        this.element = element;
        this.id = element.getAttribute("id");
        this.name = element.getAttribute("name");
        this.description = element.getAttribute("description") == null ? "" : element.getAttribute("description");
        this.kind = kind;
        this.contentType = applies.getAttribute("contentType");
        int defaultMin = kind == AnalysisKind.RUNS ? 2 : 1;
        this.min = count(applies.getAttribute("min"), defaultMin);
        this.max = kind == AnalysisKind.RUNS ? count(applies.getAttribute("max"), Integer.MAX_VALUE) : 1;
        this.command = command == null ? null : command.getAttribute("name");
        List<String> args = new ArrayList<>();
        if (command != null) {
            for (IConfigurationElement argument : command.getChildren("argument")) {
                args.add(argument.getAttribute("value"));
            }
        }
        this.arguments = List.copyOf(args);
        List<String> files = new ArrayList<>();
        for (IConfigurationElement result : element.getChildren("result")) {
            files.add(result.getAttribute("path"));
        }
        this.results = List.copyOf(files);
    }

    /**
     * Reads an {@code analysis} element.
     *
     * @throws CoreException naming the contributing bundle and what is wrong with the element
     */
    static AnalysisDescriptor read(IConfigurationElement element) throws CoreException {
        String where = element.getContributor().getName() + ": analysis " + element.getAttribute("id");
        IConfigurationElement[] applies = element.getChildren("appliesTo");
        if (applies.length != 1) {
            throw invalid(where, "needs exactly one appliesTo element");
        }
        AnalysisKind kind = AnalysisKind.of(applies[0].getAttribute("kind"));
        if (kind == null) {
            throw invalid(where, "has appliesTo kind '" + applies[0].getAttribute("kind")
                    + "'; the kinds are run, runs, spec and document");
        }
        if (kind == AnalysisKind.DOCUMENT && applies[0].getAttribute("contentType") == null) {
            throw invalid(where, "is a document analysis without a contentType");
        }
        IConfigurationElement[] commands = element.getChildren("backendCommand");
        if (commands.length > 1 || (commands.length == 1 && element.getAttribute("class") != null)) {
            throw invalid(where, "names more than one way to compute it (backend commands and a class)");
        }
        return new AnalysisDescriptor(element, kind, applies[0], commands.length == 1 ? commands[0] : null);
    }

    private static CoreException invalid(String where, String problem) {
        return new CoreException(WorkspacePlugin.error(NLS.bind(Messages.AnalysisRegistry_invalid, where, problem), null));
    }

    private static int count(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The unique id. */
    public String id() {
        return id;
    }

    /** The name users see, e.g. in the Analyses menu. */
    public String name() {
        return name;
    }

    /** A sentence on what it computes; may be empty. */
    public String description() {
        return description;
    }

    /** What it applies to. */
    public AnalysisKind kind() {
        return kind;
    }

    /** The bundle that declared it. */
    public String contributor() {
        return element.getContributor().getName();
    }

    /** Whether the analysis runs a backend command. */
    public boolean isBackendCommand() {
        return command != null;
    }

    /** Whether the analysis is computed by a class in the workbench's JVM. */
    public boolean isComputedInProcess() {
        return element.getAttribute("class") != null;
    }

    /**
     * Whether the analysis can be computed on {@code target}: the kind and number of runs match, a
     * document has the content type, and every variable of its command and results has a value.
     */
    public boolean appliesTo(AnalysisTarget target) {
        if (target == null || target.kind() != kind) {
            return false;
        }
        if (kind == AnalysisKind.RUNS && (target.runs().size() < min || target.runs().size() > max)) {
            return false;
        }
        if (kind == AnalysisKind.DOCUMENT && !hasContentType(target.file())) {
            return false;
        }
        try {
            commandLine(target);
            results(target);
            return true;
        } catch (AnalysisVariables.UnresolvedException e) {
            return false;
        }
    }

    private boolean hasContentType(IFile file) {
        IContentType wanted = Platform.getContentTypeManager().getContentType(contentType);
        if (wanted == null) {
            return false;
        }
        for (IContentType type : Platform.getContentTypeManager().findContentTypesFor(file.getName())) {
            if (type.isKindOf(wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The backend arguments for {@code target}, starting with the command name; empty when the
     * analysis is not a backend command.
     */
    public List<String> commandLine(AnalysisTarget target) throws AnalysisVariables.UnresolvedException {
        if (command == null) {
            return List.of();
        }
        List<String> line = new ArrayList<>(List.of(command));
        for (String argument : arguments) {
            line.add(AnalysisVariables.resolve(argument, target));
        }
        return line;
    }

    /** The declared result files for {@code target}, in declaration order. */
    public List<IFile> results(AnalysisTarget target) throws AnalysisVariables.UnresolvedException {
        List<IFile> files = new ArrayList<>();
        for (String path : results) {
            files.add(target.base().getFile(IPath.fromPortableString(AnalysisVariables.resolve(path, target))));
        }
        return files;
    }

    /** A new instance of the analysis's class. */
    public AnalysisComputation createComputation() throws CoreException {
        Object created = element.createExecutableExtension("class");
        if (!(created instanceof AnalysisComputation computation)) {
            throw new CoreException(WorkspacePlugin.error(NLS.bind(Messages.AnalysisRegistry_invalid,
                    contributor() + ": analysis " + id, "has a class that is not an AnalysisComputation"), null));
        }
        return computation;
    }

    @Override
    public String toString() {
        return id;
    }
}
