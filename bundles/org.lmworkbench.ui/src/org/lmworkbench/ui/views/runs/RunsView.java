package org.lmworkbench.ui.views.runs;

import java.util.Map;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.PlotChart;
import org.lmworkbench.workspace.runs.ChartUpdate;
import org.lmworkbench.workspace.runs.RunQuery;
import org.lmworkbench.workspace.runs.ViewSettings.XAxis;
import org.lmworkbench.workspace.runs.ViewSettings;

/**
 * The Runs view: the metrics of the runs selected in the workbench as live charts. It follows the
 * selection (runs, a runs/ folder, a spec's sweep, a project) unless pinned, and while any of the
 * runs is queued or running it reads their new lines twice a second.
 */
public final class RunsView extends ViewPart {

    /** The view id declared in plugin.xml. */
    public static final String ID = "org.lmworkbench.ui.views.runs";

    private PlotChart chart;
    private ChartApplier applier;
    private RunsControls controls;
    private Label status;
    private RunsPoller poller;
    private IAction pin;
    private volatile RunQuery query = RunQuery.NONE;
    private volatile ViewSettings settings = ViewSettings.DEFAULT;
    private ChartUpdate lastUpdate;
    private long updatesApplied;

    private final ISelectionListener selectionListener = this::selectionChanged;
    private final IResourceChangeListener resourceListener = this::resourcesChanged;

    /** Creates the view; the workbench instantiates it from plugin.xml. */
    public RunsView() {
        // widgets are made in createPartControl
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        parent.setLayout(layout);
        controls = new RunsControls(parent, this::settingsChanged);
        controls.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        chart = new PlotChart(parent, SWT.NONE);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart.setLegendVisible(true);
        applier = new ChartApplier(chart);
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        status.setText(Messages.RunsView_nothingSelected);
        ExportMenu.attach(chart, chart);
        fillToolBar(getViewSite().getActionBars().getToolBarManager());

        poller = new RunsPoller(parent.getDisplay(), () -> query, () -> settings, this::show);
        getSite().getWorkbenchWindow().getSelectionService().addSelectionListener(selectionListener);
        ResourcesPlugin.getWorkspace().addResourceChangeListener(resourceListener, IResourceChangeEvent.POST_CHANGE);
        selectionChanged(null, getSite().getWorkbenchWindow().getSelectionService().getSelection());
    }

    private void fillToolBar(IToolBarManager toolBar) {
        toolBar.add(toggle(Messages.RunsView_logX, Messages.RunsView_logXTooltip, chart::setLogX));
        toolBar.add(toggle(Messages.RunsView_logY, Messages.RunsView_logYTooltip, chart::setLogY));
        pin = toggle(Messages.RunsView_pin, Messages.RunsView_pinTooltip, checked -> {
            if (!checked) {
                selectionChanged(null, getSite().getWorkbenchWindow().getSelectionService().getSelection());
            }
        });
        toolBar.add(pin);
        toolBar.add(new Separator());
        ExportMenu.contribute(toolBar, chart, getSite().getShell());
    }

    private static IAction toggle(String text, String tooltip, java.util.function.Consumer<Boolean> onToggle) {
        Action action = new Action(text, IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                onToggle.accept(isChecked());
            }
        };
        action.setToolTipText(tooltip);
        return action;
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (part == this || (pin != null && pin.isChecked())) {
            return;
        }
        RunQuery next = SelectionToRuns.query(selection);
        if (next != null && !next.equals(query)) {
            query = next;
            poller.wake();
        }
    }

    private void settingsChanged(ViewSettings newSettings) {
        settings = newSettings;
        if (poller != null) {
            poller.wake();
        }
    }

    /** Wakes the poller when something changed under the runs followed (a run started, a refresh). */
    private void resourcesChanged(IResourceChangeEvent event) {
        if (!poller.isLive() && QueryChanges.touches(event, query)) { // a live poller reads anyway
            poller.wake();
        }
    }

    /** Applies a poll's result; runs on the UI thread. */
    private void show(ChartUpdate update) {
        if (chart == null || chart.isDisposed() || controls.isDisposed()) {
            return; // the view closed while the update was on its way
        }
        ViewSettings shown = settings;
        String xTitle = switch (shown.axis()) {
            case STEP -> Messages.RunsView_step;
            case WALL_TIME -> Messages.RunsView_wallTime;
            case SPEC_KEY -> shown.xKey();
        };
        String yTitle = shown.axis() == XAxis.SPEC_KEY && update.metric() != null
                ? NLS.bind(Messages.RunsView_finalValue, update.metric()) : update.metric();
        applier.apply(update, xTitle, yTitle);
        controls.offer(update.metrics(), update.metric(), update.groupKeys(), update.xKeys());
        String text = query.isEmpty() ? Messages.RunsView_nothingSelected
                : NLS.bind(Messages.RunsView_status, new Object[] {query.description(), update.runs(), update.live(),
                        String.format("%,d", update.points()), update.pending() == 0 ? ""
                                : NLS.bind(Messages.RunsView_pending, update.pending())});
        if (!update.errors().isEmpty()) {
            text = NLS.bind(Messages.RunsView_statusErrors, text, String.join("; ", update.errors()));
        }
        status.setText(text);
        status.setToolTipText(text);
        lastUpdate = update;
        updatesApplied++;
    }

    @Override
    public void setFocus() {
        chart.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getWorkbenchWindow().getSelectionService().removeSelectionListener(selectionListener);
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(resourceListener);
        if (poller != null) {
            poller.stop();
        }
        super.dispose();
    }

    /** The chart (its series hold every point drawn), for tests and callers that measure the view. */
    public PlotChart chart() {
        return chart;
    }

    /** The choices row, for tests. */
    RunsControls controls() {
        return controls;
    }

    /** Legend text by series id of the lines shown, for tests. */
    Map<String, String> legend() {
        return applier.legend();
    }

    /** The status line text, for tests. */
    String statusText() {
        return status.getText();
    }

    /** Updates applied so far, for tests that wait for a poll to reach the chart. */
    long updatesApplied() {
        return updatesApplied;
    }

    /** The last update applied, for tests. */
    ChartUpdate lastUpdate() {
        return lastUpdate;
    }

    /** The pin action, for tests. */
    IAction pinAction() {
        return pin;
    }
}
