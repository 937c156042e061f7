package org.lmworkbench.analysis.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Data preparation of the Epoch AI Chinchilla replication (Besiroglu et al. 2024).
 *
 * <p>From {@code svg_extracted_data.csv} (the 245 points Epoch extracted from Hoffmann et al.'s
 * Figure 4): N = "Model Size", C = "Training FLOP", L = "loss"; tokens D = C / (6 N); the 5
 * points with the highest loss are dropped, leaving 240. The resulting dataset has inputs N, D
 * (in that order, as {@link ChinchillaLaw} expects) and keeps the file order of the kept points.
 */
public final class EpochChinchillaData {

    /** Name of the reference file. */
    public static final String FILE_NAME = "svg_extracted_data.csv";
    /** Number of highest-loss points Epoch drops. */
    public static final int DROPPED_HIGHEST_LOSS = 5;

    private EpochChinchillaData() {
    }

    /**
     * Loads and prepares the points.
     *
     * @param csv path to {@code svg_extracted_data.csv}
     * @return the 240-point dataset (for the reference file)
     * @throws IOException if the file cannot be read
     * @throws ScalingDataException for malformed content
     */
    public static ScalingDataset load(Path csv) throws IOException {
        double[][] cols = ScalingCsvReader.readPositiveColumns(csv,
                List.of("Model Size", "Training FLOP", "loss"));
        double[] n = cols[0];
        double[] flop = cols[1];
        double[] loss = cols[2];
        int total = loss.length;
        if (total <= DROPPED_HIGHEST_LOSS) {
            throw new ScalingDataException(csv + ": " + total + " points; Epoch's preparation drops "
                    + DROPPED_HIGHEST_LOSS + " and needs more");
        }
        // Stable sort by loss: exact ties in loss keep file order, so the choice is reproducible.
        int[] byLoss = IntStream.range(0, total).boxed()
                .sorted(Comparator.comparingDouble(i -> loss[i]))
                .mapToInt(Integer::intValue).toArray();
        boolean[] keep = new boolean[total];
        for (int j = 0; j < total - DROPPED_HIGHEST_LOSS; j++) {
            keep[byLoss[j]] = true;
        }
        int m = total - DROPPED_HIGHEST_LOSS;
        double[] kn = new double[m];
        double[] kd = new double[m];
        double[] kl = new double[m];
        int j = 0;
        for (int i = 0; i < total; i++) {
            if (keep[i]) {
                kn[j] = n[i];
                kd[j] = flop[i] / (6 * n[i]);
                kl[j] = loss[i];
                j++;
            }
        }
        return new ScalingDataset(csv.toString(), List.of("N", "D"), "loss",
                new double[][] {kn, kd}, kl);
    }

    /**
     * Looks for {@code shared/data/svg_extracted_data.csv} in {@code start} and each of its
     * ancestors (the workbench keeps the reference data beside, not inside, the repository).
     *
     * @param start directory to start from, usually the working directory
     * @return the file, or {@code null} when no ancestor has it
     */
    public static Path locate(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
