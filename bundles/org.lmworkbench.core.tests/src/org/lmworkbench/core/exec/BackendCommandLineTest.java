package org.lmworkbench.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one backend command line: the flags every child gets, the heap and DJL cache when given,
 * DJL settings passed on from this JVM, and a class path outside OSGi that is the JVM's own.
 */
class BackendCommandLineTest {

    @Test
    void commandHasJavaFlagsHeapClassPathMainAndArguments() {
        BackendCommandLine line = BackendCommandLine.builder("/b:/b/lib/api.jar")
                .java("/opt/jdk/bin/java")
                .heap("3g")
                .jvmOption("-XX:+UseSerialGC")
                .systemProperty("ai.djl.pytorch.num_threads", "1")
                .arguments(List.of("hessian", "runs/a", "--top-k", "5"))
                .build();
        List<String> command = line.command();
        assertEquals("/opt/jdk/bin/java", command.get(0));
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx3g", "-XX:+UseSerialGC"),
                command.subList(1, 4));
        assertTrue(command.contains("-Dai.djl.pytorch.num_threads=1"), command.toString());
        int cp = command.indexOf("-cp");
        assertEquals("/b:/b/lib/api.jar", command.get(cp + 1));
        assertEquals(List.of(BackendCommandLine.MAIN_CLASS, "hessian", "runs/a", "--top-k", "5"),
                command.subList(cp + 2, command.size()));
    }

    @Test
    void blankSettingsFallBackToThisJvmAndTheJvmDefaultHeap() {
        List<String> command = BackendCommandLine.builder("cp").java(" ").heap("").djlCache("").build().command();
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), command.get(0));
        assertTrue(command.stream().noneMatch(a -> a.startsWith("-Xmx")), command.toString());
    }

    @Test
    void djlCacheGoesToTheEnvironmentOnTopOfTheParents() {
        BackendCommandLine line = BackendCommandLine.builder("cp").djlCache(" /data/djl ").build();
        assertEquals(Map.of("DJL_CACHE_DIR", "/data/djl", "ENGINE_CACHE_DIR", "/data/djl"), line.environment());
        List<String> env = Arrays.asList(line.environmentArray(Map.of("HOME", "/home/u", "DJL_CACHE_DIR", "/old")));
        assertEquals(List.of("DJL_CACHE_DIR=/data/djl", "ENGINE_CACHE_DIR=/data/djl", "HOME=/home/u"), env);
        assertEquals("/data/djl", line.processBuilder(new File("/tmp")).environment().get("DJL_CACHE_DIR"));
    }

    @Test
    void djlSettingsOfThisJvmArePassedOn() {
        String before = System.getProperty("ai.djl.offline");
        System.setProperty("ai.djl.offline", "false");
        try {
            List<String> command = BackendCommandLine.builder("cp").build().command();
            assertTrue(command.contains("-Dai.djl.offline=false"), command.toString());
        } finally {
            if (before == null) {
                System.clearProperty("ai.djl.offline");
            } else {
                System.setProperty("ai.djl.offline", before);
            }
        }
    }

    @Test
    void aClassNotLoadedByABundleRunsOnTheJvmsOwnClassPath() throws Exception {
        assertEquals(System.getProperty("java.class.path", ""), BackendClassPath.of(Object.class));
    }
}
