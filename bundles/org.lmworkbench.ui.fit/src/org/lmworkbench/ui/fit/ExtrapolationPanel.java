package org.lmworkbench.ui.fit;

import java.util.List;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.lmworkbench.workspace.fit.FitResultModel;

/**
 * Extrapolation of a fit to sizes the user types: the prediction at the typed size with its
 * bootstrap percentile interval, shown as soon as the size parses, and the document's saved
 * targets ({@code extrapolate}) in a table. For the Chinchilla form a size is {@code N, D}.
 */
final class ExtrapolationPanel {

    private final FitEditor editor;
    private final Runnable reflow;
    private final Text size;
    private final Label value;
    private final Table targets;
    private FitResultModel model;

    /**
     * @param reflow measures the scrolled page again (the value line wraps to more or fewer lines)
     */
    ExtrapolationPanel(Composite parent, FormToolkit tk, FitEditor editor, Runnable reflow) {
        this.editor = editor;
        this.reflow = reflow;
        tk.createLabel(parent, Messages.ExtrapolationPanel_title);
        Composite row = tk.createComposite(parent);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        row.setLayout(new GridLayout(3, false));
        tk.createLabel(row, Messages.ExtrapolationPanel_size);
        size = tk.createText(row, "", SWT.SINGLE | SWT.BORDER);
        size.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button add = tk.createButton(row, Messages.ExtrapolationPanel_add, SWT.PUSH);
        value = tk.createLabel(parent, "", SWT.WRAP);
        value.setLayoutData(FitResultsPage.wrapping());
        targets = tk.createTable(parent, SWT.BORDER | SWT.FULL_SELECTION);
        targets.setHeaderVisible(true);
        targets.setLinesVisible(true);
        for (String title : new String[] {Messages.ExtrapolationPanel_colSize,
            Messages.ExtrapolationPanel_colValue, Messages.FitResultsPage_colLower,
            Messages.FitResultsPage_colUpper}) {
            TableColumn c = new TableColumn(targets, SWT.RIGHT);
            c.setText(title);
            c.pack();
        }
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.heightHint = 90;
        // its own scroll bar if the columns are wider than the editor
        gd.widthHint = 200;
        targets.setLayoutData(gd);
        Button remove = tk.createButton(parent, Messages.ExtrapolationPanel_remove, SWT.PUSH);
        size.addListener(SWT.Modify, e -> {
            update();
            reflow.run();
        });
        add.addListener(SWT.Selection, e -> {
            double[] x = parse();
            if (x != null) {
                editor.document().extrapolate().add(x);
                editor.markDirty();
                fillTargets();
            }
        });
        remove.addListener(SWT.Selection, e -> {
            int i = targets.getSelectionIndex();
            if (i >= 0) {
                editor.document().extrapolate().remove(i);
                editor.markDirty();
                fillTargets();
            }
        });
    }

    /** Shows a result (or none). */
    void show(FitResultModel result) {
        this.model = result;
        update();
        fillTargets();
    }

    /** @return the typed size as inputs in form order, or {@code null} if it does not parse. */
    private double[] parse() {
        String[] parts = size.getText().split(",");
        int inputs = inputCount();
        if (parts.length != inputs) {
            return null;
        }
        double[] x = new double[inputs];
        for (int k = 0; k < inputs; k++) {
            try {
                x[k] = Double.parseDouble(parts[k].trim());
            } catch (NumberFormatException e) {
                return null;
            }
            if (!(x[k] > 0) || !Double.isFinite(x[k])) {
                return null;
            }
        }
        return x;
    }

    private void update() {
        if (model == null) {
            value.setText(Messages.ExtrapolationPanel_noResult);
            return;
        }
        if (size.getText().isBlank()) {
            value.setText(inputCount() == 2 ? Messages.ExtrapolationPanel_hint2
                    : Messages.ExtrapolationPanel_hint1);
            return;
        }
        double[] x = parse();
        if (x == null) {
            value.setText(inputCount() == 2 ? Messages.ExtrapolationPanel_bad2
                    : Messages.ExtrapolationPanel_bad1);
            return;
        }
        value.setText(describe(model, x));
    }

    /** Inputs of a size: those of the shown result's form, else of the document's form. */
    private int inputCount() {
        return model != null ? FitResultModel.law(model.form()).inputCount()
                : editor.document().inputCount();
    }

    static String describe(FitResultModel m, double[] x) {
        double v = m.predict(x);
        double[] ci = m.predictionInterval(x);
        return ci == null ? NLS.bind(Messages.ExtrapolationPanel_value, FitResultsPage.format(v))
                : NLS.bind(Messages.ExtrapolationPanel_valueWithInterval, new Object[] {
                    FitResultsPage.format(v), FitResultsPage.format(ci[0]),
                    FitResultsPage.format(ci[1])});
    }

    private void fillTargets() {
        targets.removeAll();
        List<double[]> list = editor.document().extrapolate();
        for (double[] x : list) {
            TableItem item = new TableItem(targets, SWT.NONE);
            StringBuilder s = new StringBuilder();
            for (double v : x) {
                // Sizes are inputs the user typed: four digits keep "N, D" inside the column.
                s.append(s.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT,
                        "%.4g", v));
            }
            item.setText(0, s.toString());
            if (model != null && x.length == inputCount()) {
                item.setText(1, FitResultsPage.format(model.predict(x)));
                double[] ci = model.predictionInterval(x);
                item.setText(2, ci == null ? "-" : FitResultsPage.format(ci[0]));
                item.setText(3, ci == null ? "-" : FitResultsPage.format(ci[1]));
            }
        }
        for (TableColumn c : targets.getColumns()) {
            c.pack();
        }
    }

    /** @return the size field (tests type into it). */
    Text sizeField() {
        return size;
    }

    /** @return the value line for the typed size. */
    String valueText() {
        return value.getText();
    }

    /** @return the table of saved targets. */
    Table targetTable() {
        return targets;
    }
}
