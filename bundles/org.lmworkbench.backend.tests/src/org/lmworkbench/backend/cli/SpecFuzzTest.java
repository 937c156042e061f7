package org.lmworkbench.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.spec.ExampleSpecs;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.SpecJsonEditor;
import org.lmworkbench.core.spec.SpecLoadResult;
import org.lmworkbench.core.spec.Specs;

/**
 * Hostile specs: a few hundred mutants of the example specs and of two small runnable specs (see
 * {@link SpecMutator}), each given to {@code lmw run}, and those it rejects to {@code lmw sweep}
 * too. Rejected ones cost a validation each; a handful of the mutants that validate are started
 * for three steps (or refused up front, when their sizes cannot fit in memory). Whatever the input, the
 * command must end with 0, 2 or 3 (never 1, the code of a bug), print no stack trace, locate every
 * problem it reports by file and line or by JSON path, and speak the user's language rather than
 * the JSON parser's. The generator is seeded, so a failure names a mutant that can be made again.
 */
class SpecFuzzTest {

    private static final long SEED = 20261207L;
    private static final int MUTANTS = 400;
    private static final int STARTED = 16;

    /** Words that only make sense to someone who knows the parser's source. */
    private static final List<String> PARSER_WORDS = List.of("JsonReadFeature", "ALLOW_", "Unexpected character (",
            "StreamReadConstraints", "(code ", "JsonToken", "START_OBJECT", "VALUE_NUMBER", "com.fasterxml", "Jackson",
            "jackson", "Gson", "MalformedJson", "setStrictness", "[Source:", "REJECTED_", "ctrl-char", "CTRL-CHAR",
            "JsonParser", "Feature '", "`");

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(.*\\)$");

    static final String RUNNABLE = """
            {"name": "fuzz", "seed": 1,
             "model": {"family": "mlp", "width": 8, "depth": 2, "activation": "tanh"},
             "data": {"source": "teacher_student", "n_train": 32, "n_test": 8, "input_dim": 4, "probe_size": 8},
             "optimizer": {"name": "sgd", "lr": 0.05},
             "training": {"steps": 3, "batch_size": 8},
             "probes": {"metrics_every": 1, "checkpoint_every": 2,
                        "sharpness": {"every": 1, "examples": 16, "top_k": 2},
                        "trace": {"every": 2, "samples": 3}},
             "execution": {"device": "cpu", "threads": 1}}
            """;

    static final String RUNNABLE_TOKENS = """
            {"name": "fuzz-tokens", "model": {"family": "transformer", "depth": 1, "heads": 2, "embedding": 8, "context": 4},
             "data": {"source": "modular_arithmetic", "modulus": 7, "n_train": 24, "n_test": 8},
             "optimizer": {"name": "adam", "lr": 0.01, "schedule": {"kind": "cosine", "warmup_steps": 1}},
             "training": {"steps": 3, "loss": "cross_entropy"},
             "probes": {"metrics_every": 1}}
            """;

    @TempDir
    Path dir;

    /** What the fuzzing found, by kind; printed for the record and asserted empty at the end. */
    private final Map<String, List<String>> findings = new TreeMap<>();
    private final Map<Integer, Integer> exitCodes = new TreeMap<>();
    private final Map<Integer, Integer> startedCodes = new TreeMap<>();

    @Test
    void hostileSpecsAreRejectedWithLocatedMessagesInTheUsersTerms() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (String name : ExampleSpecs.ALL) {
            seeds.add(ExampleSpecs.text(name));
        }
        seeds.add(RUNNABLE);
        seeds.add(RUNNABLE_TOKENS);
        SpecMutator mutator = new SpecMutator(new Random(SEED));
        int valid = 0;
        int started = 0;
        for (int i = 0; i < MUTANTS; i++) {
            SpecMutator.Mutant mutant = mutator.mutate(seeds.get(i % seeds.size()));
            Path file = dir.resolve("m" + i + ".lmx");
            Files.write(file, mutant.bytes());
            String label = "mutant " + i + " " + mutant.mutations();
            SpecLoadResult loaded = null;
            try {
                loaded = Specs.load(file);
            } catch (Throwable t) {
                record("validation threw", label + ": " + t);
            }
            if (loaded != null && !loaded.hasErrors()) {
                valid++;
                if (started >= STARTED || !startable(loaded)) {
                    continue;
                }
                started++;
                Files.writeString(file, SpecJsonEditor.set(Files.readString(file), "training.steps", 3));
                Cli.Result r = Cli.run("run", file.toString(), "--out", dir.resolve("out" + i).toString());
                startedCodes.merge(r.code(), 1, Integer::sum);
                check(label, file, r);
                continue;
            }
            check(label, file, Cli.run("run", file.toString(), "--out", dir.resolve("out" + i).toString()));
            // sweep validates the same spec the same way, and must say so in the same terms.
            Cli.Result sweep = Cli.run("sweep", file.toString(), "--out", dir.resolve("sweep" + i).toString());
            if (sweep.code() != ExitCodes.INVALID_INPUT) {
                record("sweep did not refuse it (exit 2)", label + "\n" + sweep);
            }
            check(label + " (sweep)", file, sweep);
        }
        String summary = "spec fuzzing: " + MUTANTS + " specs tried, " + valid + " valid, " + started
                + " of them started (exit codes " + startedCodes + "); exit codes " + exitCodes + "; findings "
                + findings.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList();
        System.out.println(summary);
        findings.forEach((kind, cases) -> cases.forEach(c -> System.out.println("  " + kind + ": "
                + c.lines().findFirst().orElse("") + (c.contains("\n") ? " | " + c.lines().skip(1).findFirst().orElse("") : ""))));
        assertTrue(findings.isEmpty(), summary + "\n" + findings);
        assertTrue(started >= 3, "too few valid mutants were started: " + summary);
        assertTrue(exitCodes.getOrDefault(ExitCodes.INVALID_INPUT, 0) > MUTANTS / 2, summary);
    }

    private void check(String label, Path file, Cli.Result r) {
        exitCodes.merge(r.code(), 1, Integer::sum);
        String err = r.err();
        if (r.code() != ExitCodes.OK && r.code() != ExitCodes.INVALID_INPUT && r.code() != ExitCodes.DIVERGED) {
            record("exit " + r.code(), label + "\n" + err);
        }
        if (STACK_FRAME.matcher(err).find() || err.contains("Exception in thread") || err.contains("internal error")) {
            record("stack trace", label + "\n" + err);
        }
        for (String word : PARSER_WORDS) {
            if (err.contains(word)) {
                record("parser wording", label + ": '" + word + "' in\n" + err);
                break;
            }
        }
        if (r.code() == ExitCodes.INVALID_INPUT) {
            for (String line : err.lines().toList()) {
                if (!line.isBlank() && !located(line, file)) {
                    record("no location", label + ": " + line);
                }
            }
        }
    }

    /**
     * A problem line names the spec file and a line of it, or a JSON path; the closing count of
     * errors is not a problem of its own.
     */
    private static boolean located(String line, Path file) {
        if (line.matches("(run|sweep): .*: the spec has \\d+ errors?; nothing was run")) {
            return true;
        }
        String text = line.replaceFirst("^(run|sweep): ", "");
        return text.matches(Pattern.quote(file.toString()) + ":[1-9]\\d*: .*") || text.contains("$.")
                || text.contains("$[");
    }

    /** Small enough to train three steps in a moment, or so large that it must be refused before any work. */
    private static boolean startable(SpecLoadResult loaded) {
        if (loaded.isSweep()) {
            return true; // run refuses a sweep at once
        }
        ExperimentSpec s = loaded.runs().get(0).spec();
        boolean small = (long) s.model().width() * s.model().depth() <= 4096 && s.data().nTrain() <= 4096
                && s.data().nTest() <= 4096 && s.data().inputDim() <= 256 && s.data().outputDim() <= 64
                && s.probes().trace().samples() <= 64 && s.probes().sharpness().maxIterations() <= 200
                && s.model().embedding() <= 256 && s.model().channels() <= 64 && s.model().context() <= 64;
        boolean huge = s.model().width() >= 1_000_000 || s.data().nTrain() >= 1_000_000_000
                || s.data().outputDim() >= 1_000_000 || s.data().inputDim() >= 100_000_000;
        return small || huge;
    }

    private void record(String kind, String detail) {
        findings.computeIfAbsent(kind, k -> new ArrayList<>()).add(detail);
    }

    @Test
    void theMutatorIsDeterministic() {
        SpecMutator a = new SpecMutator(new Random(SEED));
        SpecMutator b = new SpecMutator(new Random(SEED));
        for (int i = 0; i < 50; i++) {
            SpecMutator.Mutant x = a.mutate(RUNNABLE);
            SpecMutator.Mutant y = b.mutate(RUNNABLE);
            assertEquals(x.mutations(), y.mutations());
            assertTrue(java.util.Arrays.equals(x.bytes(), y.bytes()), x.mutations().toString());
        }
    }
}
