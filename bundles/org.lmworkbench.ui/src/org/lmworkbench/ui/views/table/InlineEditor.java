package org.lmworkbench.ui.views.table;

import java.io.IOException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.TreeEditor;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.lmworkbench.ui.runs.RunMetaEdits;
import org.lmworkbench.workspace.runs.table.RunColumn;
import org.lmworkbench.workspace.runs.table.RunSummary;

/**
 * Edits a run's name or tags in the runs table: a double click on the cell (or F2 for the name)
 * opens a text field over it; Enter or leaving the field writes meta.json, Escape leaves it as it
 * was.
 */
final class InlineEditor {

    private final RunsTree tree;
    private final Runnable afterEdit;
    private final TreeEditor editor;

    /** @param afterEdit runs after a value was written (the table reads the run again) */
    InlineEditor(RunsTree tree, Runnable afterEdit) {
        this.tree = tree;
        this.afterEdit = afterEdit;
        Tree control = tree.control();
        editor = new TreeEditor(control);
        editor.horizontalAlignment = SWT.LEFT;
        editor.grabHorizontal = true;
        control.addListener(SWT.MouseDoubleClick, this::doubleClicked);
        control.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.F2 && control.getSelectionCount() == 1) {
                edit(control.getSelection()[0], RunColumn.Builtin.NAME);
            }
        });
    }

    private void doubleClicked(Event event) {
        Tree control = tree.control();
        Point point = new Point(event.x, event.y);
        TreeItem item = control.getItem(point);
        if (item == null) {
            return;
        }
        for (int i = 0; i < tree.columns().size(); i++) {
            if (item.getBounds(i).contains(point)) {
                RunColumn column = tree.columns().get(i);
                if (column == RunColumn.Builtin.NAME || column == RunColumn.Builtin.TAGS) {
                    edit(item, (RunColumn.Builtin) column);
                }
                return;
            }
        }
    }

    /** Opens the field over the name or tags cell of a run's item; group rows are not edited. */
    void edit(TreeItem item, RunColumn.Builtin column) {
        RunSummary run = RunsTree.runOf(item);
        int index = tree.columns().indexOf(column);
        if (run == null || index < 0) {
            return;
        }
        Text text = new Text(tree.control(), SWT.SINGLE);
        String before = column == RunColumn.Builtin.NAME ? run.name() : run.meta().tagList();
        text.setText(before);
        text.selectAll();
        boolean[] done = {false};
        Runnable commit = () -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            String value = text.getText();
            text.dispose();
            if (!value.equals(before)) {
                write(run, column, value);
            }
        };
        text.addListener(SWT.FocusOut, e -> commit.run());
        text.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_RETURN) {
                commit.run();
                e.doit = false;
            } else if (e.detail == SWT.TRAVERSE_ESCAPE) {
                done[0] = true;
                text.dispose();
                e.doit = false;
            }
        });
        editor.setEditor(text, item, index);
        text.setFocus();
    }

    private void write(RunSummary run, RunColumn.Builtin column, String value) {
        try {
            if (column == RunColumn.Builtin.NAME) {
                // Typing the run id back means "no name of its own".
                RunMetaEdits.rename(run.folder(), value.strip().equals(run.id()) ? null : value);
            } else {
                RunMetaEdits.setTags(run.folder(), value);
            }
            afterEdit.run();
        } catch (IOException | IllegalArgumentException e) {
            MessageDialog.openError(tree.control().getShell(), Messages.RunsTable_editFailed, e.getMessage());
        }
    }
}
