package org.lmworkbench.core.slurm;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slurm's written forms of durations and times. Durations are what sbatch {@code --time} accepts
 * and what squeue, sinfo and scontrol print: {@code minutes}, {@code minutes:seconds},
 * {@code hours:minutes:seconds}, {@code days-hours}, {@code days-hours:minutes} and
 * {@code days-hours:minutes:seconds}. Times are local {@code 2026-12-07T20:11:16} without a zone.
 */
public final class SlurmTime {

    /** Words Slurm prints for "no limit" or "no value". */
    private static final Set<String> NO_VALUE = Set.of("UNLIMITED", "INFINITE", "INVALID", "NOT_SET", "N/A", "NONE",
            "UNKNOWN", "(NULL)", "");

    private static final Pattern DAYS = Pattern.compile("(\\d+)-(\\d+)(?::(\\d+))?(?::(\\d+))?");
    private static final Pattern CLOCK = Pattern.compile("(\\d+)(?::(\\d+))?(?::(\\d+))?");

    private SlurmTime() {
    }

    /**
     * Reads a duration; empty for the words that mean no limit or no value ({@code UNLIMITED},
     * {@code INVALID}, {@code N/A}, ...).
     *
     * @throws IllegalArgumentException for text in none of Slurm's forms
     */
    public static Optional<Duration> parseDuration(String text) {
        String t = text.strip();
        if (NO_VALUE.contains(t.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Matcher d = DAYS.matcher(t);
        if (d.matches()) {
            return Optional.of(Duration.ofDays(number(d.group(1))).plusHours(number(d.group(2)))
                    .plusMinutes(number(d.group(3))).plusSeconds(number(d.group(4))));
        }
        Matcher c = CLOCK.matcher(t);
        if (c.matches()) {
            if (c.group(3) != null) {
                return Optional.of(Duration.ofHours(number(c.group(1))).plusMinutes(number(c.group(2)))
                        .plusSeconds(number(c.group(3))));
            }
            return Optional.of(Duration.ofMinutes(number(c.group(1))).plusSeconds(number(c.group(2))));
        }
        throw new IllegalArgumentException("'" + text + "' is not a Slurm duration (minutes, minutes:seconds, "
                + "hours:minutes:seconds or days-hours:minutes:seconds)");
    }

    /**
     * Writes a duration as {@code days-hours:minutes:seconds}, the one form every Slurm version
     * reads without ambiguity. Parts of a second are rounded up; Slurm itself rounds time limits up
     * to whole minutes.
     */
    public static String formatDuration(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", seconds / 86400, seconds / 3600 % 24, seconds / 60 % 60,
                seconds % 60);
    }

    /**
     * Reads a time as squeue, scontrol and sacct print it; empty for {@code Unknown}, {@code N/A},
     * {@code None} and the like.
     *
     * @throws IllegalArgumentException for anything else that is not an ISO local date-time
     */
    public static Optional<LocalDateTime> parseTime(String text) {
        String t = text.strip();
        if (NO_VALUE.contains(t.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(t));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a Slurm time such as 2026-12-07T20:11:16", e);
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
