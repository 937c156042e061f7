package org.lmworkbench.ui.transfer;

import java.util.List;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.lmworkbench.analysis.transfer.TransferSettings;
import org.lmworkbench.ui.charts.ExportTarget;
import org.lmworkbench.ui.editors.ReadOnlyFormEditor;

/**
 * The Hyperparameter Transfer editor: opened on a sweep spec over width and learning rate (or on a
 * project's runs folder), it shows the loss against log2(lr) per width with the optimum of each
 * width, the muP coordinate check of the runs' activation captures, and how fast the learning rate
 * transfers (suboptimality against finite-width gap). It edits nothing: the
 * settings (which keys are width and lr, which loss) only change what is read, and Refresh reads
 * the runs again while a sweep is still filling in.
 */
public class TransferEditor extends ReadOnlyFormEditor {

    /** The editor id, as registered in plugin.xml. */
    public static final String ID = "org.lmworkbench.ui.editors.transfer";

    private TransferSource source;
    private TransferSettings settings = TransferSettings.defaults();
    private double checkLr = Double.NaN;
    private TransferResult result;
    private TransferLoadJob job;
    /** Number of loads started; only the newest one's result is shown. */
    private int loads;
    private int shownLoad;
    private LrSweepPage lrPage;
    private CoordinateCheckPage checkPage;
    private TransferQualityPage qualityPage;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        source = TransferSource.of(input);
        super.init(site, input);
        setPartName(source.name());
    }

    @Override
    protected void addPages() {
        try {
            lrPage = new LrSweepPage(this);
            checkPage = new CoordinateCheckPage(this);
            addPage(lrPage);
            addPage(checkPage);
            qualityPage = new TransferQualityPage(this);
            addPage(qualityPage);
        } catch (PartInitException e) {
            ILog.of(getClass()).error(e.getMessage(), e);
        }
        refresh();
    }

    /** Reads the runs again and redraws both pages when done. */
    public void refresh() {
        if (job != null) {
            job.cancel();
        }
        int load = ++loads;
        job = schedule(new TransferLoadJob(source, settings, checkLr, loaded -> deliver(loaded, load)));
    }

    /** The settings in use. */
    TransferSettings settings() {
        return settings;
    }

    /** Uses other keys, metric or aggregation, and reads the runs again. */
    void applySettings(TransferSettings newSettings) {
        settings = newSettings;
        refresh();
    }

    /** Runs the coordinate check on the runs at another learning rate. */
    void chooseCheckLr(double lr) {
        if (lr != checkLr) {
            checkLr = lr;
            refresh();
        }
    }

    /** Where a page's chart export starts, named {@code <spec>-<what>}. */
    ExportTarget exportTarget(String what) {
        return new ExportTarget(source::folder, source.baseName() + "-" + what);
    }

    /** The keys swept by the spec, offered as width and lr keys. */
    List<String> sweepKeys() {
        return source.sweepKeys();
    }

    /** The latest result, or null before the first load finished. */
    TransferResult result() {
        return result;
    }

    /** True until the newest load's result is on the pages (for tests, which wait for it). */
    boolean isLoading() {
        return shownLoad != loads;
    }

    /** The learning-rate page (for tests). */
    LrSweepPage lrPage() {
        return lrPage;
    }

    /** The coordinate-check page (for tests). */
    CoordinateCheckPage checkPage() {
        return checkPage;
    }

    /** The transfer-quality page (for tests). */
    TransferQualityPage qualityPage() {
        return qualityPage;
    }

    /** A Refresh action for the pages' tool bars. */
    IAction refreshAction() {
        Action refresh = new Action(Messages.TransferEditor_refresh) {
            @Override
            public void run() {
                refresh();
            }
        };
        refresh.setToolTipText(Messages.TransferEditor_refreshTooltip);
        return refresh;
    }

    private void deliver(TransferResult loaded, int load) {
        inUi(() -> {
            if (load != loads || lrPage == null || getContainer() == null || getContainer().isDisposed()) {
                return;
            }
            result = loaded;
            shownLoad = load;
            lrPage.show(loaded);
            checkPage.show(loaded);
            qualityPage.show(loaded);
        });
    }

    /** The spec, or the folder whose runs are shown: deleting it closes the editor. */
    @Override
    protected IResource watchedResource() {
        return source.resource();
    }
}
