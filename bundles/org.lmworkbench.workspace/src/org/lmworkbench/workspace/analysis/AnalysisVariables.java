package org.lmworkbench.workspace.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.lmworkbench.core.run.RunDirectory;

/**
 * The {@code ${name}} variables of command arguments and result paths, resolved for a target:
 * <ul>
 * <li>{@code project_loc}: the project folder on disk;</li>
 * <li>one run: {@code run_loc} (its folder on disk), {@code run_id}, {@code last_checkpoint} (the
 * step of its newest {@code checkpoints/step-<n>.npz});</li>
 * <li>several runs: {@code runs_loc} (their folders, comma-separated), {@code run_ids} (joined by
 * {@code -});</li>
 * <li>a spec or document: {@code resource_loc} (the file on disk), {@code resource_name},
 * {@code resource_base} (the name without its last extension).</li>
 * </ul>
 * A variable that means nothing for the target (a run without checkpoints has no last checkpoint)
 * makes the analysis inapplicable to it.
 */
public final class AnalysisVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-z_]+)\\}");

    /** A variable the target cannot give a value to. */
    public static final class UnresolvedException extends Exception {
        private static final long serialVersionUID = 1L;

        UnresolvedException(String message) {
            super(message);
        }
    }

    private AnalysisVariables() {
    }

    /** {@code template} with every variable replaced by its value for {@code target}. */
    public static String resolve(String template, AnalysisTarget target) throws UnresolvedException {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), target)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String name, AnalysisTarget target) throws UnresolvedException {
        List<IFolder> runs = target.runs();
        String value = switch (name) {
            case "project_loc" -> location(target.project());
            case "run_loc" -> runs.size() == 1 ? location(runs.get(0)) : null;
            case "run_id" -> runs.size() == 1 ? runs.get(0).getName() : null;
            case "last_checkpoint" -> runs.size() == 1 ? lastCheckpoint(runs.get(0)) : null;
            case "runs_loc" -> runs.size() > 1
                    ? runs.stream().map(AnalysisVariables::location).collect(Collectors.joining(",")) : null;
            case "run_ids" -> runs.size() > 1
                    ? runs.stream().map(IResource::getName).collect(Collectors.joining("-")) : null;
            case "resource_loc" -> target.file() == null ? null : location(target.file());
            case "resource_name" -> target.file() == null ? null : target.file().getName();
            case "resource_base" -> target.file() == null ? null : base(target.file().getName());
            default -> throw new UnresolvedException("unknown variable ${" + name + "}");
        };
        if (value == null) {
            throw new UnresolvedException("${" + name + "} has no value for a " + target.kind().word());
        }
        return value;
    }

    private static String location(IResource resource) {
        return resource.getLocation().toOSString();
    }

    private static String lastCheckpoint(IFolder run) throws UnresolvedException {
        Path folder = run.getLocation().toPath();
        try {
            List<Long> steps = new RunDirectory(folder).checkpointSteps();
            if (steps.isEmpty()) {
                throw new UnresolvedException(run.getName() + " has no checkpoint");
            }
            return Long.toString(steps.get(steps.size() - 1));
        } catch (IOException e) {
            throw new UnresolvedException(run.getName() + ": " + e.getMessage());
        }
    }

    private static String base(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
