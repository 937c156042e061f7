package org.lmworkbench.ui.runs;

import java.nio.file.Path;
import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.launching.RunLaunches;
import org.lmworkbench.workspace.SpecFiles;

/**
 * Properties of a run for menu expressions ({@code org.lmworkbench.ui.run.*}): {@code isRun} (a run
 * folder, or an element standing for one), {@code canRerun} (it has a spec) and {@code canResume}
 * (stopped before its end, with a checkpoint).
 */
public final class RunPropertyTester extends PropertyTester {

    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
        IResource resource = Adapters.adapt(receiver, IResource.class);
        if (!SpecFiles.isRunDirectory(resource) || resource.getLocation() == null) {
            return false;
        }
        Path folder = resource.getLocation().toPath();
        return switch (property) {
            case "isRun" -> true;
            case "canRerun" -> RunLaunches.rerunProblem(new RunDirectory(folder)) == null;
            case "canResume" -> RunLaunches.resumeProblem(new RunDirectory(folder)) == null;
            default -> false;
        };
    }
}
