package org.lmworkbench.ui.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.lmworkbench.ui.charts.PlotChart;

/**
 * Checks that a page shows everything it holds: every control lies inside its parent (nothing is
 * clipped), the page can be scrolled to all of it, no label or button text is cut (its preferred
 * width fits its bounds; a wrapping label's lines fit its height), no table column is narrower than
 * its texts and every table's columns fit its width (except tables named as scrolling sideways on
 * their own, such as a grid with one column per learning rate), fields are wide enough to type
 * into, and every chart keeps a plot area of at least {@link #MIN_PLOT_WIDTH} x
 * {@link #MIN_PLOT_HEIGHT} under a title that fits.
 */
public final class LayoutAssertions {

    /** The smallest plot area a chart may be left with. */
    public static final int MIN_PLOT_WIDTH = 250;
    /** The lowest plot area a chart may be left with. */
    public static final int MIN_PLOT_HEIGHT = 150;
    /** The narrowest a text field or combo may be. */
    public static final int MIN_FIELD_WIDTH = 60;

    private LayoutAssertions() {
    }

    /**
     * Asserts that everything under {@code page} (the content of a scrolled form) is readable.
     *
     * @return the charts found, for further checks
     */
    public static List<PlotChart> assertReadable(String where, Composite page, Table... scrollingSideways) {
        List<String> problems = new ArrayList<>();
        List<PlotChart> charts = new ArrayList<>();
        scrollable(page, problems);
        GC gc = new GC(page);
        try {
            walk(page, gc, problems, charts, List.of(scrollingSideways));
        } finally {
            gc.dispose();
        }
        if (!problems.isEmpty()) {
            fail(where + ": " + problems.size() + " layout problems:\n  " + String.join("\n  ", problems));
        }
        return charts;
    }

    /** The page's scrolled composite shows scroll bars wherever the page is larger than its view. */
    private static void scrollable(Composite page, List<String> problems) {
        ScrolledComposite scrolled = null;
        for (Composite c = page.getParent(); c != null; c = c.getParent()) {
            if (c instanceof ScrolledComposite s) {
                scrolled = s;
                break;
            }
        }
        if (scrolled == null) {
            return;
        }
        Point content = scrolled.getContent().getSize();
        Rectangle view = scrolled.getClientArea();
        check(content.x <= view.width || visible(scrolled.getHorizontalBar()), problems,
                "page " + content.x + " px wide in a view of " + view.width + " without a horizontal scroll bar");
        check(content.y <= view.height || visible(scrolled.getVerticalBar()), problems,
                "page " + content.y + " px high in a view of " + view.height + " without a vertical scroll bar");
    }

    private static boolean visible(ScrollBar bar) {
        return bar != null && bar.getVisible();
    }

    private static void walk(Control control, GC gc, List<String> problems, List<PlotChart> charts,
            List<Table> scrollingSideways) {
        if (!control.getVisible()) {
            return;
        }
        Rectangle b = control.getBounds();
        Composite parent = control.getParent();
        if (parent != null && !(parent instanceof ScrolledComposite)) {
            Rectangle area = parent.getClientArea();
            check(b.x >= area.x - 1 && b.y >= area.y - 1 && b.x + b.width <= area.x + area.width + 1
                    && b.y + b.height <= area.y + area.height + 1, problems,
                    describe(control) + " at " + b + " sticks out of its parent's " + area);
        }
        if (control instanceof PlotChart chart) {
            charts.add(chart);
            Point plot = chart.chart().getPlotArea().getSize();
            check(plot.x >= MIN_PLOT_WIDTH && plot.y >= MIN_PLOT_HEIGHT, problems,
                    describe(control) + " has a plot area of only " + plot.x + " x " + plot.y);
            int plotLeft = chart.chart().getPlotArea().getControl().getBounds().x;
            gc.setFont(chart.chart().getAxisSet().getYAxis(0).getTick().getFont());
            int widest = chart.tickLabels(false).stream().mapToInt(l -> gc.textExtent(l).x).max().orElse(0);
            int title = chart.chart().getAxisSet().getYAxis(0).getTitle().getText().isEmpty() ? 0
                    : gc.getFontMetrics().getHeight();
            check(plotLeft >= widest + title + 10, problems, describe(control) + " keeps " + plotLeft
                    + " px left of its plot for y labels " + chart.tickLabels(false) + " of " + widest + " px");
            if (chart.chart().getTitle().isVisible()) {
                gc.setFont(chart.chart().getTitle().getFont());
                for (String line : chart.chart().getTitle().getText().split("\n")) {
                    check(gc.textExtent(line).x <= b.width, problems, "the title line '" + line + "' of a "
                            + b.width + " px chart is " + gc.textExtent(line).x + " px wide");
                }
            }
            return; // SWTChart lays out its own insides
        }
        if (control instanceof Label label && label.getImage() == null) {
            text(label, label.getText(), (label.getStyle() & SWT.WRAP) != 0, problems);
        } else if (control instanceof Button button && (button.getStyle() & SWT.ARROW) == 0) {
            text(button, button.getText(), false, problems);
        } else if (control instanceof Text || control instanceof Combo || control instanceof Spinner) {
            check(b.width >= Math.min(MIN_FIELD_WIDTH, control.computeSize(SWT.DEFAULT, SWT.DEFAULT).x), problems,
                    describe(control) + " is only " + b.width + " px wide");
        } else if (control instanceof Table table) {
            table(table, gc, problems, scrollingSideways.contains(table));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                walk(child, gc, problems, charts, scrollingSideways);
            }
        }
    }

    private static void text(Control control, String text, boolean wraps, List<String> problems) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Rectangle b = control.getBounds();
        if (wraps) {
            int needed = control.computeSize(b.width, SWT.DEFAULT).y;
            check(needed <= b.height + 1, problems, describe(control) + " needs " + needed + " px of height, has "
                    + b.height);
        } else {
            Point needed = control.computeSize(SWT.DEFAULT, SWT.DEFAULT);
            check(needed.x <= b.width + 1 && needed.y <= b.height + 1, problems,
                    describe(control) + " needs " + needed + ", has " + b.width + " x " + b.height);
        }
    }

    /** Every column at least as wide as its header and its cells; all columns in view. */
    private static void table(Table table, GC gc, List<String> problems, boolean mayScrollSideways) {
        gc.setFont(table.getFont());
        int total = 0;
        for (int c = 0; c < table.getColumnCount(); c++) {
            TableColumn column = table.getColumn(c);
            int needed = gc.textExtent(column.getText()).x;
            for (TableItem item : table.getItems()) {
                needed = Math.max(needed, gc.textExtent(item.getText(c)).x);
            }
            check(column.getWidth() >= needed + 4, problems, describe(table) + " column '" + column.getText()
                    + "' is " + column.getWidth() + " px for " + needed + " px of text");
            total += column.getWidth();
        }
        Rectangle area = table.getClientArea();
        check(total <= area.width + 1 || (mayScrollSideways && visible(table.getHorizontalBar())), problems,
                describe(table) + " has " + total + " px of columns in " + area.width + " px");
        if (table.getItemCount() > 0) {
            int rows = table.getItemCount() * table.getItemHeight() + table.getHeaderHeight();
            check(rows <= area.height + 1 || visible(table.getVerticalBar()), problems,
                    describe(table) + " has " + rows + " px of rows in " + area.height + " px and no scroll bar");
        }
    }

    private static String describe(Control control) {
        String text = control instanceof Label l ? l.getText()
                : control instanceof Button b ? b.getText() : control instanceof Table t && t.getColumnCount() > 0
                        ? t.getColumn(0).getText() : "";
        return control.getClass().getSimpleName() + (text.isEmpty() ? "" : " '" + text + "'");
    }

    private static void check(boolean ok, List<String> problems, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    /** Asserts a chart's plot area; for pages that hold charts outside the walked page. */
    public static void assertPlotArea(PlotChart chart) {
        Point plot = chart.chart().getPlotArea().getSize();
        assertTrue(plot.x >= MIN_PLOT_WIDTH && plot.y >= MIN_PLOT_HEIGHT, "plot area " + plot);
    }
}
