package org.lmworkbench.core.slurm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The resources and scheduling options of a sweep's job array. Text settings are null when not
 * set (Slurm's or the cluster's default applies). {@link #validate(String)} checks everything that
 * can be checked without a cluster; {@link SlurmClient#validate} adds what the cluster says.
 *
 * @param partition    the partition, or null for the cluster's default
 * @param timeLimit    the time limit of each task; Slurm rounds it up to whole minutes
 * @param cpusPerTask  CPUs of each task ({@code --cpus-per-task})
 * @param memory       memory of each task as sbatch {@code --mem} takes it ({@code 4G}, {@code 500M}), or null
 * @param gpus         GPUs of each task; 0 for none
 * @param gpuOption    how GPUs are requested: {@code --gres=gpu:N} or {@code --gpus=N}
 * @param gpuType      a GPU type such as {@code a100}, or null for any
 * @param account      the account to charge, or null
 * @param qos          the quality of service, or null
 * @param extraArgs    further sbatch options, one option per element ({@code --constraint=avx512})
 * @param arrayLimit   how many tasks may run at once ({@code --array=...%K}); 0 for no limit
 * @param signalLead   how long before the time limit the task is told to stop (checkpoint and
 *                     exit); zero for no early signal. Slurm checks limits about every 30 s, so the
 *                     signal may come up to a minute earlier than asked.
 */
public record SlurmSettings(String partition, Duration timeLimit, int cpusPerTask, String memory, int gpus,
        GpuOption gpuOption, String gpuType, String account, String qos, List<String> extraArgs, int arrayLimit,
        Duration signalLead) {

    /** How GPUs are asked for; clusters differ in which one they configure. */
    public enum GpuOption {
        /** {@code --gres=gpu[:type]:N}, the older generic-resource form every cluster with GPUs accepts. */
        GRES,
        /** {@code --gpus=[type:]N}, the newer form (cons_tres). */
        GPUS
    }

    /** Where settings live in a spec, used in problem paths when the caller names no other place. */
    public static final String DEFAULT_PATH = "execution.slurm";

    /** Slurm stores --signal's time in 16 bits. */
    private static final long MAX_SIGNAL_LEAD_SECONDS = 65535;

    private static final Duration MAX_TIME_LIMIT = Duration.ofDays(365);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private static final Pattern MEMORY = Pattern.compile("\\d+[KMGT]?", Pattern.CASE_INSENSITIVE);

    /** Options these settings or the batch script write themselves; extra arguments may not set them. */
    private static final Set<String> OWNED = Set.of("--array", "-a", "--partition", "-p", "--time", "-t",
            "--cpus-per-task", "-c", "--mem", "--gres", "--gpus", "-G", "--account",
            "-A", "--qos", "-q", "--signal", "--output", "-o", "--error", "-e", "--open-mode", "--requeue",
            "--no-requeue", "--job-name", "-J", "--chdir", "-D", "--parsable", "--wrap", "--test-only", "--wait", "-W");

    /** Copies the extra arguments. */
    public SlurmSettings {
        extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
        gpuOption = gpuOption == null ? GpuOption.GRES : gpuOption;
    }

    /** Settings with only a time limit: default partition, one CPU, no GPU, no limit on the array. */
    public static SlurmSettings withTimeLimit(Duration timeLimit) {
        return new SlurmSettings(null, timeLimit, 1, null, 0, GpuOption.GRES, null, null, null, List.of(), 0,
                Duration.ZERO);
    }

    /** The same settings in another partition. */
    public SlurmSettings inPartition(String newPartition) {
        return new SlurmSettings(newPartition, timeLimit, cpusPerTask, memory, gpus, gpuOption, gpuType, account, qos,
                extraArgs, arrayLimit, signalLead);
    }

    /** The same settings with another CPU count per task. */
    public SlurmSettings withCpusPerTask(int cpus) {
        return new SlurmSettings(partition, timeLimit, cpus, memory, gpus, gpuOption, gpuType, account, qos, extraArgs,
                arrayLimit, signalLead);
    }

    /** The same settings with another concurrency limit. */
    public SlurmSettings withArrayLimit(int limit) {
        return new SlurmSettings(partition, timeLimit, cpusPerTask, memory, gpus, gpuOption, gpuType, account, qos,
                extraArgs, limit, signalLead);
    }

    /** The same settings with another early-signal lead. */
    public SlurmSettings withSignalLead(Duration lead) {
        return new SlurmSettings(partition, timeLimit, cpusPerTask, memory, gpus, gpuOption, gpuType, account, qos,
                extraArgs, arrayLimit, lead);
    }

    /**
     * Everything wrong with these settings that can be seen without asking the cluster, each problem
     * at {@code path} plus the setting's key ({@code execution.slurm.time}); empty when none.
     */
    public List<SlurmProblem> validate(String path) {
        List<SlurmProblem> problems = new ArrayList<>();
        name(problems, path + ".partition", partition, "a partition name");
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            problems.add(new SlurmProblem(path + ".time", "a positive time limit is required (Slurm forms such as "
                    + "30, 2:00:00 or 1-00:00:00), not " + (timeLimit == null ? "nothing" : SlurmTime.formatDuration(
                            timeLimit.abs()))));
        } else if (timeLimit.compareTo(MAX_TIME_LIMIT) > 0) {
            problems.add(new SlurmProblem(path + ".time", "the time limit " + SlurmTime.formatDuration(timeLimit)
                    + " is longer than a year; no cluster grants that"));
        }
        if (cpusPerTask < 1) {
            problems.add(new SlurmProblem(path + ".cpus", "must be at least 1, not " + cpusPerTask));
        }
        if (memory != null && !MEMORY.matcher(memory).matches()) {
            problems.add(new SlurmProblem(path + ".memory", "'" + memory + "' is not a memory size such as 4G, 500M or "
                    + "16000 (megabytes)"));
        }
        if (gpus < 0) {
            problems.add(new SlurmProblem(path + ".gpus", "must be 0 or more, not " + gpus));
        }
        name(problems, path + ".gpu_type", gpuType, "a GPU type");
        name(problems, path + ".account", account, "an account name");
        name(problems, path + ".qos", qos, "a QOS name");
        for (int i = 0; i < extraArgs.size(); i++) {
            extraArg(problems, path + ".extra_args[" + i + "]", extraArgs.get(i), path);
        }
        if (arrayLimit < 0) {
            problems.add(new SlurmProblem(path + ".array_limit", "must be 0 (no limit) or more, not " + arrayLimit));
        }
        if (signalLead == null || signalLead.isNegative() || signalLead.getSeconds() > MAX_SIGNAL_LEAD_SECONDS) {
            problems.add(new SlurmProblem(path + ".signal_lead", "must be between 0 and " + MAX_SIGNAL_LEAD_SECONDS
                    + " seconds (Slurm's limit for --signal)"));
        } else if (!signalLead.isZero() && timeLimit != null && signalLead.compareTo(timeLimit) >= 0) {
            problems.add(new SlurmProblem(path + ".signal_lead", "the early signal (" + signalLead.getSeconds()
                    + " s before the limit) must come after the start, so it must be shorter than the time limit "
                    + SlurmTime.formatDuration(timeLimit)));
        }
        return problems;
    }

    /**
     * The sbatch options for these settings, one per element ({@code --partition=debug}, ...),
     * without the array, the output and the early signal, which the batch script writes.
     *
     * @throws SlurmException when the settings are not valid ({@link #validate(String)} at {@link #DEFAULT_PATH})
     */
    public List<String> sbatchOptions() throws SlurmException {
        List<SlurmProblem> problems = validate(DEFAULT_PATH);
        if (!problems.isEmpty()) {
            throw new SlurmException(problems);
        }
        List<String> options = new ArrayList<>();
        if (partition != null) {
            options.add("--partition=" + partition);
        }
        options.add("--time=" + SlurmTime.formatDuration(timeLimit));
        options.add("--cpus-per-task=" + cpusPerTask);
        if (memory != null) {
            options.add("--mem=" + memory.toUpperCase(Locale.ROOT));
        }
        if (gpus > 0) {
            String type = gpuType == null ? "" : gpuType + ":";
            options.add(gpuOption == GpuOption.GRES ? "--gres=gpu:" + type + gpus : "--gpus=" + type + gpus);
        }
        if (account != null) {
            options.add("--account=" + account);
        }
        if (qos != null) {
            options.add("--qos=" + qos);
        }
        options.addAll(extraArgs);
        return options;
    }

    private static void name(List<SlurmProblem> problems, String at, String value, String what) {
        if (value != null && !NAME.matcher(value).matches()) {
            problems.add(new SlurmProblem(at, "'" + value + "' is not " + what
                    + " (letters, digits, '_', '-' and '.' only)"));
        }
    }

    private static void extraArg(List<SlurmProblem> problems, String at, String arg, String path) {
        if (arg == null || !arg.startsWith("-") || arg.length() < 2) {
            problems.add(new SlurmProblem(at, "'" + arg + "' is not an sbatch option; write one option per entry, "
                    + "with its value after '=' (--constraint=a100)"));
            return;
        }
        if (arg.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '"' || c == '\\')) {
            problems.add(new SlurmProblem(at, "'" + arg.replace("\n", "\\n") + "' contains a line break, quote or "
                    + "backslash, which cannot be written into a batch script line"));
            return;
        }
        int eq = arg.indexOf('=');
        String option = eq < 0 ? arg : arg.substring(0, eq);
        if (!option.startsWith("--") && option.length() > 2) {
            option = option.substring(0, 2);
        }
        if (OWNED.contains(option)) {
            problems.add(new SlurmProblem(at, "'" + arg + "' sets " + option + ", which comes from " + path
                    + " settings or the sweep itself; set it there instead"));
        }
    }
}
