package org.lmworkbench.ui.views.table;

import java.util.List;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.lmworkbench.workspace.runs.table.MetricStats.Stat;
import org.lmworkbench.workspace.runs.table.RunColumn;

/** Asks for a metric column of the runs table: which metric, and which of its values. */
final class MetricColumnDialog extends Dialog {

    private final List<String> metrics;
    private Combo metric;
    private Combo stat;
    private RunColumn.Metric chosen;

    MetricColumnDialog(Shell parent, List<String> metrics) {
        super(parent);
        this.metrics = metrics;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.MetricColumnDialog_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        new Label(area, SWT.NONE).setText(Messages.MetricColumnDialog_metric);
        metric = new Combo(area, SWT.READ_ONLY);
        metric.setItems(metrics.toArray(String[]::new));
        metric.select(0);
        metric.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(area, SWT.NONE).setText(Messages.MetricColumnDialog_value);
        stat = new Combo(area, SWT.READ_ONLY);
        for (Stat s : Stat.values()) {
            stat.add(s.word());
        }
        stat.select(0);
        stat.setToolTipText(Messages.MetricColumnDialog_valueTooltip);
        return area;
    }

    @Override
    protected void okPressed() {
        if (metric.getSelectionIndex() >= 0) {
            chosen = new RunColumn.Metric(metrics.get(metric.getSelectionIndex()), Stat.values()[stat.getSelectionIndex()]);
        }
        super.okPressed();
    }

    /** The column chosen, after OK; null if there was no metric to choose. */
    RunColumn.Metric column() {
        return chosen;
    }
}
