package org.lmworkbench.workspace.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmworkbench.workspace.runs.ChartUpdate.ChartOp;
import org.lmworkbench.workspace.runs.ChartUpdate.Line;

/**
 * Turns the lines of each poll into the smallest chart changes: a line that grew at its end (the
 * usual case while a run trains, since files are append-only, the EMA of a prefix does not depend
 * on later points and common steps grow at the end) is appended to; anything else is redrawn.
 * It remembers what it sent, so the UI thread does no diffing.
 */
public final class UpdatePlanner {

    /** What a shown line looks like: its length and last point, enough to recognise growth. */
    private record Shown(String label, int size, double lastX, double lastY, double lastLower, int colour,
            int bandSize) {
    }

    private final Map<String, Shown> shown = new HashMap<>();
    private int nextColour;

    /**
     * The changes from what was sent before to {@code lines}.
     *
     * @param lines  the lines now
     * @param redraw true to start from an empty chart (the lines were built differently)
     * @return the changes and whether the chart must be cleared first
     */
    public List<ChartOp> plan(List<Line> lines, boolean redraw) {
        if (redraw) {
            shown.clear();
            nextColour = 0;
        }
        List<ChartOp> ops = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Line line : lines) {
            present.add(line.id());
            Shown before = shown.get(line.id());
            int colour = before == null ? nextColour++ : before.colour();
            boolean grew = before != null && grewAtEnd(before, line);
            if (grew) {
                if (line.size() > before.size()) {
                    ops.add(new ChartOp.Append(line.id(), tail(line.x(), before.size()), tail(line.y(), before.size())));
                }
            } else {
                ops.add(new ChartOp.Add(line, colour));
            }
            int bandSize = before == null ? 0 : before.bandSize();
            if (line.hasBand()) {
                if (grew && bandSize == before.size() && bandSize > 0
                        && Double.compare(line.lower()[bandSize - 1], before.lastLower()) == 0) {
                    if (line.size() > bandSize) {
                        ops.add(new ChartOp.BandAppend(line.bandId(), tail(line.x(), bandSize),
                                tail(line.lower(), bandSize), tail(line.upper(), bandSize)));
                    }
                } else {
                    // A redrawn line (new label, new member run, changed values) gets its whole band again.
                    ops.add(new ChartOp.Band(line.bandId(), line.x(), line.lower(), line.upper(), colour));
                }
                bandSize = line.size();
            } else if (bandSize > 0) {
                ops.add(new ChartOp.Remove(line.bandId()));
                bandSize = 0;
            }
            double lastX = line.size() == 0 ? Double.NaN : line.x()[line.size() - 1];
            double lastY = line.size() == 0 ? Double.NaN : line.y()[line.size() - 1];
            double lastLower = line.hasBand() && line.size() > 0 ? line.lower()[line.size() - 1] : Double.NaN;
            shown.put(line.id(), new Shown(line.label(), line.size(), lastX, lastY, lastLower, colour, bandSize));
        }
        for (String id : new ArrayList<>(shown.keySet())) {
            if (!present.contains(id)) {
                ops.add(new ChartOp.Remove(id));
                if (shown.get(id).bandSize() > 0) {
                    ops.add(new ChartOp.Remove(id + "#band"));
                }
                shown.remove(id);
            }
        }
        return ops;
    }

    private static double[] tail(double[] values, int from) {
        return Arrays.copyOfRange(values, from, values.length);
    }

    /** Same points up to the old length (checked at its last point, which moves if anything before it changed). */
    private static boolean grewAtEnd(Shown before, Line line) {
        if (line.size() < before.size() || !line.label().equals(before.label())) {
            return false;
        }
        if (before.size() == 0) {
            return true;
        }
        int last = before.size() - 1;
        return Double.compare(line.x()[last], before.lastX()) == 0 && Double.compare(line.y()[last], before.lastY()) == 0;
    }
}
