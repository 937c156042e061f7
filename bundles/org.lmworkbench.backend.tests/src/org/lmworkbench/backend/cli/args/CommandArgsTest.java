package org.lmworkbench.backend.cli.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lmworkbench.backend.cli.args.CommandArgs.Style;

class CommandArgsTest {

    private static String error(Runnable r) {
        return assertThrows(CommandArgsException.class, r::run).getMessage();
    }

    @Test
    void positionalFlagsAndValues() {
        CommandArgs a = CommandArgs.parse(new String[] {"spec.lmx", "--out", "dir", "--threads=4", "--quiet", "-h"},
                Style.BACKEND, "run", Set.of("out", "threads"), Set.of("quiet"));
        assertEquals(List.of("spec.lmx"), a.positional());
        assertEquals("dir", a.get("out"));
        assertEquals(4, a.integer("threads", null));
        assertTrue(a.has("quiet"));
        assertTrue(a.help());
        assertFalse(a.has("device"));
        assertEquals(7, a.integer("device", 7));
    }

    @Test
    void backendWording() {
        Set<String> valued = Set.of("out", "threads");
        assertEquals("unknown option --bogus",
                error(() -> CommandArgs.parse(new String[] {"--bogus=1"}, Style.BACKEND, "run", valued, Set.of())));
        assertEquals("option --out needs a value",
                error(() -> CommandArgs.parse(new String[] {"--out"}, Style.BACKEND, "run", valued, Set.of())));
        CommandArgs a = CommandArgs.parse(new String[] {"--threads", "x", "--threads", "two"}, Style.BACKEND, "run",
                valued, Set.of());
        assertEquals("option --threads needs a whole number, not 'two'", error(() -> a.integer("threads", 1)));
    }

    @Test
    void analysisWording() {
        Set<String> valued = Set.of("metric", "out", "step");
        assertEquals("similarity: unknown option --nope (options: --metric, --out, --step)",
                error(() -> CommandArgs.parse(new String[] {"--nope", "1"}, Style.ANALYSIS, "similarity", valued,
                        Set.of())));
        assertEquals("similarity: --out given twice", error(() -> CommandArgs.parse(
                new String[] {"--out", "a", "--out=b"}, Style.ANALYSIS, "similarity", valued, Set.of())));
        assertEquals("similarity: --step needs a value", error(() -> CommandArgs.parse(new String[] {"--step"},
                Style.ANALYSIS, "similarity", valued, Set.of())));
        CommandArgs a = CommandArgs.parse(new String[] {"--step", " 5 ", "--metric", "a, b,,c", "--out", "-1"},
                Style.ANALYSIS, "similarity", valued, Set.of());
        assertEquals(5, a.number("step", 0, 0));
        assertEquals(List.of("a", "b", "c"), a.list("metric"));
        assertEquals("similarity: --out must be an integer >= 0, not '-1'", error(() -> a.number("out", 0, 0)));
        assertEquals(List.of(), a.list("missing"));
        assertEquals("similarity: --missing is required (see --help)", error(() -> a.require("missing")));
    }

    @Test
    void hessianWording() {
        Set<String> valued = Set.of("top-k", "sigma");
        assertEquals("unknown option --top-k=3", error(() -> CommandArgs.parse(new String[] {"--top-k=3"},
                Style.HESSIAN, "hessian", valued, Set.of("trace"))));
        assertEquals("--sigma needs a value", error(() -> CommandArgs.parse(new String[] {"--sigma"},
                Style.HESSIAN, "hessian", valued, Set.of("trace"))));
        CommandArgs a = CommandArgs.parse(new String[] {"--top-k", "0", "--sigma", "-1", "--trace"}, Style.HESSIAN,
                "hessian", valued, Set.of("trace"));
        assertTrue(a.has("trace"));
        assertEquals("--top-k must be at least 1, got 0", error(() -> a.number("top-k", -1, 1)));
        assertEquals("--sigma must be a positive number, got -1", error(() -> a.positive("sigma", 1)));
        CommandArgs b = CommandArgs.parse(new String[] {"--top-k", "x", "--sigma", "y"}, Style.HESSIAN, "hessian",
                valued, Set.of());
        assertEquals("--top-k needs a whole number, got 'x'", error(() -> b.number("top-k", -1, 1)));
        assertEquals("--sigma needs a number, got 'y'", error(() -> b.positive("sigma", 1)));
        assertEquals(0.5, CommandArgs.parse(new String[] {"--sigma", "0.5"}, Style.HESSIAN, "hessian", valued,
                Set.of()).positive("sigma", 1), 0);
    }
}
