package org.lmworkbench.ui.views.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.lmworkbench.ui.internal.UiImages;
import org.lmworkbench.workspace.runs.table.RunColumn;
import org.lmworkbench.workspace.runs.table.RunSummary;
import org.lmworkbench.workspace.runs.table.RunsTable;
import org.lmworkbench.workspace.runs.table.RunsTable.GroupRow;
import org.lmworkbench.workspace.runs.table.RunsTable.Row;
import org.lmworkbench.workspace.runs.table.RunsTable.RunRow;

/**
 * The runs table's widget: a virtual SWT tree over a {@link RunsTable}, so only the rows on screen
 * are ever filled in, and 10,000 runs cost what 30 do. Top-level items are runs, or groups whose
 * children are their runs. A click on a header sorts by that column (again: the other way).
 */
final class RunsTree {

    private static final int NAME_WIDTH = 170;

    private final Tree tree;
    private final RunsTable table;
    private final Font bold;
    private final BiConsumer<RunColumn, Boolean> onSort;
    private final Function<String, Image> images;
    private List<RunColumn> columns = List.of();

    /**
     * @param onSort called with the column and direction after a header click re-sorted the table
     * @param images the shared image of a {@link UiImages} key (null for none), for the state icons
     */
    RunsTree(Composite parent, RunsTable table, BiConsumer<RunColumn, Boolean> onSort, Function<String, Image> images) {
        this.table = table;
        this.images = images;
        tree = new Tree(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        FontData[] data = tree.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(tree.getDisplay(), data);
        tree.addListener(SWT.Dispose, e -> bold.dispose());
        tree.addListener(SWT.SetData, this::fill);
        this.onSort = onSort;
    }

    /** The tree. */
    Tree control() {
        return tree;
    }

    /** The columns shown. */
    List<RunColumn> columns() {
        return columns;
    }

    /** Shows these columns (kept as they are if they did not change, so widths the user set stay). */
    void setColumns(List<RunColumn> newColumns) {
        if (newColumns.equals(columns)) {
            return;
        }
        tree.setRedraw(false);
        try {
            for (TreeColumn c : tree.getColumns()) {
                c.dispose();
            }
            columns = List.copyOf(newColumns);
            List<String> specKeys = columns.stream().filter(RunColumn.SpecKey.class::isInstance)
                    .map(c -> ((RunColumn.SpecKey) c).key()).toList();
            for (RunColumn column : columns) {
                TreeColumn c = new TreeColumn(tree, column.numeric() ? SWT.RIGHT : SWT.LEFT);
                c.setText(ColumnTitles.title(column, specKeys));
                c.setToolTipText(ColumnTitles.tooltip(column));
                c.setWidth(ColumnTitles.width(column, NAME_WIDTH));
                c.setMoveable(true);
                c.setData(column);
                c.addListener(SWT.Selection, e -> sortBy(c));
                if (column.equals(table.sortColumn())) {
                    tree.setSortColumn(c);
                    tree.setSortDirection(table.ascending() ? SWT.UP : SWT.DOWN);
                }
            }
        } finally {
            tree.setRedraw(true);
        }
    }

    private void sortBy(TreeColumn c) {
        RunColumn column = (RunColumn) c.getData();
        boolean up = !(column.equals(table.sortColumn()) && table.ascending());
        onSort.accept(column, up);
    }

    /** Marks the sort column in the header. */
    void showSort() {
        for (TreeColumn c : tree.getColumns()) {
            if (c.getData().equals(table.sortColumn())) {
                tree.setSortColumn(c);
                tree.setSortDirection(table.ascending() ? SWT.UP : SWT.DOWN);
                return;
            }
        }
        tree.setSortColumn(null);
        tree.setSortDirection(SWT.NONE);
    }

    /** Shows the table's rows again, keeping the selected runs selected. */
    void refresh() {
        Set<Path> selected = new HashSet<>();
        selectedRuns().forEach(r -> selected.add(r.folder()));
        tree.setRedraw(false);
        try {
            tree.clearAll(true);
            tree.setItemCount(table.rows().size());
            select(selected);
        } finally {
            tree.setRedraw(true);
        }
    }

    /** Selects the rows of these runs (a group's row when its runs are shown under it, collapsed). */
    void select(Collection<Path> folders) {
        if (folders.isEmpty()) {
            tree.deselectAll();
            return;
        }
        List<TreeItem> items = new ArrayList<>();
        List<Row> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof RunRow r && folders.contains(r.run().folder())) {
                items.add(tree.getItem(i));
            } else if (rows.get(i) instanceof GroupRow g) {
                for (int j = 0; j < g.members().size(); j++) {
                    if (folders.contains(g.members().get(j).folder())) {
                        TreeItem parent = tree.getItem(i);
                        parent.getText(); // makes the virtual item fill in, which gives it its children
                        items.add(parent.getItem(j));
                    }
                }
            }
        }
        tree.setSelection(items.toArray(TreeItem[]::new));
    }

    /** The runs of the selected rows (a group's row stands for all its runs), in order, once each. */
    List<RunSummary> selectedRuns() {
        Set<RunSummary> runs = new LinkedHashSet<>();
        for (TreeItem item : tree.getSelection()) {
            Object data = item.getData();
            if (data instanceof RunSummary run) {
                runs.add(run);
            } else if (data instanceof GroupRow g) {
                runs.addAll(g.members());
            }
        }
        return new ArrayList<>(runs);
    }

    /** The run of an item, or null for a group's item. */
    static RunSummary runOf(TreeItem item) {
        return item.getData() instanceof RunSummary run ? run : null;
    }

    private void fill(Event event) {
        TreeItem item = (TreeItem) event.item;
        TreeItem parent = item.getParentItem();
        List<Row> rows = table.rows();
        if (parent == null) {
            if (event.index >= rows.size()) {
                return;
            }
            switch (rows.get(event.index)) {
                case RunRow r -> fillRun(item, r.run());
                case GroupRow g -> fillGroup(item, g);
            }
        } else if (parent.getData() instanceof GroupRow g && event.index < g.members().size()) {
            fillRun(item, g.members().get(event.index));
        }
    }

    private void fillRun(TreeItem item, RunSummary run) {
        item.setData(run);
        for (int i = 0; i < columns.size(); i++) {
            item.setText(i, columns.get(i).text(run));
        }
        int state = columns.indexOf(RunColumn.Builtin.STATE);
        if (state >= 0) {
            item.setImage(state, images.apply(run.state() == null ? UiImages.unknownRunState()
                    : UiImages.runState(run.state().jsonName())));
        }
    }

    private void fillGroup(TreeItem item, GroupRow group) {
        item.setData(group);
        item.setFont(bold);
        for (int i = 0; i < columns.size(); i++) {
            RunColumn column = columns.get(i);
            String text = column == RunColumn.Builtin.NAME ? group.label() : group.stats().get(column).text(column);
            item.setText(i, text);
        }
        item.setItemCount(group.members().size());
    }
}
