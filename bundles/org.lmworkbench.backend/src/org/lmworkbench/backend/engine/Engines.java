package org.lmworkbench.backend.engine;

import ai.djl.engine.Engine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where DJL's PyTorch engine is obtained. Every caller (command line, tests inside
 * OSGi, benchmark) goes through {@link #pytorch(int)} so that the settings DJL reads once, at the
 * first engine load, are always in place:
 * <ul>
 * <li>{@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true}: otherwise every engine load
 * tries the network (downloads, usage tracking). A user may opt in to downloads (for example to
 * fetch a CUDA libtorch) with {@code -Dai.djl.offline=false}, which is left untouched.</li>
 * <li>{@code ai.djl.pytorch.num_threads}/{@code num_interop_threads}: the intra-op thread count is
 * a run setting, because the default of one thread per core collapses under contention.</li>
 * <li>The thread context class loader is this bundle's loader while the engine loads: inside
 * Equinox DJL finds its engine provider and native jars through it.</li>
 * </ul>
 * Thread settings given to {@link #pytorch(int)} only take effect on the first load in a JVM;
 * {@link #prepareRun(int, long)} sets them for each run.
 */
public final class Engines {

    /** Name of DJL's PyTorch engine. */
    public static final String PYTORCH = "PyTorch";

    private static final Pattern FLAVOR = Pattern.compile("\\d+\\.\\d+\\.\\d+-\\d+-(cpu|cu\\d+)");
    private static volatile Engine engine;

    private Engines() {
    }

    /**
     * The PyTorch engine, loading it on the first call with {@code threads} intra-op threads.
     *
     * @param threads intra-op CPU threads (1 gives bit-reproducible CPU runs and the best throughput
     *                under contention)
     */
    public static synchronized Engine pytorch(int threads) {
        if (engine != null) {
            return engine;
        }
        applyDefaults(threads);
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(Engines.class.getClassLoader());
        try {
            engine = Engine.getEngine(PYTORCH);
        } finally {
            current.setContextClassLoader(previous);
        }
        return engine;
    }

    /** The engine with the thread count of an earlier call, or one thread if this is the first call. */
    public static Engine pytorch() {
        return pytorch(1);
    }

    /** True once the engine has been loaded in this JVM. */
    public static boolean isLoaded() {
        return engine != null;
    }

    /** Sets DJL's system properties unless the user set them explicitly. */
    static void applyDefaults(int threads) {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // DJL logs through slf4j-simple; keep its INFO chatter off the run's stdout.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // On machines without a CUDA driver DJL warns about it at every GPU query; "no GPU" is not news.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(Math.max(1, threads)));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Puts the settings of libtorch that outlive a run into the state a run expects, whatever an
     * earlier run in this JVM left behind (a backend worker trains many runs in one JVM, and each must
     * give what a fresh process gives): the intra-op thread count, grad mode off on the calling
     * thread, and libtorch's random generator seeded from the run's seed (the backend draws its own
     * random numbers in Java; this keeps anything inside libtorch that draws one reproducible too).
     *
     * @param threads intra-op CPU threads of the run
     * @param seed    the run's seed
     */
    public static void prepareRun(int threads, long seed) {
        pytorch(threads);
        int wanted = Math.max(1, threads);
        if (ai.djl.pytorch.jni.JniUtils.getNumThreads() != wanted) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(wanted);
        }
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        ai.djl.pytorch.jni.JniUtils.setSeed(seed);
    }

    /** DJL's version, e.g. {@code 0.35.1}. */
    public static String djlVersion() {
        return Engine.getDjlVersion();
    }

    /** libtorch version and flavour, e.g. {@code 2.7.1-cpu} or {@code 2.7.1-cu128}. */
    public static String libtorchVersion(Engine loaded) {
        Matcher m = FLAVOR.matcher(loaded.toString());
        return m.find() ? loaded.getVersion() + "-" + m.group(1) : loaded.getVersion();
    }

    /** Intra-op threads the engine actually uses. */
    public static int threadsInUse() {
        return ai.djl.pytorch.jni.JniUtils.getNumThreads();
    }
}
