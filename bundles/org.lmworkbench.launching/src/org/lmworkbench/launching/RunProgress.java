package org.lmworkbench.launching;

import org.eclipse.osgi.util.NLS;
import org.lmworkbench.workspace.runs.LossFormat;

/**
 * Step, total and estimated time left of a run, from observations of its last step over time. The
 * rate is measured from the first step seen after training began, so the JVM start, engine load and
 * step 0's full evaluation do not make the estimate of a fast run absurdly long.
 */
final class RunProgress {

    private final long totalSteps;
    private long firstStep = -1;
    private long firstNanos;
    private long lastStep;
    private long lastNanos;
    private Double lastLoss;

    RunProgress(long totalSteps) {
        this.totalSteps = totalSteps;
    }

    /** Records that the run had reached {@code step} at {@code nanos} (System.nanoTime). */
    void observe(long step, Double loss, long nanos) {
        if (loss != null) {
            lastLoss = loss;
        }
        if (step <= lastStep && firstStep >= 0) {
            return;
        }
        if (firstStep < 0 && step > 0) {
            firstStep = step;
            firstNanos = nanos;
        }
        lastStep = Math.max(lastStep, step);
        lastNanos = nanos;
    }

    long lastStep() {
        return lastStep;
    }

    /** Seconds left at the rate seen so far, or -1 while there is no rate yet. */
    long etaSeconds() {
        if (firstStep < 0 || lastStep <= firstStep || lastNanos <= firstNanos) {
            return -1;
        }
        double stepsPerNano = (double) (lastStep - firstStep) / (lastNanos - firstNanos);
        return Math.round(Math.max(0, totalSteps - lastStep) / stepsPerNano / 1e9);
    }

    /** {@code step 150/1000 · loss 0.1234 · about 0:42 left}; parts without data are left out. */
    String describe() {
        StringBuilder text = new StringBuilder(NLS.bind(Messages.RunProgress_steps, lastStep, totalSteps));
        if (lastLoss != null) {
            text.append(Messages.RunProgress_separator).append(NLS.bind(Messages.RunProgress_loss,
                    LossFormat.format(lastLoss)));
        }
        long eta = etaSeconds();
        if (eta >= 0) {
            text.append(Messages.RunProgress_separator).append(NLS.bind(Messages.RunProgress_eta, duration(eta)));
        }
        return text.toString();
    }

    /** {@code 0:42}, {@code 12:05}, {@code 3:07:45}. */
    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
