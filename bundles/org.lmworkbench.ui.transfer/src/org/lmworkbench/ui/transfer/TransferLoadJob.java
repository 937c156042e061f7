package org.lmworkbench.ui.transfer;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.analysis.transfer.CoordinateCheck;
import org.lmworkbench.analysis.transfer.LrSweepTable;
import org.lmworkbench.analysis.transfer.SweepRunCollector;
import org.lmworkbench.analysis.transfer.TransferDataException;
import org.lmworkbench.analysis.transfer.TransferSettings;
import org.lmworkbench.analysis.transfer.TransferSummary;

/**
 * Reads the runs and computes both pages' analyses off the UI thread. Activation captures can be
 * many megabytes for wide models, which is why this is a Job and cancellable between files.
 */
final class TransferLoadJob extends Job {

    /** Family of every transfer load, for tests and for cancelling on close. */
    static final Object FAMILY = TransferLoadJob.class;

    private final TransferSource source;
    private final TransferSettings settings;
    private final double requestedLr;
    private final Consumer<TransferResult> done;

    /**
     * @param requestedLr learning rate for the coordinate check, or NaN for the default
     * @param done        receives the result on this Job's thread (not called when cancelled)
     */
    TransferLoadJob(TransferSource source, TransferSettings settings, double requestedLr,
            Consumer<TransferResult> done) {
        super(NLS.bind(Messages.TransferEditor_loadJob, source.name()));
        this.source = source;
        this.settings = settings;
        this.requestedLr = requestedLr;
        this.done = done;
        setUser(false);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, getName(), 3);
        try {
            SweepRunCollector.Result runs = source.collect(settings);
            sub.worked(1);
            LrSweepTable table = LrSweepTable.of(runs.runs());
            TransferSummary summary = TransferSummary.of(table);
            double lr = TransferResult.onGrid(table, requestedLr) ? requestedLr
                    : TransferResult.defaultCheckLr(table, summary);
            sub.worked(1);
            CoordinateCheck check = table.isEmpty() ? null
                    : CoordinateCheck.compute(TransferResult.runsAt(runs.runs(), lr), sub::isCanceled);
            sub.worked(1);
            done.accept(new TransferResult(runs, table, summary, lr, check, null));
        } catch (CancellationException e) {
            return Status.CANCEL_STATUS;
        } catch (IOException | TransferDataException | IllegalArgumentException e) {
            // The user's data is at fault, not the workbench: shown in the form, not logged.
            done.accept(TransferResult.failed(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        return sub.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
