package org.lmworkbench.ui.sharpness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.analysis.theory.zo.BandOccupancy;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.SharpnessDimensionLine;
import org.lmworkbench.core.run.SharpnessLine;

/**
 * What the stability page shows of one run: the sharpness samples with their zeroth-order band
 * ({@code probes/sharpness.jsonl}), the band occupancy after sharpening, and the sharpness-dimension
 * samples ({@code probes/sharpness_dimension.jsonl}). Both files are small (one line per probe), so
 * each read takes them whole; a missing file reads as no samples.
 *
 * @param sharpness  the sharpness lines in file order
 * @param occupancy  the band occupancy of the lines that carry a band
 * @param dimension  the sharpness-dimension lines in file order
 */
record StabilityData(List<SharpnessLine> sharpness, BandOccupancy occupancy, List<SharpnessDimensionLine> dimension) {

    /** True when the run has neither a zeroth-order band nor a sharpness dimension. */
    boolean isEmpty() {
        return occupancy.samples() == 0 && dimension.isEmpty();
    }

    /**
     * Reads a run folder.
     *
     * @throws IOException naming the file and line of a corrupt record
     */
    static StabilityData read(Path runDir) throws IOException {
        RunDirectory run = new RunDirectory(runDir);
        List<SharpnessLine> lines = new ArrayList<>();
        Path sharpness = run.sharpnessFile();
        if (Files.isRegularFile(sharpness)) {
            for (MetricsRecord r : MetricsReader.readAll(sharpness)) {
                lines.add(SharpnessLine.read(sharpness, r));
            }
        }
        List<SharpnessDimensionLine> dimension = new ArrayList<>();
        Path sd = run.sharpnessDimensionFile();
        if (Files.isRegularFile(sd)) {
            for (MetricsRecord r : MetricsReader.readAll(sd)) {
                dimension.add(SharpnessDimensionLine.read(sd, r));
            }
        }
        return new StabilityData(List.copyOf(lines), BandOccupancy.of(lines), List.copyOf(dimension));
    }
}
