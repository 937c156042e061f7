package org.lmworkbench.ui.views.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.lmworkbench.workspace.runs.ViewSettings.Grouping;
import org.lmworkbench.workspace.runs.ViewSettings.XAxis;
import org.lmworkbench.workspace.runs.ViewSettings;

/**
 * The row of choices above the Runs chart: metric, x axis, grouping and smoothing. The metric and
 * grouping lists follow the runs (every numeric key they logged; every spec key that varies across
 * them); a choice made by the user is kept while the lists change.
 */
final class RunsControls extends Composite {

    private static final int GROUP_FIXED_ITEMS = 2; // "each run", "mean over seeds"
    private static final int AXIS_FIXED_ITEMS = 2; // "step", "wall time"

    private final Combo metric;
    private final Combo axis;
    private final Combo group;
    private final Scale smoothing;
    private final Label smoothingValue;
    private final Consumer<ViewSettings> onChange;
    private ViewSettings settings = ViewSettings.DEFAULT;
    private List<String> groupKeys = List.of();
    private List<String> axisKeys = List.of();

    RunsControls(Composite parent, Consumer<ViewSettings> onChange) {
        super(parent, SWT.NONE);
        this.onChange = onChange;
        GridLayout layout = new GridLayout(9, false);
        layout.marginHeight = 2;
        setLayout(layout);
        new Label(this, SWT.NONE).setText(Messages.RunsView_metric);
        metric = new Combo(this, SWT.READ_ONLY);
        metric.setLayoutData(new GridData(160, SWT.DEFAULT));
        metric.addListener(SWT.Selection, e -> changed(settings.withMetric(metric.getText())));

        new Label(this, SWT.NONE).setText(Messages.RunsView_xAxis);
        axis = new Combo(this, SWT.READ_ONLY);
        axis.setItems(Messages.RunsView_step, Messages.RunsView_wallTime);
        axis.select(0);
        axis.setToolTipText(Messages.RunsView_xAxisTooltip);
        axis.addListener(SWT.Selection, e -> changed(axisSetting(axis.getSelectionIndex())));

        new Label(this, SWT.NONE).setText(Messages.RunsView_groupBy);
        group = new Combo(this, SWT.READ_ONLY);
        group.setLayoutData(new GridData(170, SWT.DEFAULT));
        group.setItems(Messages.RunsView_eachRun, Messages.RunsView_seeds);
        group.select(1);
        group.addListener(SWT.Selection, e -> changed(settings.withGrouping(grouping(group.getSelectionIndex()))));

        new Label(this, SWT.NONE).setText(Messages.RunsView_smoothing);
        smoothing = new Scale(this, SWT.HORIZONTAL);
        smoothing.setMinimum(0);
        smoothing.setMaximum(99);
        smoothing.setPageIncrement(10);
        smoothing.setLayoutData(new GridData(120, SWT.DEFAULT));
        smoothingValue = new Label(this, SWT.NONE);
        smoothingValue.setText(format(0));
        smoothing.addListener(SWT.Selection, e -> {
            double weight = smoothing.getSelection() / 100.0;
            smoothingValue.setText(format(weight));
            changed(settings.withSmoothing(weight));
        });
    }

    private static String format(double weight) {
        return String.format(Locale.ROOT, "%.2f", weight);
    }

    /** Step, wall time, or a spec key: then each run's final value at its value of the key. */
    private ViewSettings axisSetting(int index) {
        return switch (index) {
            case 0 -> settings.withAxis(XAxis.STEP);
            case 1 -> settings.withAxis(XAxis.WALL_TIME);
            default -> settings.withKeyAxis(axisKeys.get(index - AXIS_FIXED_ITEMS));
        };
    }

    private Grouping grouping(int index) {
        return switch (index) {
            case 0 -> Grouping.EACH_RUN;
            case 1 -> Grouping.SEEDS;
            default -> Grouping.byKey(groupKeys.get(index - GROUP_FIXED_ITEMS));
        };
    }

    private void changed(ViewSettings newSettings) {
        settings = newSettings;
        onChange.accept(newSettings);
    }

    /** The current choices. */
    ViewSettings settings() {
        return settings;
    }

    /** Sets the choices as if the user had made them (tests, restored state). */
    void select(ViewSettings newSettings) {
        settings = newSettings;
        if (newSettings.metric() != null && Arrays.asList(metric.getItems()).contains(newSettings.metric())) {
            metric.setText(newSettings.metric());
        }
        selectAxis();
        smoothing.setSelection((int) Math.round(newSettings.smoothing() * 100));
        smoothingValue.setText(format(newSettings.smoothing()));
        selectGrouping();
        onChange.accept(newSettings);
    }

    /**
     * Updates the lists from a poll.
     *
     * @param metrics   every metric key of the runs
     * @param drawn     the metric drawn (the default when the user chose none)
     * @param varying   spec keys that vary across the runs
     * @param numeric   those of them whose values are numbers, the choices of a key on the x axis
     */
    void offer(List<String> metrics, String drawn, List<String> varying, List<String> numeric) {
        if (!Arrays.asList(metric.getItems()).equals(metrics)) {
            metric.setItems(metrics.toArray(String[]::new));
        }
        if (drawn != null && !drawn.equals(metric.getText())) {
            metric.setText(drawn);
        }
        List<String> keys = new ArrayList<>(varying);
        Grouping current = settings.grouping();
        if (current.key() != null && !keys.contains(current.key())) {
            keys.add(current.key()); // keep the user's key listed even if it no longer varies
        }
        if (!keys.equals(groupKeys)) {
            groupKeys = List.copyOf(keys);
            List<String> items = new ArrayList<>(List.of(Messages.RunsView_eachRun, Messages.RunsView_seeds));
            items.addAll(groupKeys);
            group.setItems(items.toArray(String[]::new));
            selectGrouping();
        }
        List<String> xKeys = new ArrayList<>(numeric);
        if (settings.xKey() != null && !xKeys.contains(settings.xKey())) {
            xKeys.add(settings.xKey()); // keep the user's key listed even if it no longer varies
        }
        if (!xKeys.equals(axisKeys)) {
            axisKeys = List.copyOf(xKeys);
            List<String> items = new ArrayList<>(List.of(Messages.RunsView_step, Messages.RunsView_wallTime));
            axisKeys.forEach(k -> items.add(NLS.bind(Messages.RunsView_finalAgainst, k)));
            axis.setItems(items.toArray(String[]::new));
            selectAxis();
        }
        layout(true);
    }

    private void selectAxis() {
        int index = switch (settings.axis()) {
            case STEP -> 0;
            case WALL_TIME -> 1;
            case SPEC_KEY -> axisKeys.indexOf(settings.xKey()) + AXIS_FIXED_ITEMS;
        };
        if (index >= 0 && index < axis.getItemCount()) {
            axis.select(index);
        }
    }

    private void selectGrouping() {
        Grouping g = settings.grouping();
        if (g.key() != null && !groupKeys.contains(g.key())) {
            List<String> keys = new ArrayList<>(groupKeys);
            keys.add(g.key());
            groupKeys = List.copyOf(keys);
            group.add(g.key());
        }
        int index = switch (g.mode()) {
            case EACH_RUN -> 0;
            case SEEDS -> 1;
            case BY_KEY -> groupKeys.indexOf(g.key()) + GROUP_FIXED_ITEMS;
        };
        if (index >= 0 && index < group.getItemCount()) {
            group.select(index);
        }
    }

    /** Items of the metric list, for tests. */
    List<String> metricItems() {
        return Arrays.asList(metric.getItems());
    }

    /** Items of the x-axis list, for tests. */
    List<String> axisItems() {
        return Arrays.asList(axis.getItems());
    }

    /** Items of the grouping list, for tests. */
    List<String> groupItems() {
        return Arrays.asList(group.getItems());
    }
}
