package org.lmworkbench.workspace.cka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lmworkbench.core.run.RunDirectory;

/**
 * What a .cka document's runs hold on disk: their activation steps and layers (through core's
 * {@link RunDirectory}), and the checks that make a comparison computable, each naming the JSON
 * path of the document entry it is about. The backend checks again; these checks exist so that the
 * form can say what is wrong before a JVM is started.
 */
public final class CkaRuns {

    private CkaRuns() {
    }

    /** Steps with activation captures, ascending; empty when there are none or the folder is unreadable. */
    public static List<Long> steps(Path run) {
        try {
            return new RunDirectory(run).activationSteps();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Layers captured at {@code step} (null: the last captured step), sorted by name. */
    public static List<String> layers(Path run, Long step) {
        try {
            RunDirectory dir = new RunDirectory(run);
            List<Long> steps = dir.activationSteps();
            if (steps.isEmpty()) {
                return List.of();
            }
            return dir.activationLayers(step == null ? steps.get(steps.size() - 1) : step);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Layers every run has at {@code step}, in the first run's order. */
    public static List<String> commonLayers(List<Path> runs, Long step) {
        if (runs.isEmpty()) {
            return List.of();
        }
        Set<String> common = new LinkedHashSet<>(layers(runs.get(0), step));
        for (Path run : runs.subList(1, runs.size())) {
            common.retainAll(layers(run, step));
        }
        return new ArrayList<>(common);
    }

    /** Steps every run has captured, ascending. */
    public static List<Long> commonSteps(List<Path> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        Set<Long> common = new LinkedHashSet<>(steps(runs.get(0)));
        for (Path run : runs.subList(1, runs.size())) {
            common.retainAll(steps(run));
        }
        return new ArrayList<>(common);
    }

    /**
     * Why {@code doc} cannot be computed against the project at {@code project}, one message per
     * problem; empty when it can.
     */
    public static List<String> problems(CkaDocument doc, Path project) {
        List<String> out = new ArrayList<>();
        List<String> runs = doc.runs();
        if (doc.mode() == CkaDocument.Mode.LAYERS && runs.size() != 2) {
            out.add("$.runs: layer x layer compares exactly two runs; " + runs.size() + " chosen");
        } else if (doc.mode() == CkaDocument.Mode.MODELS && runs.size() < 2) {
            out.add("$.runs: model x model needs at least two runs; " + runs.size() + " chosen");
        }
        for (int i = 0; i < runs.size(); i++) {
            Path run = project.resolve(runs.get(i));
            String where = "$.runs[" + i + "] (" + runs.get(i) + ")";
            if (runs.get(i).contains(",")) {
                out.add(where + ": run folder names with commas cannot be passed to the backend");
            } else if (!Files.isDirectory(run)) {
                out.add(where + ": no such run folder in the project");
            } else if (steps(run).isEmpty()) {
                out.add(where + ": no activation captures (activations/step-<n>/<layer>.npy)");
            } else if (doc.step() != null && !steps(run).contains(doc.step())) {
                out.add(where + ": no activations at step " + doc.step() + "; captured steps: " + steps(run));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (doc.mode() == CkaDocument.Mode.LAYERS) {
            missing(out, "$.layers.a", doc.layersA(), layers(project.resolve(runs.get(0)), doc.step()));
            missing(out, "$.layers.b", doc.layersB(), layers(project.resolve(runs.get(1)), doc.step()));
        } else {
            List<Path> paths = runs.stream().map(project::resolve).toList();
            List<String> common = commonLayers(paths, doc.step());
            if (common.isEmpty()) {
                out.add("$.runs: the runs have no layer in common at " + stepText(doc.step()));
            }
            missing(out, "$.layers", doc.layers(), doc.layers().isEmpty() ? doc.layers() : common);
        }
        return out;
    }

    private static void missing(List<String> out, String path, List<String> wanted, List<String> available) {
        List<String> absent = new ArrayList<>(wanted);
        absent.removeAll(available);
        if (!absent.isEmpty()) {
            out.add(path + ": no captured layer " + String.join(", ", absent) + "; available: "
                    + String.join(", ", available));
        }
    }

    /** "step 100" or "the last captured step". */
    public static String stepText(Long step) {
        return step == null ? "the last captured step" : "step " + step;
    }
}
