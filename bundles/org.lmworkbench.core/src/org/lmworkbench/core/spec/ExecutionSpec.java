package org.lmworkbench.core.spec;

/**
 * Where and how a run executes ({@code "execution"} in a spec).
 *
 * @param device    compute device; {@code auto} uses a GPU when one is usable
 * @param threads   intra-op CPU threads of one run
 * @param parallel  runs of a sweep executed at the same time
 * @param jvmMemory maximum heap of the backend JVM, in {@code -Xmx} syntax such as {@code 4g}
 */
public record ExecutionSpec(Device device, int threads, int parallel, String jvmMemory) {

    /** Compute device. */
    public enum Device implements SpecEnum {
        /** GPU if available, otherwise CPU. */
        AUTO,
        /** CPU only. */
        CPU,
        /** GPU; the run fails if none is usable. */
        GPU
    }
}
