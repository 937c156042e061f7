package org.lmworkbench.core.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lmworkbench.core.slurm.SlurmProblem;

/**
 * The rules of {@code execution.slurm}: the job array's settings are checked by core's Slurm
 * settings themselves (the same check the command line's submission makes), and the resources must
 * fit the run (GPUs for a GPU run, memory for the JVM's heap, CPUs for its threads). Each problem is
 * located at the key it is about, like every other spec problem.
 */
final class SlurmRules {

    private static final String SECTION = "execution.slurm";

    /** {@code execution.slurm.extra_args[2]}: a key and, for list elements, an index. */
    private static final Pattern PROBLEM_PATH = Pattern.compile("([a-z_.]+)(?:\\[(\\d+)])?");

    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmgt]?)");

    private SlurmRules() {
    }

    /** Adds the problems of the resolved {@code spec}, written as {@code tree}, to {@code out}. */
    static void check(SpecNode.ObjectNode tree, ExperimentSpec spec, Set<String> invalidKeys,
            Collection<SpecProblem> out) {
        ExecutionSpec execution = spec.execution();
        ExecutionSpec.Slurm slurm = execution.slurm();
        for (SlurmProblem p : execution.slurmSettings().validate(SECTION)) {
            Matcher m = PROBLEM_PATH.matcher(p.path());
            String key = m.matches() ? m.group(1) : SECTION;
            if (invalidKeys.contains(key) || invalidKeys.contains("execution.parallel")) {
                continue; // reported where the value is written
            }
            SpecNode at = locate(tree, key, m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : -1);
            String path = JsonPaths.ROOT + "." + p.path();
            out.add(new SpecProblem(SpecProblem.Severity.ERROR, path + ": " + p.message(), path, at.line(),
                    at.column()));
        }
        boolean slurmTarget = execution.target() == ExecutionSpec.Target.SLURM;
        if (!valid(invalidKeys, "execution.device", "execution.slurm.gpus", "execution.target")) {
            return;
        }
        if (slurmTarget && execution.device() == ExecutionSpec.Device.GPU && slurm.gpus() == 0) {
            add(out, tree, SpecProblem.Severity.ERROR, "execution.slurm.gpus", "execution.device",
                    "must be at least 1 when execution.device is 'gpu': a task without a GPU cannot run");
        } else if (execution.device() == ExecutionSpec.Device.CPU && slurm.gpus() > 0) {
            add(out, tree, SpecProblem.Severity.WARNING, "execution.slurm.gpus", null,
                    "ignored because execution.device is 'cpu'");
        }
        if (slurmTarget && slurm.memory() != null && valid(invalidKeys, "execution.slurm.memory",
                "execution.jvm_memory")) {
            long taskBytes = bytes(slurm.memory(), 1L << 20);
            long heapBytes = bytes(execution.jvmMemory(), 1);
            if (taskBytes >= 0 && heapBytes >= 0 && taskBytes <= heapBytes) {
                add(out, tree, SpecProblem.Severity.ERROR, "execution.slurm.memory", null, "'" + slurm.memory()
                        + "' does not hold the backend's heap (execution.jvm_memory " + execution.jvmMemory()
                        + ") and libtorch's memory besides it; Slurm would kill the task");
            }
        }
        if (slurmTarget && slurm.cpus() < execution.threads() && valid(invalidKeys, "execution.slurm.cpus",
                "execution.threads")) {
            add(out, tree, SpecProblem.Severity.WARNING, "execution.slurm.cpus", null, "fewer CPUs ("
                    + slurm.cpus() + ") than execution.threads (" + execution.threads()
                    + "): the run's threads would share them and train much slower");
        }
    }

    /** Why a key cannot be swept, or null: the job array asks for its resources once for every run. */
    static String sweepProblem(String key) {
        if (key.equals("execution.target") || key.startsWith(SECTION + ".")) {
            return "'" + key + "' applies to the whole sweep (one job array asks for its resources once); set it "
                    + "outside the sweep";
        }
        return null;
    }

    private static boolean valid(Set<String> invalidKeys, String... keys) {
        for (String key : keys) {
            if (invalidKeys.contains(key)) {
                return false;
            }
        }
        return true;
    }

    private static void add(Collection<SpecProblem> out, SpecNode.ObjectNode tree, SpecProblem.Severity severity,
            String key, String fallbackKey, String text) {
        SpecNode at = tree.find(key);
        if (at == null && fallbackKey != null) {
            at = tree.find(fallbackKey);
        }
        if (at == null) {
            at = locate(tree, key, -1);
        }
        String path = JsonPaths.ofKey(key);
        out.add(new SpecProblem(severity, path + ": " + text, path, at.line(), at.column()));
    }

    /** The node of a key (an element of it for an index), else the nearest enclosing object written. */
    private static SpecNode locate(SpecNode.ObjectNode tree, String key, int index) {
        SpecNode at = tree.find(key);
        if (at instanceof SpecNode.ArrayNode array && index >= 0 && index < array.elements().size()) {
            return array.elements().get(index);
        }
        String section = key;
        while (at == null) {
            int dot = section.lastIndexOf('.');
            section = dot < 0 ? "" : section.substring(0, dot);
            at = section.isEmpty() ? tree : tree.find(section);
        }
        return at;
    }

    /** A size with an optional unit; {@code bare} is the unit of a bare number. -1 when unreadable. */
    private static long bytes(String size, long bare) {
        Matcher m = SIZE.matcher(size.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return -1;
        }
        long unit = switch (m.group(2)) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            default -> bare;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            return -1;
        }
    }
}
