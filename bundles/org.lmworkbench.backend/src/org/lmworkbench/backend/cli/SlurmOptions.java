package org.lmworkbench.backend.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.slurm.SlurmProblem;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.SpecException;
import org.lmworkbench.core.spec.SpecProblem;
import picocli.CommandLine.Option;

/**
 * The Slurm options of {@code sweep}: each overrides its {@code execution.slurm} key of the spec
 * and is checked by the spec's own rules, so a value means the same on the command line and in a
 * file; problems name the option when it came from here.
 */
final class SlurmOptions {

    @Option(names = "--partition", paramLabel = "P")
    String partition;

    @Option(names = "--time", paramLabel = "T")
    String time;

    @Option(names = "--cpus", paramLabel = "N")
    Integer cpus;

    @Option(names = "--memory", paramLabel = "M")
    String memory;

    @Option(names = "--gpus", paramLabel = "G")
    Integer gpus;

    @Option(names = "--account", paramLabel = "A")
    String account;

    @Option(names = "--qos", paramLabel = "Q")
    String qos;

    @Option(names = "--sbatch-arg", paramLabel = "X")
    List<String> sbatchArgs;

    @Option(names = "--signal-lead", paramLabel = "S")
    Integer signalLead;

    @Option(names = "--profile", paramLabel = "FILE")
    Path profile;

    @Option(names = "--wait")
    boolean await;

    /** Option name by spec key, for the overrides given. */
    private Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "partition", "--partition", partition);
        put(given, "time", "--time", time);
        put(given, "cpus", "--cpus", cpus);
        put(given, "memory", "--memory", memory);
        put(given, "gpus", "--gpus", gpus);
        put(given, "account", "--account", account);
        put(given, "qos", "--qos", qos);
        put(given, "extra_args", "--sbatch-arg", sbatchArgs);
        put(given, "signal_lead", "--signal-lead", signalLead);
        return given;
    }

    private static void put(Map<String, String> given, String key, String option, Object value) {
        if (value != null) {
            given.put("execution.slurm." + key, option);
        }
    }

    /** The options of this group that were given, for a refusal when the sweep does not go to Slurm. */
    List<String> givenOptions() {
        List<String> options = new ArrayList<>(given().values());
        if (profile != null) {
            options.add("--profile");
        }
        if (await) {
            options.add("--wait");
        }
        return options;
    }

    /**
     * The spec with target Slurm and the overrides applied.
     *
     * @throws UsageException naming the option whose value the spec's rules refuse
     */
    ExperimentSpec apply(ExperimentSpec spec) throws UsageException {
        ExperimentSpec result = set(spec, "execution.target", "slurm", "--executor");
        result = set(result, "execution.slurm.partition", partition, "--partition");
        result = set(result, "execution.slurm.time", time, "--time");
        result = set(result, "execution.slurm.cpus", cpus, "--cpus");
        result = set(result, "execution.slurm.memory", memory, "--memory");
        result = set(result, "execution.slurm.gpus", gpus, "--gpus");
        result = set(result, "execution.slurm.account", account, "--account");
        result = set(result, "execution.slurm.qos", qos, "--qos");
        result = set(result, "execution.slurm.extra_args", sbatchArgs, "--sbatch-arg");
        return set(result, "execution.slurm.signal_lead", signalLead, "--signal-lead");
    }

    private static ExperimentSpec set(ExperimentSpec spec, String key, Object value, String option)
            throws UsageException {
        if (value == null) {
            return spec;
        }
        try {
            return spec.withValue(key, value);
        } catch (SpecException e) {
            SpecProblem first = e.problems().stream().filter(SpecProblem::isError).findFirst()
                    .orElse(e.problems().get(0));
            throw new UsageException(option + ": " + withoutPath(first.message(), first.jsonPath())
                    + "; nothing was submitted");
        }
    }

    /**
     * A refused setting in the words of the command line: {@code --partition: ...} when it came
     * from an option, {@code <spec>: $.execution.slurm.partition: ...} when from the spec.
     */
    String describe(SlurmProblem problem, Path specFile) {
        String key = problem.path().replaceFirst("\\[\\d+]$", "");
        if (key.equals("execution.slurm")) {
            return problem.message(); // the cluster's refusal of the request as a whole
        }
        String option = given().get(key);
        if (option != null) {
            return option + ": " + problem.message();
        }
        if (key.equals("execution.slurm.array_limit")) {
            return "--parallel: " + problem.message();
        }
        return specFile + ": $." + problem.path() + ": " + problem.message();
    }

    /** A spec message names its path first; the option replaces it. */
    private static String withoutPath(String message, String path) {
        return message.startsWith(path + ": ") ? message.substring(path.length() + 2) : message;
    }
}
