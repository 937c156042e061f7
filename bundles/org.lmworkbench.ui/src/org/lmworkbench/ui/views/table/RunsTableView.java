package org.lmworkbench.ui.views.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.internal.UiImages;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.ui.views.runs.QueryChanges;
import org.lmworkbench.ui.views.runs.SelectionToRuns;
import org.lmworkbench.workspace.runs.RunQuery;
import org.lmworkbench.workspace.runs.ViewSettings.Grouping;
import org.lmworkbench.workspace.runs.table.FilterException;
import org.lmworkbench.workspace.runs.table.MetricStats.Stat;
import org.lmworkbench.workspace.runs.table.ParallelAxes;
import org.lmworkbench.workspace.runs.table.RunColumn;
import org.lmworkbench.workspace.runs.table.RunSummary;
import org.lmworkbench.workspace.runs.table.RunsTable;

/**
 * The Runs Table view: the runs of the selected runs, spec or project (the Runs view's selection
 * rules) as a table to sort, filter and group, and the same runs as parallel coordinates. Its
 * selection is the selected runs, which the Runs view charts, the Properties view shows and the
 * context menu's commands and analyses act on. Names and tags are edited in place.
 */
public final class RunsTableView extends ViewPart {

    /** The view id declared in plugin.xml. */
    public static final String ID = "org.lmworkbench.ui.views.runsTable";

    private final RunsTable table = new RunsTable();
    private RunsTableJob job;
    private volatile RunQuery query = RunQuery.NONE;
    private Text filter;
    private Label filterProblem;
    private Combo group;
    private List<Grouping> groupings = new ArrayList<>();
    private Composite stack;
    private Composite parallelPanel;
    private IAction showParallel;
    private RunsTree tree;
    private ParallelCoordinates parallel;
    private Combo parallelMetric;
    private Combo parallelStat;
    private Label status;
    private IAction pin;
    private RunsSelection selection;
    private String readError;

    private final ISelectionListener selectionListener = this::selectionChanged;
    private final IResourceChangeListener resourceListener = this::resourcesChanged;

    /** Creates the view; the workbench instantiates it from plugin.xml. */
    public RunsTableView() {
        // widgets are made in createPartControl
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        parent.setLayout(layout);
        createControls(parent);
        // The table and the chart share the space (the view is often short: one row of controls only).
        stack = new Composite(parent, SWT.NONE);
        stack.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        stack.setLayout(new StackLayout());
        tree = new RunsTree(stack, table, this::sort, UiPlugin::image);
        parallelPanel = createParallel(stack);
        ((StackLayout) stack.getLayout()).topControl = tree.control();

        selection = new RunsSelection(tree::selectedRuns);
        getSite().setSelectionProvider(selection);
        tree.control().addListener(SWT.Selection, e -> selectionMade());
        new InlineEditor(tree, () -> job.wake());
        createMenus();
        fillToolBar(getViewSite().getActionBars().getToolBarManager());

        job = new RunsTableJob(parent.getDisplay(), () -> query, this::show);
        getSite().getWorkbenchWindow().getSelectionService().addSelectionListener(selectionListener);
        ResourcesPlugin.getWorkspace().addResourceChangeListener(resourceListener, IResourceChangeEvent.POST_CHANGE);
        selectionChanged(null, getSite().getWorkbenchWindow().getSelectionService().getSelection());
    }

    private void createControls(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout layout = new GridLayout(5, false);
        layout.marginHeight = 0;
        layout.marginWidth = 3;
        row.setLayout(layout);
        new Label(row, SWT.NONE).setText(Messages.RunsTable_filter);
        filter = new Text(row, SWT.BORDER | SWT.SINGLE);
        filter.setMessage(Messages.RunsTable_filterHint);
        filter.setToolTipText(Messages.RunsTable_filterTooltip);
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addListener(SWT.Modify, e -> applyFilter());
        new Label(row, SWT.NONE).setText(Messages.RunsTable_group);
        group = new Combo(row, SWT.READ_ONLY);
        group.setLayoutData(new GridData(150, SWT.DEFAULT));
        group.addListener(SWT.Selection, e -> {
            table.setGrouping(groupings.get(group.getSelectionIndex()));
            tree.refresh();
        });
        updateGroupChoices();
        status = new Label(row, SWT.NONE);
        status.setText(Messages.RunsTable_nothingSelected);
        status.setToolTipText(Messages.RunsTable_nothingSelected);
        filterProblem = new Label(parent, SWT.WRAP);
        filterProblem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridData problem = new GridData(SWT.FILL, SWT.TOP, true, false);
        problem.exclude = true;
        filterProblem.setLayoutData(problem);
        filterProblem.setVisible(false);
    }

    private Composite createParallel(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(4, false);
        layout.marginHeight = 0;
        layout.marginWidth = 0;
        box.setLayout(layout);
        new Label(box, SWT.NONE).setText(Messages.RunsTable_parallelMetric);
        parallelMetric = new Combo(box, SWT.READ_ONLY);
        parallelMetric.setLayoutData(new GridData(160, SWT.DEFAULT));
        parallelMetric.addListener(SWT.Selection, e -> updateParallel());
        parallelStat = new Combo(box, SWT.READ_ONLY);
        for (Stat s : Stat.values()) {
            parallelStat.add(s.word());
        }
        parallelStat.select(0);
        parallelStat.addListener(SWT.Selection, e -> updateParallel());
        new Label(box, SWT.NONE).setText(Messages.RunsTable_parallelHint);
        // A short view scrolls the chart rather than squeezing its axes into an unreadable strip.
        ScrolledComposite scroller = new ScrolledComposite(box, SWT.V_SCROLL | SWT.H_SCROLL);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.horizontalSpan = 4;
        scroller.setLayoutData(data);
        parallel = new ParallelCoordinates(scroller, run -> {
            tree.select(List.of(run.folder()));
            selectionMade();
        });
        scroller.setContent(parallel);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.setMinSize(ParallelCoordinates.MIN_WIDTH, ParallelCoordinates.MIN_HEIGHT);
        ExportMenu.attach(parallel, parallel);
        return box;
    }

    private void createMenus() {
        Tree control = tree.control();
        MenuManager rows = new MenuManager("#PopupMenu");
        rows.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        Menu rowMenu = rows.createContextMenu(control);
        getSite().registerContextMenu(rows, selection);
        Menu headerMenu = new Menu(control);
        headerMenu.addListener(SWT.Show, e -> fillHeaderMenu(headerMenu));
        control.addListener(SWT.MenuDetect, e -> {
            Point point = control.toControl(new Point(e.x, e.y));
            Rectangle area = control.getClientArea();
            boolean header = point.y >= area.y && point.y < area.y + control.getHeaderHeight();
            control.setMenu(header ? headerMenu : rowMenu);
        });
        control.addListener(SWT.Dispose, e -> {
            headerMenu.dispose();
            rows.dispose();
        });
        control.setMenu(rowMenu);
    }

    /** The header's menu: add a metric column, remove one. */
    private void fillHeaderMenu(Menu menu) {
        for (MenuItem item : menu.getItems()) {
            item.dispose();
        }
        MenuItem add = new MenuItem(menu, SWT.PUSH);
        add.setText(Messages.RunsTable_addColumn);
        add.setEnabled(!table.metrics().isEmpty());
        add.addListener(SWT.Selection, e -> addMetricColumn());
        for (RunColumn.Metric column : table.metricColumns()) {
            MenuItem remove = new MenuItem(menu, SWT.PUSH);
            remove.setText(NLS.bind(Messages.RunsTable_removeColumn, ColumnTitles.title(column, List.of())));
            remove.addListener(SWT.Selection, e -> {
                List<RunColumn.Metric> kept = new ArrayList<>(table.metricColumns());
                kept.remove(column);
                setMetricColumns(kept);
            });
        }
    }

    private void fillToolBar(IToolBarManager toolBar) {
        Action add = new Action(Messages.RunsTable_addColumn) {
            @Override
            public void run() {
                addMetricColumn();
            }
        };
        add.setToolTipText(Messages.RunsTable_addColumnTooltip);
        add.setImageDescriptor(UiPlugin.descriptor(UiImages.ADD_COLUMN));
        toolBar.add(add);
        showParallel = new Action(Messages.RunsTable_parallelTab, IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                ((StackLayout) stack.getLayout()).topControl = isChecked() ? parallelPanel : tree.control();
                stack.layout();
                updateParallel();
            }
        };
        showParallel.setToolTipText(Messages.RunsTable_parallelTooltip);
        showParallel.setImageDescriptor(UiPlugin.descriptor(UiImages.PARALLEL));
        toolBar.add(showParallel);
        pin = new Action(Messages.RunsTable_pin, IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                if (!isChecked()) {
                    selectionChanged(null, getSite().getWorkbenchWindow().getSelectionService().getSelection());
                }
            }
        };
        pin.setToolTipText(Messages.RunsTable_pinTooltip);
        pin.setImageDescriptor(UiPlugin.descriptor(UiImages.PIN));
        toolBar.add(pin);
        toolBar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
    }

    private void addMetricColumn() {
        if (table.metrics().isEmpty()) {
            return;
        }
        MetricColumnDialog dialog = new MetricColumnDialog(getSite().getShell(), table.metrics());
        if (dialog.open() == IDialogConstants.OK_ID && dialog.column() != null) {
            List<RunColumn.Metric> columns = new ArrayList<>(table.metricColumns());
            if (!columns.contains(dialog.column())) {
                columns.add(dialog.column());
                setMetricColumns(columns);
            }
        }
    }

    /** Shows these metric columns (also for tests and restored state). */
    void setMetricColumns(List<RunColumn.Metric> columns) {
        table.setMetricColumns(columns);
        tree.setColumns(table.columns());
        tree.refresh();
    }

    private void sort(RunColumn column, boolean up) {
        table.setSort(column, up);
        tree.showSort();
        tree.refresh();
    }

    private void applyFilter() {
        try {
            table.setFilter(filter.getText());
            showFilterProblem(null);
            tree.refresh();
            updateParallel();
            updateStatus();
        } catch (FilterException e) {
            showFilterProblem(e);
        }
    }

    private void showFilterProblem(FilterException e) {
        boolean show = e != null;
        filterProblem.setText(show ? NLS.bind(Messages.RunsTable_filterProblem, e.problem(), e.position() + 1) : "");
        ((GridData) filterProblem.getLayoutData()).exclude = !show;
        filterProblem.setVisible(show);
        filter.setToolTipText(show ? filterProblem.getText() : Messages.RunsTable_filterTooltip);
        filterProblem.getParent().layout(true, true);
    }

    private void selectionChanged(IWorkbenchPart part, ISelection newSelection) {
        if (part == this || (pin != null && pin.isChecked())) {
            return;
        }
        RunQuery next = SelectionToRuns.query(newSelection);
        if (next != null && !next.equals(query)) {
            query = next;
            job.wake();
        }
    }

    private void resourcesChanged(IResourceChangeEvent event) {
        if (!job.isLive() && QueryChanges.touches(event, query)) {
            job.wake();
        }
    }

    private void selectionMade() {
        selection.fire();
        Set<Path> folders = new HashSet<>();
        tree.selectedRuns().forEach(r -> folders.add(r.folder()));
        parallel.setSelected(folders);
    }

    /** Applies a read; runs on the UI thread. */
    private void show(RunsTableJob.Result result) {
        if (tree.control().isDisposed() || !result.query().equals(query)) {
            return; // closed, or a read of what was followed before
        }
        table.setRuns(result.runs());
        tree.setColumns(table.columns());
        tree.refresh();
        readError = result.error();
        updateGroupChoices();
        updateParallel();
        updateStatus();
    }

    private void updateGroupChoices() {
        List<Grouping> choices = new ArrayList<>(List.of(Grouping.EACH_RUN, Grouping.SEEDS));
        table.varyingKeys().forEach(k -> choices.add(Grouping.byKey(k)));
        Grouping current = table.grouping();
        if (current.key() != null && !choices.contains(current)) {
            choices.add(current);
        }
        if (!choices.equals(groupings)) {
            groupings = choices;
            List<String> items = new ArrayList<>(List.of(Messages.RunsTable_noGroups, Messages.RunsTable_seeds));
            choices.subList(2, choices.size()).forEach(g -> items.add(g.key()));
            group.setItems(items.toArray(String[]::new));
            group.select(choices.indexOf(current));
        }
    }

    private void updateParallel() {
        if (!showParallel.isChecked()) {
            return; // computed when the chart is shown
        }
        List<String> metrics = table.metrics();
        if (!metrics.equals(List.of(parallelMetric.getItems()))) {
            String kept = parallelMetric.getText();
            parallelMetric.setItems(metrics.toArray(String[]::new));
            String wanted = metrics.contains(kept) ? kept
                    : table.metricColumns().isEmpty() ? null : table.metricColumns().get(0).metric();
            if (wanted != null && metrics.contains(wanted)) {
                parallelMetric.select(metrics.indexOf(wanted));
            }
        }
        if (parallelMetric.getSelectionIndex() < 0) {
            parallel.setAxes(new ParallelAxes(List.of(), List.of()));
            return;
        }
        RunColumn.Metric metric = new RunColumn.Metric(parallelMetric.getText(),
                Stat.values()[Math.max(0, parallelStat.getSelectionIndex())]);
        parallel.setAxes(ParallelAxes.of(table.shown(), table.varyingKeys(), metric));
    }

    /** A short line beside the filter (the counts), with the whole story in its tooltip. */
    private void updateStatus() {
        if (query.isEmpty()) {
            status.setText(Messages.RunsTable_nothingSelected);
            status.setToolTipText(Messages.RunsTable_nothingSelected);
            status.getParent().layout();
            return;
        }
        long live = table.runs().stream().filter(RunSummary::isLive).count();
        List<String> errors = new ArrayList<>();
        if (readError != null) {
            errors.add(readError);
        }
        table.runs().forEach(r -> errors.addAll(r.errors()));
        String line = NLS.bind(Messages.RunsTable_counts, table.shownRuns(), table.runs().size());
        if (!errors.isEmpty()) {
            line = NLS.bind(Messages.RunsTable_countsErrors, line, errors.size());
        }
        String text = NLS.bind(Messages.RunsTable_status, new Object[] {query.description(), table.runs().size(),
                table.shownRuns(), live});
        if (!errors.isEmpty()) {
            text = NLS.bind(Messages.RunsTable_statusErrors, text, String.join("\n", errors));
        }
        status.setText(line);
        status.setToolTipText(text);
        status.getParent().layout();
    }

    @Override
    public void setFocus() {
        tree.control().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getWorkbenchWindow().getSelectionService().removeSelectionListener(selectionListener);
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(resourceListener);
        if (job != null) {
            job.stop();
        }
        super.dispose();
    }
}
