package org.lmworkbench.backend.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lmworkbench.backend.cli.Main;
import org.lmworkbench.backend.hessian.SharpnessProbe;
import org.lmworkbench.backend.train.ActivationProbe;
import org.lmworkbench.backend.train.TrainingProbe;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * The backend's packages form layers without cycles: the training loop knows no probe package, and
 * the command packages know nothing of the command line that lists them. Checked on the compiled
 * classes, whose constant pools name every class they use, by type or by a class-name string
 * (which is how reflection would reach one).
 */
class PackageDependencyTest {

    private static final String BACKEND = "org/lmworkbench/backend/";

    /** Package, and the packages it must not use. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "train", List.of("hessian", "similarity", "diagnostics", "cli", "probe"),
            "data", List.of("train", "hessian", "similarity", "diagnostics", "cli", "probe"),
            "model", List.of("train", "hessian", "similarity", "diagnostics", "cli", "probe"),
            "hessian", List.of("cli", "probe", "similarity", "diagnostics"),
            "similarity", List.of("cli", "probe", "hessian", "diagnostics"),
            "diagnostics", List.of("cli", "probe", "hessian"));

    private static Path classes() throws Exception {
        Path main = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(main)) {
            // The installed bundle keeps its classes in backend.jar.
            return FileSystems.newFileSystem(main).getPath("/");
        }
        Path folder = Files.isDirectory(main.resolve(BACKEND)) ? main : main.resolve("bin");
        assertTrue(Files.isDirectory(folder.resolve(BACKEND + "train")), "compiled classes not found at " + main);
        return folder;
    }

    @Test
    void packagesUseOnlyTheLayersBelowThem() throws Exception {
        Path root = classes();
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> rule : FORBIDDEN.entrySet()) {
            try (Stream<Path> files = Files.list(root.resolve(BACKEND + rule.getKey()))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    checked++;
                    String pool = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    for (String other : rule.getValue()) {
                        if (pool.contains(BACKEND + other + "/") || pool.contains(
                                (BACKEND + other + "/").replace('/', '.'))) {
                            violations.add(rule.getKey() + "/" + file.getFileName() + " uses " + other);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 60, "only " + checked + " classes checked");
        assertEquals(List.of(), violations);
    }

    @Test
    void theRegistryCreatesTheProbesASpecSwitchesOn() throws IOException {
        ExperimentSpec quiet = ExperimentSpec.fromJson("""
                {"name": "q", "optimizer": {"lr": 0.1},
                 "probes": {"sharpness": {"every": 0}, "trace": {"every": 0}, "activations": {"every": 0}}}
                """);
        assertEquals(List.of(), probes(quiet));
        ExperimentSpec busy = ExperimentSpec.fromJson("""
                {"name": "b", "optimizer": {"lr": 0.1},
                 "probes": {"sharpness": {"every": 0}, "trace": {"every": 5}, "activations": {"every": 10}}}
                """);
        List<TrainingProbe> created = probes(busy);
        assertEquals(List.of(ActivationProbe.class, SharpnessProbe.class),
                created.stream().map(Object::getClass).toList());
        assertTrue(created.get(1).due(5) && !created.get(1).due(7), "the trace alone switches the Hessian probe on");
    }

    private static List<TrainingProbe> probes(ExperimentSpec spec) {
        return ProbeRegistry.factories().stream().map(f -> f.create(spec)).flatMap(Optional::stream).toList();
    }
}
