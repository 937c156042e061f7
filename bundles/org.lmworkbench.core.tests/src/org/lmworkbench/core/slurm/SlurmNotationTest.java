package org.lmworkbench.core.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slurm's written forms: durations, times, states and array index sets. */
class SlurmNotationTest {

    @Test
    void readsEveryDurationFormSbatchAccepts() {
        // The forms listed under --time in sbatch(1), and what squeue prints.
        assertEquals(Optional.of(Duration.ofMinutes(30)), SlurmTime.parseDuration("30"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), SlurmTime.parseDuration("1:30"));
        assertEquals(Optional.of(Duration.ofSeconds(2 * 3600 + 5 * 60 + 7)), SlurmTime.parseDuration("2:05:07"));
        assertEquals(Optional.of(Duration.ofHours(36)), SlurmTime.parseDuration("1-12"));
        assertEquals(Optional.of(Duration.ofHours(36).plusMinutes(15)), SlurmTime.parseDuration("1-12:15"));
        assertEquals(Optional.of(Duration.ofHours(36).plusMinutes(15).plusSeconds(9)),
                SlurmTime.parseDuration("1-12:15:09"));
        assertEquals(Optional.of(Duration.ofMinutes(1)), SlurmTime.parseDuration("00:01:00"));
        assertEquals(Optional.empty(), SlurmTime.parseDuration("UNLIMITED"));
        assertEquals(Optional.empty(), SlurmTime.parseDuration("INVALID"));
        assertThrows(IllegalArgumentException.class, () -> SlurmTime.parseDuration("2h"));
        assertThrows(IllegalArgumentException.class, () -> SlurmTime.parseDuration("1:2:3:4"));
    }

    @Test
    void writesDurationsThatReadBackAndRoundsPartsOfASecondUp() {
        for (Duration d : List.of(Duration.ofSeconds(59), Duration.ofMinutes(1), Duration.ofHours(25).plusSeconds(61),
                Duration.ofDays(400))) {
            assertEquals(Optional.of(d), SlurmTime.parseDuration(SlurmTime.formatDuration(d)), d.toString());
        }
        assertEquals("0-00:01:00", SlurmTime.formatDuration(Duration.ofMinutes(1)));
        assertEquals("0-00:00:02", SlurmTime.formatDuration(Duration.ofMillis(1001)));
        assertEquals("2-03:04:05", SlurmTime.formatDuration(Duration.parse("P2DT3H4M5S")));
    }

    @Test
    void readsTimesAndTheirAbsence() {
        assertEquals(Optional.of(LocalDateTime.of(2026, 12, 7, 20, 11, 16)), SlurmTime.parseTime("2026-12-07T20:11:16"));
        for (String none : List.of("Unknown", "N/A", "None", "NONE", "")) {
            assertEquals(Optional.empty(), SlurmTime.parseTime(none), none);
        }
        assertThrows(IllegalArgumentException.class, () -> SlurmTime.parseTime("yesterday"));
    }

    @Test
    void readsStatesInTheirLongShortAndDecoratedForms() {
        assertEquals(SlurmState.CANCELLED, SlurmState.parse("CANCELLED by 0"));
        assertEquals(SlurmState.CANCELLED, SlurmState.parse("CANCELLED+"));
        assertEquals(SlurmState.PENDING, SlurmState.parse("PD"));
        assertEquals(SlurmState.TIMEOUT, SlurmState.parse("timeout"));
        assertEquals(SlurmState.OUT_OF_MEMORY, SlurmState.parse("OOM"));
        assertEquals(SlurmState.UNKNOWN, SlurmState.parse("HIBERNATING"));
        assertTrue(SlurmState.TIMEOUT.isFinished());
        assertTrue(SlurmState.PREEMPTED.isFinished());
        assertFalse(SlurmState.COMPLETING.isFinished());
        assertFalse(SlurmState.REQUEUED.isFinished());
    }

    @Test
    void expandsArrayRangesWithStepsListsAndLimits() {
        assertEquals(new ArrayIndices(List.of(2, 3, 4, 5), 2), ArrayIndices.parse("[2-5%2]"));
        assertEquals(new ArrayIndices(List.of(1, 3, 5, 6, 7), 0), ArrayIndices.parse("1,3,5-7"));
        assertEquals(new ArrayIndices(List.of(0, 3, 6, 9), 0), ArrayIndices.parse("0-9:3"));
        assertEquals(new ArrayIndices(List.of(7), 0), ArrayIndices.parse("7"));
        for (String bad : List.of("", "5-2", "a-b", "1,,2", "0-4%x", "0-9:0")) {
            assertThrows(IllegalArgumentException.class, () -> ArrayIndices.parse(bad), bad);
        }
    }

    @Test
    void writesArraysAsRangesAndReadsThemBack() {
        ArrayIndices a = ArrayIndices.of(List.of(5, 0, 1, 2, 7, 8, 3), 2);
        assertEquals("0-3,5,7-8%2", a.format());
        assertEquals(a, ArrayIndices.parse(a.format()));
        assertEquals("4", ArrayIndices.of(List.of(4), 0).format());
    }
}
