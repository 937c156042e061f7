package org.lmworkbench.backend.cli;

import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.SpecException;
import org.lmworkbench.core.spec.SpecProblem;
import picocli.CommandLine.Option;

/** {@code --threads} and {@code --device}, which {@code run}, {@code resume} and {@code sweep} accept. */
final class TrainingOverrides {

    @Option(names = "--threads", paramLabel = "N", description = "intra-op CPU threads")
    Integer threads;

    @Option(names = "--device", paramLabel = "D", description = "auto, cpu or gpu")
    String device;

    /**
     * The spec with the overrides applied.
     *
     * @throws UsageException if an override is not a valid value
     */
    ExperimentSpec apply(ExperimentSpec spec) throws UsageException {
        ExperimentSpec result = spec;
        try {
            if (threads != null) {
                result = result.withValue("execution.threads", threads);
            }
            if (device != null) {
                result = result.withValue("execution.device", device);
            }
        } catch (SpecException e) {
            SpecProblem first = e.problems().stream().filter(SpecProblem::isError).findFirst()
                    .orElse(e.problems().get(0));
            throw new UsageException("invalid override: " + first.message());
        }
        return result;
    }

    /** The overrides as arguments for a child process. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        if (threads != null) {
            args.addAll(List.of("--threads", threads.toString()));
        }
        if (device != null) {
            args.addAll(List.of("--device", device));
        }
        return args;
    }
}
