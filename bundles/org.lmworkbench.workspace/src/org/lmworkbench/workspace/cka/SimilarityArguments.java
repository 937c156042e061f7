package org.lmworkbench.workspace.cka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.run.SimilarityMetrics;

/**
 * The {@code lmw similarity} command line for a .cka document: {@code --a/--b} with per-model
 * layers in layer mode, {@code --models} with the shared layers in model mode, the metric, the
 * step when one is chosen, {@code --precision} for linear CKA, threads and the output file.
 */
public final class SimilarityArguments {

    private SimilarityArguments() {
    }

    /**
     * The arguments, starting with {@code similarity}.
     *
     * @param doc     the analysis
     * @param project the project's folder on disk, against which run folders resolve
     * @param out     where the backend writes its result JSON
     */
    public static List<String> of(CkaDocument doc, Path project, Path out) {
        List<String> args = new ArrayList<>(List.of("similarity", "--metric", doc.metric()));
        List<String> runs = doc.runs().stream().map(r -> project.resolve(r).toString()).toList();
        if (doc.mode() == CkaDocument.Mode.LAYERS) {
            args.addAll(List.of("--a", runs.get(0), "--b", runs.get(1)));
            if (!doc.layersA().isEmpty()) {
                args.addAll(List.of("--a-layers", String.join(",", doc.layersA())));
            }
            if (!doc.layersB().isEmpty()) {
                args.addAll(List.of("--b-layers", String.join(",", doc.layersB())));
            }
        } else {
            args.addAll(List.of("--models", String.join(",", runs)));
            if (!doc.layers().isEmpty()) {
                args.addAll(List.of("--layers", String.join(",", doc.layers())));
            }
        }
        if (doc.step() != null) {
            args.addAll(List.of("--step", String.valueOf(doc.step())));
        }
        SimilarityMetrics.Parsed metric = SimilarityMetrics.parse(doc.metric());
        if (metric != null && metric.choice().linearCka()) {
            args.addAll(List.of("--precision", doc.precision()));
        }
        args.addAll(List.of("--threads", String.valueOf(doc.threads()), "--out", out.toString()));
        return args;
    }
}
