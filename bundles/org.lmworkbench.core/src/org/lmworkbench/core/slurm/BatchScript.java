package org.lmworkbench.core.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The batch script of one job array: {@code #SBATCH} lines for the settings, the array
 * ({@code --array=0-N%K}), append-mode output and requeueing, then one command per array index.
 *
 * <p>The script stays alive while its task runs, because Slurm kills the whole job as soon as the
 * batch shell exits. With a signal lead, Slurm sends SIGUSR1 to the batch shell alone that long
 * before the time limit ({@code --signal=B:USR1@lead}); the shell then creates the file named by the
 * task's environment variable {@value #EARLY_STOP_VARIABLE}. A task that watches that file stops at
 * a safe point and exits with the resume exit code, and the script then requeues its own array
 * task, which starts again (Slurm's requeue delay later) with {@code SLURM_RESTART_COUNT} set. A
 * file rather than a forwarded signal, because the warning can come before the task has started
 * (Slurm sends it at its periodic limit check, up to a minute before the lead) or while it cannot
 * take a signal yet (a JVM starting up), and because scancel, preemption and the limit itself send
 * SIGTERM to every process of the job, which the task must be able to tell from the warning.
 */
public final class BatchScript {

    /**
     * The environment variable that names the task's early-stop file: the file appears when the time
     * limit is near, and a task that sees it should stop at a safe point and exit with the resume
     * code. The file is on the node's local disk and gone when the task is started (again).
     */
    public static final String EARLY_STOP_VARIABLE = "LMW_EARLY_STOP_FILE";

    private final SlurmSettings settings;
    private final String jobName;
    private final Path workDir;
    private final String outputPattern;
    private final List<ArrayTask> tasks;
    private final int resumeExitCode;

    /**
     * A script for these tasks.
     *
     * @param settings       resources, limits and the concurrency limit
     * @param jobName        the job's name in squeue
     * @param workDir        the tasks' working directory
     * @param outputPattern  the job's output file as an sbatch pattern ({@code %A} array job id,
     *                       {@code %a} index, {@code %%} a percent sign); slurmstepd's own messages
     *                       (time limit, cancellation) land there
     * @param tasks          one command per array index, indices unique
     * @param resumeExitCode the exit code with which a task says "stopped early, resume me"; the
     *                       script requeues the task when the early signal came and the task exited
     *                       with it; negative for never
     * @throws SlurmException for invalid settings, duplicate indices, or names and paths that cannot
     *                        be written into {@code #SBATCH} lines
     */
    public BatchScript(SlurmSettings settings, String jobName, Path workDir, String outputPattern,
            List<ArrayTask> tasks, int resumeExitCode) throws SlurmException {
        settings.sbatchOptions();
        if (tasks.isEmpty()) {
            throw new SlurmException("a job array needs at least one task");
        }
        TreeSet<Integer> indices = new TreeSet<>();
        for (ArrayTask t : tasks) {
            if (!indices.add(t.index())) {
                throw new SlurmException("array index " + t.index() + " is given twice");
            }
        }
        this.settings = settings;
        this.jobName = directiveValue("job name", jobName);
        this.workDir = workDir.toAbsolutePath();
        directiveValue("working directory", this.workDir.toString());
        this.outputPattern = directiveValue("output pattern", outputPattern);
        this.tasks = List.copyOf(tasks);
        this.resumeExitCode = resumeExitCode;
    }

    /** The default output pattern: {@code <dir>/<name>-<array job id>_<index>.out}. */
    public static String outputPatternIn(Path dir, String jobName) {
        return dir.toAbsolutePath().toString().replace("%", "%%") + "/" + jobName.replace("%", "%%") + "-%A_%a.out";
    }

    /** The indices with the concurrency limit, as written into {@code --array}. */
    public ArrayIndices array() {
        return ArrayIndices.of(tasks.stream().map(ArrayTask::index).toList(), settings.arrayLimit());
    }

    /** The script's text. */
    public String text() throws SlurmException {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("# One job array; each array index runs its own command (run_task below).\n");
        List<String> directives = new ArrayList<>();
        directives.add("--job-name=" + jobName);
        directives.add("--array=" + array().format());
        directives.add("--chdir=" + workDir);
        directives.add("--output=" + outputPattern);
        directives.add("--open-mode=append");
        directives.add("--requeue");
        long lead = settings.signalLead().getSeconds();
        if (lead > 0) {
            directives.add("--signal=B:USR1@" + lead);
        }
        directives.addAll(settings.sbatchOptions());
        for (String d : directives) {
            s.append("#SBATCH ").append(quoteDirective(d)).append('\n');
        }
        s.append('\n');
        s.append("run_task() {\n");
        s.append("    case \"${SLURM_ARRAY_TASK_ID:-}\" in\n");
        for (ArrayTask t : tasks) {
            s.append("        ").append(t.index()).append(") exec ").append(ShellWords.join(t.command()));
            if (t.log() != null) {
                s.append(" >>").append(ShellWords.quote(t.log().toAbsolutePath().toString())).append(" 2>&1");
            }
            s.append(" ;;\n");
        }
        s.append("        *) echo \"no command for array index ${SLURM_ARRAY_TASK_ID:-(none)}\" >&2; exit 2 ;;\n");
        s.append("    esac\n");
        s.append("}\n\n");
        s.append("# USR1 is the early signal, for this shell alone: the time limit is near. It becomes a file the\n");
        s.append("# task watches. SIGTERM (scancel, preemption, the limit itself) reaches the task directly; this\n");
        s.append("# shell must outlive the task, since the job's processes are killed when it exits.\n");
        s.append("stop_dir=\"${TMPDIR:-/tmp}\"\n");
        s.append("[ -d \"$stop_dir\" ] && [ -w \"$stop_dir\" ] || stop_dir=/tmp\n");
        s.append("export ").append(EARLY_STOP_VARIABLE)
                .append("=\"$stop_dir/lmw-early-stop-${SLURM_JOB_ID:-$$}\"\n");
        s.append("rm -f \"$").append(EARLY_STOP_VARIABLE).append("\"\n");
        s.append("near_limit=0\n");
        s.append("trap 'near_limit=1; echo \"time limit near: the task is asked to stop at a safe point\"; : > \"$")
                .append(EARLY_STOP_VARIABLE).append("\"' USR1\n");
        s.append("trap ':' TERM\n");
        s.append("run_task &\n");
        s.append("task=$!\n");
        s.append("# A trapped signal interrupts wait; wait again until the task has really ended.\n");
        s.append("wait \"$task\"\n");
        s.append("while kill -0 \"$task\" 2>/dev/null; do wait \"$task\"; done\n");
        s.append("wait \"$task\"\n");
        s.append("status=$?\n");
        s.append("rm -f \"$").append(EARLY_STOP_VARIABLE).append("\"\n");
        if (resumeExitCode >= 0) {
            s.append("if [ \"$near_limit\" = 1 ] && [ \"$status\" = ").append(resumeExitCode).append(" ]; then\n");
            s.append("    id=\"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"\n");
            s.append("    echo \"task $id stopped before its time limit; requeued to resume\"\n");
            s.append("    scontrol requeue \"$id\" || echo \"task $id could not be requeued\" >&2\n");
            s.append("fi\n");
        }
        s.append("exit \"$status\"\n");
        return s.toString();
    }

    /**
     * Writes the script atomically (a reader never sees half a script), creating its folder and,
     * when the output pattern's folder has no placeholders, that folder too: Slurm does not create
     * it and a job whose output cannot be opened fails without a word.
     */
    public Path write(Path file) throws SlurmException, IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // Beside the target, so that the rename stays on one file system; this package knows no run
        // folders, so it does not use their atomic writer.
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        int slash = outputPattern.lastIndexOf('/');
        if (slash > 0 && outputPattern.lastIndexOf('%', slash) < 0) {
            Files.createDirectories(Path.of(outputPattern.substring(0, slash)));
        }
        return file;
    }

    /**
     * sbatch splits an {@code #SBATCH} line at blanks and treats a lone single quote as an unmatched
     * quote, unless the value is in double quotes (which it therefore cannot contain).
     */
    private static String quoteDirective(String option) {
        int eq = option.indexOf('=');
        if (eq < 0 || option.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'')) {
            return option;
        }
        return option.substring(0, eq + 1) + '"' + option.substring(eq + 1) + '"';
    }

    private static String directiveValue(String what, String value) throws SlurmException {
        if (value == null || value.isBlank()) {
            throw new SlurmException("the " + what + " of a batch script must not be empty");
        }
        if (value.chars().anyMatch(c -> c == '"' || c == '\\' || c == '\n' || c == '\r')) {
            throw new SlurmException("the " + what + " '" + value + "' contains a double quote, backslash or line "
                    + "break, which an #SBATCH line cannot hold");
        }
        return value;
    }
}
