package org.lmworkbench.ui.fit;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.lmworkbench.analysis.fit.ComputeOptimalAllocation;
import org.lmworkbench.ui.charts.ChartLayouts;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.ExportTarget;
import org.lmworkbench.ui.charts.Palette;
import org.lmworkbench.ui.charts.PlotChart;
import org.lmworkbench.workspace.fit.FitResultModel;

/**
 * The compute-optimal frontier of a Chinchilla fit: N_opt(C) and D_opt(C) under C = 6 N D
 * ({@link ComputeOptimalAllocation}) on log-log axes, with the exponents a and b of
 * N_opt ~ C^a and D_opt ~ C^b. Hidden for one-input forms.
 */
final class FrontierPanel {

    /** Budgets from 1e18 to 1e26 FLOP, four per decade. */
    static final double[] FLOPS = FitCurves.logSpace(1e18, 1e26, 33);

    private final Composite panel;
    private final Label exponents;
    private final PlotChart chart;

    FrontierPanel(Composite parent, FormToolkit tk, ExportTarget target) {
        panel = tk.createComposite(parent);
        panel.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        panel.setLayout(layout);
        tk.createLabel(panel, Messages.FrontierPanel_title);
        exponents = tk.createLabel(panel, "", SWT.WRAP);
        exponents.setLayoutData(FitResultsPage.wrapping());
        chart = new PlotChart(panel, SWT.NONE);
        chart.setLayoutData(ChartLayouts.chart(320));
        ExportMenu.attach(chart, chart, target);
    }

    /** Shows the frontier of a Chinchilla result; hides the panel otherwise. */
    void show(FitResultModel m) {
        boolean visible = m != null && m.form().equals("chinchilla");
        ((GridData) panel.getLayoutData()).exclude = !visible;
        panel.setVisible(visible);
        chart.clear();
        if (!visible) {
            exponents.setText("");
            return;
        }
        ComputeOptimalAllocation alloc;
        double[][] nd;
        try {
            alloc = new ComputeOptimalAllocation(m.fitted());
            nd = FitCurves.frontier(m, FLOPS);
        } catch (IllegalArgumentException e) {
            exponents.setText(NLS.bind(Messages.FrontierPanel_none, e.getMessage()));
            return;
        }
        exponents.setText(NLS.bind(Messages.FrontierPanel_exponents,
                FitResultsPage.format(alloc.parameterExponent()),
                FitResultsPage.format(alloc.tokenExponent())));
        chart.setTitle(Messages.FrontierPanel_chartTitle);
        chart.setAxisTitles(Messages.FrontierPanel_axisC, Messages.FrontierPanel_axisND);
        chart.setLogX(true);
        chart.setLogY(true);
        chart.addLine("N_opt", "N_opt(C)", FLOPS, nd[0], Palette.colour(0));
        chart.addLine("D_opt", "D_opt(C)", FLOPS, nd[1], Palette.colour(1));
        chart.setLegendVisible(true);
        chart.refresh();
    }

    /** @return the exponent line. */
    String exponentsText() {
        return exponents.getText();
    }

    /** @return the frontier chart. */
    PlotChart chart() {
        return chart;
    }

    /** @return whether the panel is shown. */
    boolean isShown() {
        return panel.getVisible();
    }
}
