package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmworkbench.backend.data.DataException;
import org.lmworkbench.backend.data.NpyArrays;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.SimilarityFile;

/**
 * Where activations come from: a run directory ({@code activations/step-<n>/<layer>.npy}, the last
 * captured step unless one is given), a single {@code .npy} file (one layer, named after the file)
 * or an {@code .npz} archive (one layer per array). Files are parsed by core's format layer, which
 * converts big-endian and Fortran-order files instead of misreading them and refuses incomplete
 * archives instead of returning fewer layers.
 * Every representation is labelled with its file (and array) so that errors point at it.
 */
public final class ActivationSource {

    /**
     * Loaded layers of one source.
     *
     * @param source  the path as given
     * @param kind    {@code run}, {@code npy} or {@code npz}
     * @param step    the capture step for runs, else null
     * @param name    short name for matrix labels (run id or file name)
     * @param layers  layer names, in order
     * @param representations one per layer
     */
    public record Loaded(String source, String kind, Long step, String name, List<String> layers,
            List<Representation> representations) {

        /** How the result document describes this source. */
        public SimilarityFile.Input describe() {
            List<SimilarityFile.Layer> described = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                Representation r = representations.get(i);
                described.add(new SimilarityFile.Layer(layers.get(i), r.label(), r.data().getShape().getShape()));
            }
            return new SimilarityFile.Input(source, kind, step, described);
        }

        /** The representation of {@code layer}. */
        public Representation layer(String layer) {
            int i = layers.indexOf(layer);
            if (i < 0) {
                throw new SimilarityException(source + ": no layer '" + layer + "'; it has " + String.join(", ", layers));
            }
            return representations.get(i);
        }
    }

    private ActivationSource() {
    }

    /**
     * Reads the requested layers of {@code path}.
     *
     * @param layers wanted layers, or null/empty for all
     * @param step   capture step of a run, or null for the last one
     * @throws SimilarityException if the path, step, layers or arrays are unusable
     */
    public static Loaded load(Path path, List<String> layers, Long step, NDManager manager) {
        try {
            if (Files.isDirectory(path)) {
                return loadRun(path, layers, step, manager);
            }
            String file = path.getFileName().toString();
            if (!Files.exists(path)) {
                throw new SimilarityException(path + ": no such file or run directory");
            }
            if (step != null) {
                throw new SimilarityException("--step applies to run directories; " + path + " is a file");
            }
            if (file.endsWith(".npy")) {
                String layer = file.substring(0, file.length() - 4);
                if (layers != null && !layers.isEmpty() && !layers.equals(List.of(layer))) {
                    throw new SimilarityException(path + ": a .npy file holds one array ('" + layer
                            + "'); --layers selects arrays of a run directory or an .npz archive");
                }
                NpyArray array = NpyArrays.read(path);
                return new Loaded(path.toString(), "npy", null, file, List.of(layer),
                        List.of(Representation.of(path.toString(), NpyArrays.toNDArray(array, manager))));
            }
            if (file.endsWith(".npz")) {
                Map<String, NpyArray> arrays = NpyArrays.readArchive(path);
                List<String> names = select(path.toString(), new ArrayList<>(arrays.keySet()), layers, "arrays");
                List<Representation> reps = new ArrayList<>();
                for (String name : names) {
                    reps.add(Representation.of(path + ":" + name, NpyArrays.toNDArray(arrays.get(name), manager)));
                }
                return new Loaded(path.toString(), "npz", null, file, names, reps);
            }
            throw new SimilarityException(path + ": not a run directory, .npy file or .npz archive");
        } catch (DataException e) {
            throw new SimilarityException(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new SimilarityException(path + ": file not found");
        } catch (IOException e) {
            throw new SimilarityException(path + ": cannot read: " + e.getMessage());
        }
    }

    private static Loaded loadRun(Path path, List<String> layers, Long step, NDManager manager) throws IOException {
        RunDirectory run = new RunDirectory(path);
        List<Long> steps = run.activationSteps();
        if (steps.isEmpty()) {
            throw new SimilarityException(path + ": no activation captures (activations/step-<n>/<layer>.npy); "
                    + "capture them with probes.activations, or pass .npy/.npz files");
        }
        long chosen = step == null ? steps.get(steps.size() - 1) : step;
        if (!steps.contains(chosen)) {
            throw new SimilarityException(path + ": no activations at step " + chosen + "; captured steps: " + steps);
        }
        List<String> names = select(path + " step " + chosen, run.activationLayers(chosen), layers, "layers");
        List<Representation> reps = new ArrayList<>();
        for (String layer : names) {
            Path file = run.activationFile(chosen, layer);
            reps.add(Representation.of(file.toString(), NpyArrays.toNDArray(NpyArrays.read(file), manager)));
        }
        return new Loaded(path.toString(), "run", chosen, run.runId(), names, reps);
    }

    private static List<String> select(String where, List<String> available, List<String> wanted, String what) {
        if (available.isEmpty()) {
            throw new SimilarityException(where + ": no " + what + " found");
        }
        if (wanted == null || wanted.isEmpty()) {
            return available;
        }
        List<String> missing = new ArrayList<>(wanted);
        missing.removeAll(available);
        if (!missing.isEmpty()) {
            throw new SimilarityException(where + ": no " + what.substring(0, what.length() - 1) + " "
                    + String.join(", ", missing) + "; available: " + String.join(", ", available));
        }
        return wanted.stream().distinct().toList();
    }
}
