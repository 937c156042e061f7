package org.lmworkbench.core.slurm;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what squeue, scontrol and sacct print, with the formats this package asks them for, into
 * {@link SlurmTask}s and {@link SlurmPartition}s. A pending array range, which the scheduler prints
 * as one record ({@code 123_[2-5%2]}), becomes one task per index.
 */
public final class SlurmOutput {

    /** squeue {@code --format}: job id, array job id, array index or range, state, reason, nodes, start, end. */
    public static final String SQUEUE_FORMAT = "%i|%F|%K|%T|%r|%N|%S|%e";

    /** sacct {@code --format} (with {@code --parsable2}, so fields are separated by '|'). */
    public static final String SACCT_FORMAT = "JobID,State,ExitCode,NodeList,Start,End,Reason";

    /** A key of scontrol's one-line output: {@code JobState}, {@code Socks/Node}, {@code AllocNode:Sid}, ... */
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_/:.]*");

    private SlurmOutput() {
    }

    /**
     * Reads squeue's lines printed with {@link #SQUEUE_FORMAT} and {@code --noheader}; squeue does
     * not know exit codes or restarts, which stay {@link SlurmTask#UNKNOWN}.
     *
     * @throws SlurmException for a line that does not have the format's fields
     */
    public static List<SlurmTask> parseSqueue(String output) throws SlurmException {
        List<SlurmTask> tasks = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\|", -1);
            if (f.length != 8) {
                throw new SlurmException("squeue printed a line without the 8 fields of " + SQUEUE_FORMAT + ": " + line);
            }
            try {
                SlurmTask task = new SlurmTask(f[1], SlurmTask.NOT_AN_ARRAY, SlurmState.parse(f[3]), reason(f[4]),
                        SlurmTask.UNKNOWN, SlurmTask.UNKNOWN, node(f[5]), time(f[6]), time(f[7]), SlurmTask.UNKNOWN);
                expand(task, f[2], tasks);
            } catch (IllegalArgumentException e) {
                throw new SlurmException("squeue printed an unreadable line (" + e.getMessage() + "): " + line, e);
            }
        }
        return tasks;
    }

    /**
     * Reads {@code scontrol --oneliner show job} output: one job record per line.
     *
     * @throws SlurmException for a record without a job id or state, or with an unreadable value
     */
    public static List<SlurmTask> parseScontrolJobs(String output) throws SlurmException {
        List<SlurmTask> tasks = new ArrayList<>();
        for (Map<String, String> r : records(output)) {
            String jobId = r.get("JobId");
            String state = r.get("JobState");
            if (jobId == null || state == null) {
                throw new SlurmException("scontrol printed a job record without JobId or JobState: " + r);
            }
            try {
                int[] exit = exitCode(r.getOrDefault("ExitCode", ""));
                String restarts = r.get("Restarts");
                SlurmTask task = new SlurmTask(r.getOrDefault("ArrayJobId", jobId), SlurmTask.NOT_AN_ARRAY,
                        SlurmState.parse(state), reason(r.getOrDefault("Reason", "")), exit[0], exit[1],
                        node(r.getOrDefault("NodeList", "")), time(r.getOrDefault("StartTime", "")),
                        time(r.getOrDefault("EndTime", "")),
                        restarts == null ? SlurmTask.UNKNOWN : Integer.parseInt(restarts));
                expand(task, r.getOrDefault("ArrayTaskId", "N/A"), tasks);
            } catch (IllegalArgumentException e) {
                throw new SlurmException("scontrol printed an unreadable job record (" + e.getMessage() + "): "
                        + r.get("JobId"), e);
            }
        }
        return tasks;
    }

    /**
     * Reads {@code scontrol --oneliner show partition} output.
     *
     * @throws SlurmException for a record without a name, or with an unreadable value
     */
    public static List<SlurmPartition> parsePartitions(String output) throws SlurmException {
        List<SlurmPartition> partitions = new ArrayList<>();
        for (Map<String, String> r : records(output)) {
            String name = r.get("PartitionName");
            if (name == null) {
                throw new SlurmException("scontrol printed a partition record without PartitionName: " + r);
            }
            try {
                Duration maxTime = SlurmTime.parseDuration(r.getOrDefault("MaxTime", "UNLIMITED")).orElse(null);
                partitions.add(new SlurmPartition(name, r.getOrDefault("State", "UNKNOWN"),
                        "YES".equals(r.get("Default")), maxTime, Integer.parseInt(r.getOrDefault("TotalCPUs", "0")),
                        Integer.parseInt(r.getOrDefault("TotalNodes", "0"))));
            } catch (IllegalArgumentException e) {
                throw new SlurmException("scontrol printed an unreadable partition record (" + e.getMessage() + "): "
                        + name, e);
            }
        }
        return partitions;
    }

    /**
     * Reads sacct's lines printed with {@link #SACCT_FORMAT}, {@code --parsable2},
     * {@code --noheader} and {@code --allocations}. sacct does not count restarts.
     *
     * @throws SlurmException for a line that does not have the format's fields
     */
    public static List<SlurmTask> parseSacct(String output) throws SlurmException {
        List<SlurmTask> tasks = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\|", -1);
            if (f.length != 7) {
                throw new SlurmException("sacct printed a line without the 7 fields of " + SACCT_FORMAT + ": " + line);
            }
            try {
                String id = f[0];
                int underscore = id.indexOf('_');
                String arrayJobId = underscore < 0 ? id : id.substring(0, underscore);
                String indices = underscore < 0 ? "N/A" : id.substring(underscore + 1);
                int[] exit = exitCode(f[2]);
                SlurmTask task = new SlurmTask(arrayJobId, SlurmTask.NOT_AN_ARRAY, SlurmState.parse(f[1]),
                        reason(f[6]), exit[0], exit[1], node(f[3]), time(f[4]), time(f[5]), SlurmTask.UNKNOWN);
                expand(task, indices, tasks);
            } catch (IllegalArgumentException e) {
                throw new SlurmException("sacct printed an unreadable line (" + e.getMessage() + "): " + line, e);
            }
        }
        return tasks;
    }

    /** One task for a plain job, one per index for an array record. */
    private static void expand(SlurmTask task, String indices, List<SlurmTask> into) {
        String t = indices.strip();
        if (t.isEmpty() || "N/A".equals(t) || "(null)".equals(t)) {
            into.add(task);
            return;
        }
        for (int index : ArrayIndices.parse(t).indices()) {
            into.add(task.withIndex(index));
        }
    }

    /** scontrol's {@code Key=value Key=value} lines; a value runs until the next word that starts a key. */
    static List<Map<String, String>> records(String output) {
        List<Map<String, String>> records = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> r = new LinkedHashMap<>();
            String key = null;
            StringBuilder value = new StringBuilder();
            for (String word : line.strip().split(" ")) {
                int eq = word.indexOf('=');
                if (eq > 0 && KEY.matcher(word.substring(0, eq)).matches()) {
                    if (key != null) {
                        r.put(key, value.toString());
                    }
                    key = word.substring(0, eq);
                    value.setLength(0);
                    value.append(word, eq + 1, word.length());
                } else if (key != null) {
                    value.append(' ').append(word);
                }
            }
            if (key != null) {
                r.put(key, value.toString());
            }
            records.add(r);
        }
        return records;
    }

    /** {@code 2:0} is exit code 2, {@code 0:9} signal 9; empty means unknown. */
    private static int[] exitCode(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return new int[] {SlurmTask.UNKNOWN, SlurmTask.UNKNOWN};
        }
        int colon = t.indexOf(':');
        if (colon < 0) {
            return new int[] {Integer.parseInt(t), 0};
        }
        return new int[] {Integer.parseInt(t.substring(0, colon)), Integer.parseInt(t.substring(colon + 1))};
    }

    private static String reason(String text) {
        String t = text.strip();
        return "None".equals(t) || "(null)".equals(t) ? "" : t;
    }

    private static String node(String text) {
        String t = text.strip();
        return "(null)".equals(t) || "None assigned".equals(t) ? "" : t;
    }

    private static LocalDateTime time(String text) {
        return SlurmTime.parseTime(text).orElse(null);
    }
}
