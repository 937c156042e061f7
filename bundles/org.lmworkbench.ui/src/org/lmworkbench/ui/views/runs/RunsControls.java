package org.lmworkbench.ui.views.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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

    private final Combo metric;
    private final Combo axis;
    private final Combo group;
    private final Scale smoothing;
    private final Label smoothingValue;
    private final Consumer<ViewSettings> onChange;
    private ViewSettings settings = ViewSettings.DEFAULT;
    private List<String> groupKeys = List.of();

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
        axis.addListener(SWT.Selection,
                e -> changed(settings.withAxis(axis.getSelectionIndex() == 1 ? XAxis.WALL_TIME : XAxis.STEP)));

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
        axis.select(newSettings.axis() == XAxis.WALL_TIME ? 1 : 0);
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
     */
    void offer(List<String> metrics, String drawn, List<String> varying) {
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
        layout(true);
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

    /** Items of the grouping list, for tests. */
    List<String> groupItems() {
        return Arrays.asList(group.getItems());
    }
}
