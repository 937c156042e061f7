package org.lmworkbench.workspace.cka;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmworkbench.core.spec.SpecDocument;
import org.lmworkbench.core.spec.SpecNode;
import org.lmworkbench.core.spec.SpecProblem;
import org.lmworkbench.core.spec.SpecReader;
import org.lmworkbench.core.run.SimilarityMetrics;

/**
 * Reads a .cka document. Core's location-aware JSON reader finds the structure with lines and
 * columns, so that every complaint names its JSON path and place ("line 4, column 12: $.runs[1]
 * must be a string but found number 3"); the embedded backend result is taken from a Gson tree of
 * the same text, kept as the backend wrote it. All problems are collected before failing.
 */
public final class CkaDocumentReader {

    private static final Set<String> KEYS = Set.of("version", "mode", "runs", "layers", "step", "metric", "settings",
            "result", "result_file");
    private static final Set<String> SETTINGS = Set.of("precision", "threads");

    private final List<SpecProblem> problems = new ArrayList<>();

    private CkaDocumentReader() {
    }

    /**
     * Parses {@code text}.
     *
     * @param source the file name for messages, or null
     * @throws CkaFormatException listing every problem
     */
    public static CkaDocument read(String text, String source) throws CkaFormatException {
        return new CkaDocumentReader().parse(text, source);
    }

    private CkaDocument parse(String text, String source) throws CkaFormatException {
        SpecDocument tree = new SpecReader().read(text);
        problems.addAll(tree.problems());
        if (tree.isUnreadable()) {
            throw new CkaFormatException(source, problems);
        }
        SpecNode.ObjectNode root = tree.root();
        CkaDocument doc = new CkaDocument();
        for (Map.Entry<String, SpecNode> e : root.members().entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                error(e.getValue(), e.getValue().path() + " is not a .cka key; known keys: " + String.join(", ",
                        List.of("version", "mode", "runs", "layers", "step", "metric", "settings", "result",
                                "result_file")));
            }
        }
        SpecNode version = require(root, "version");
        if (version != null) {
            Long v = integer(version);
            if (v != null && v != CkaDocument.VERSION) {
                error(version, "$.version " + v + " is not supported; this workbench reads version "
                        + CkaDocument.VERSION);
            }
        }
        String modeWord = string(require(root, "mode"));
        if (modeWord != null) {
            CkaDocument.Mode mode = CkaDocument.Mode.of(modeWord);
            if (mode == null) {
                error(root.get("mode"), "$.mode must be \"layers\" or \"models\" but found " + root.get("mode").describe());
            } else {
                doc.setMode(mode);
            }
        }
        SpecNode runsNode = require(root, "runs");
        List<String> runs = strings(runsNode);
        if (runs != null) {
            checkRuns(runsNode, runs, doc.mode());
            doc.setRuns(runs);
        }
        readLayers(root.get("layers"), doc);
        SpecNode step = root.get("step");
        if (step != null && !(step instanceof SpecNode.NullNode)) {
            Long s = integer(step);
            if (s != null && s < 0) {
                error(step, "$.step must be >= 0 but found " + step.describe());
            } else if (s != null) {
                doc.setStep(s);
            }
        }
        String metric = string(require(root, "metric"));
        if (metric != null) {
            if (SimilarityMetrics.parse(metric) == null) {
                error(root.get("metric"), "$.metric: unknown metric '" + metric + "'; known metrics: "
                        + SimilarityMetrics.knownNames() + " (sigma, batch, var and topk take other values)");
            } else {
                SimilarityMetrics.Parsed parsed = SimilarityMetrics.parse(metric);
                String bad = parsed.settingValue() == null ? null : parsed.choice().checkSetting(parsed.settingValue());
                if (bad != null) {
                    error(root.get("metric"), "$.metric: " + bad);
                }
                doc.setMetric(metric.trim());
            }
        }
        readSettings(root.get("settings"), doc);
        readResult(root, text, doc);
        if (!problems.isEmpty()) {
            throw new CkaFormatException(source, problems);
        }
        return doc;
    }

    private void checkRuns(SpecNode node, List<String> runs, CkaDocument.Mode mode) {
        SpecNode.ArrayNode array = (SpecNode.ArrayNode) node;
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            String run = runs.get(i);
            SpecNode at = array.elements().get(i);
            if (run.isBlank()) {
                error(at, at.path() + " must name a run folder, e.g. \"runs/eos-001\", but is empty");
            } else if (run.startsWith("/") || run.contains("..")) {
                error(at, at.path() + " must be a project-relative run folder, not \"" + run + "\"");
            } else if (!seen.add(run)) {
                error(at, at.path() + " repeats run \"" + run + "\"");
            }
        }
        if (mode == CkaDocument.Mode.LAYERS && runs.size() != 2) {
            error(node, "$.runs must name exactly two runs in \"layers\" mode but names " + runs.size());
        } else if (mode == CkaDocument.Mode.MODELS && runs.size() < 2) {
            error(node, "$.runs must name at least two runs in \"models\" mode but names " + runs.size());
        }
    }

    private void readLayers(SpecNode node, CkaDocument doc) {
        if (node == null) {
            return;
        }
        if (doc.mode() == CkaDocument.Mode.LAYERS) {
            if (!(node instanceof SpecNode.ObjectNode pair)) {
                error(node, "$.layers must be an object {\"a\": [...], \"b\": [...]} in \"layers\" mode but found "
                        + node.describe());
                return;
            }
            for (String key : pair.members().keySet()) {
                if (!key.equals("a") && !key.equals("b")) {
                    error(pair.get(key), pair.get(key).path() + " is not a layer list; use \"a\" and \"b\"");
                }
            }
            List<String> a = pair.get("a") == null ? List.of() : strings(pair.get("a"));
            List<String> b = pair.get("b") == null ? List.of() : strings(pair.get("b"));
            doc.setLayerPair(a == null ? List.of() : a, b == null ? List.of() : b);
        } else {
            List<String> layers = strings(node);
            if (layers != null) {
                doc.setLayers(layers);
            }
        }
    }

    private void readSettings(SpecNode node, CkaDocument doc) {
        if (node == null) {
            return;
        }
        if (!(node instanceof SpecNode.ObjectNode settings)) {
            error(node, "$.settings must be an object but found " + node.describe());
            return;
        }
        for (Map.Entry<String, SpecNode> e : settings.members().entrySet()) {
            if (!SETTINGS.contains(e.getKey())) {
                error(e.getValue(), e.getValue().path() + " is not a setting; settings are precision and threads");
            }
        }
        String precision = settings.get("precision") == null ? null : string(settings.get("precision"));
        if (precision != null && !CkaDocument.PRECISIONS.contains(precision)) {
            error(settings.get("precision"), "$.settings.precision must be \"float64\" or \"mixed\" but found "
                    + settings.get("precision").describe());
        } else if (precision != null) {
            doc.setPrecision(precision);
        }
        Long threads = settings.get("threads") == null ? null : integer(settings.get("threads"));
        if (threads != null && (threads < 1 || threads > 1024)) {
            error(settings.get("threads"), "$.settings.threads must be between 1 and 1024 but found " + threads);
        } else if (threads != null) {
            doc.setThreads(threads.intValue());
        }
    }

    private void readResult(SpecNode.ObjectNode root, String text, CkaDocument doc) {
        SpecNode result = root.get("result");
        SpecNode file = root.get("result_file");
        if (result != null && file != null) {
            error(file, "$.result_file and $.result cannot both be given; keep one");
        }
        if (file != null) {
            String path = string(file);
            if (path != null) {
                doc.setResultFile(path);
            }
        }
        if (result == null || result instanceof SpecNode.NullNode) {
            return;
        }
        if (!(result instanceof SpecNode.ObjectNode)) {
            error(result, "$.result must be the backend's result object but found " + result.describe());
            return;
        }
        try {
            JsonElement tree = JsonParser.parseString(text.startsWith("\uFEFF") ? text.substring(1) : text);
            doc.setResult(tree.getAsJsonObject().getAsJsonObject("result"));
        } catch (JsonParseException | IllegalStateException e) {
            error(result, "$.result cannot be read: " + e.getMessage());
        }
    }

    private SpecNode require(SpecNode.ObjectNode root, String key) {
        SpecNode node = root.get(key);
        if (node == null) {
            problems.add(new SpecProblem(SpecProblem.Severity.ERROR, "$." + key + " is missing", "$." + key,
                    root.line(), root.column()));
        }
        return node;
    }

    private String string(SpecNode node) {
        if (node == null) {
            return null;
        }
        if (node instanceof SpecNode.StringNode s) {
            return s.value();
        }
        error(node, node.path() + " must be a string but found " + node.describe());
        return null;
    }

    private Long integer(SpecNode node) {
        if (node instanceof SpecNode.NumberNode n && n.isIntegral() && n.value().abs().longValue() < Long.MAX_VALUE / 2) {
            return n.value().longValue();
        }
        error(node, node.path() + " must be a whole number but found " + node.describe());
        return null;
    }

    private List<String> strings(SpecNode node) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof SpecNode.ArrayNode array)) {
            error(node, node.path() + " must be an array of strings but found " + node.describe());
            return null;
        }
        List<String> values = new ArrayList<>();
        boolean ok = true;
        for (SpecNode element : array.elements()) {
            String s = string(element);
            ok &= s != null;
            values.add(s);
        }
        return ok ? values : null;
    }

    private void error(SpecNode at, String message) {
        problems.add(SpecProblem.error(message, at));
    }
}
