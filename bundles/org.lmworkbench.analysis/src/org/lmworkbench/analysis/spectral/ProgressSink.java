package org.lmworkbench.analysis.spectral;

/**
 * Cooperative progress reporting and cancellation for the long-running numerics: the spectral
 * algorithms (a unit of work is one operator application) and the scaling-law multistart and
 * bootstrap (a unit is one fitted start or resample).
 *
 * <p>Deliberately free of Eclipse types so the numerics stay usable (and testable) outside
 * the platform; the UI layer adapts an {@code IProgressMonitor}/{@code SubMonitor} to this
 * interface. Every algorithm calls {@link #worked(int)} after each operator application
 * (including the extra applications used to verify residuals) and polls
 * {@link #isCanceled()} once per iteration, before starting the next expensive application.
 * On cancellation the algorithm throws {@link java.util.concurrent.CancellationException};
 * no partial result is returned because a half-converged spectrum is easy to misread.
 */
public interface ProgressSink {

    /** A sink that ignores progress and never cancels. */
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void worked(int hvps) {
            // intentionally empty: callers without a UI pay nothing
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };

    /**
     * Announces a task and an upper bound on the operator applications it will use, so an
     * adapter can size a progress bar. Optional; the default does nothing.
     *
     * @param taskName     short human-readable description
     * @param maxHvps      upper bound on the number of {@link #worked(int)} units to follow
     */
    default void begin(String taskName, long maxHvps) {
        // optional hook
    }

    /**
     * Reports that {@code hvps} further operator applications (Hessian-vector products) were
     * performed.
     *
     * @param hvps number of new applications, at least 1
     */
    void worked(int hvps);

    /** @return {@code true} if the caller wants the running computation abandoned */
    boolean isCanceled();
}
