package org.lmworkbench.ui.charts;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.lmworkbench.ui.charts.internal.Messages;

/**
 * Offers a chart's exports (PNG, SVG, CSV) to the user: as a right-click menu on the chart or as
 * toolbar actions. Each asks for a file with a save dialog that confirms overwriting and opens where
 * the chart's {@link ExportTarget} says, then writes it; failures are shown in an error dialog
 * naming the file.
 */
public final class ExportMenu {

    /** The export formats. */
    enum Format {
        PNG("*.png", ".png"), SVG("*.svg", ".svg"), CSV("*.csv", ".csv");

        final String filter;
        final String extension;

        Format(String filter, String extension) {
            this.filter = filter;
            this.extension = extension;
        }

        String label() {
            return switch (this) {
            case PNG -> Messages.ExportMenu_png;
            case SVG -> Messages.ExportMenu_svg;
            case CSV -> Messages.ExportMenu_csv;
            };
        }

        String filterName() {
            return switch (this) {
            case PNG -> Messages.ExportMenu_pngFilter;
            case SVG -> Messages.ExportMenu_svgFilter;
            case CSV -> Messages.ExportMenu_csvFilter;
            };
        }
    }

    private ExportMenu() {
    }

    /**
     * Gives {@code control} and all its descendants (SWTChart draws into child controls, which do not
     * inherit their parent's menu) a context menu with "Export as PNG/SVG/CSV...".
     *
     * @return the menu
     */
    public static Menu attach(Control control, ExportableChart chart) {
        return attach(control, chart, ExportTarget.home(null));
    }

    /**
     * As {@link #attach(Control, ExportableChart)}, with the save dialog opening at {@code target}.
     *
     * @return the menu
     */
    public static Menu attach(Control control, ExportableChart chart, ExportTarget target) {
        Menu menu = new Menu(control);
        for (Format format : Format.values()) {
            MenuItem item = new MenuItem(menu, SWT.PUSH);
            item.setText(format.label());
            item.addListener(SWT.Selection, e -> export(control.getShell(), chart, format, target));
        }
        setMenu(control, menu);
        return menu;
    }

    private static void setMenu(Control control, Menu menu) {
        if (control.getMenu() == null) {
            control.setMenu(menu);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                setMenu(child, menu);
            }
        }
    }

    /**
     * Adds an Export button to a toolbar (a view's, or an editor form's): PNG on a press, PNG, SVG
     * or CSV from its drop-down ({@link ExportDropDownAction}).
     */
    public static void contribute(IToolBarManager manager, ExportableChart chart, Shell shell) {
        contribute(manager, chart, shell, ExportTarget.home(null));
    }

    /**
     * As {@link #contribute(IToolBarManager, ExportableChart, Shell)}, with the save dialog opening
     * at {@code target}.
     */
    public static void contribute(IToolBarManager manager, ExportableChart chart, Shell shell, ExportTarget target) {
        manager.add(new ExportDropDownAction(chart, shell, target));
        manager.update(false);
    }

    /** Asks for a file, starting at the target, and writes the export there. */
    static void export(Shell shell, ExportableChart chart, Format format, ExportTarget target) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.ExportMenu_dialogTitle);
        dialog.setFilterExtensions(new String[] { format.filter });
        dialog.setFilterNames(new String[] { format.filterName() });
        dialog.setFilterPath(target.folder().toString());
        dialog.setFileName(target.fileName(format.extension));
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        if (!chosen.toLowerCase().endsWith(format.extension)) {
            chosen += format.extension;
        }
        Path file = Path.of(chosen);
        target.exported(file);
        try {
            write(chart, format, file);
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(shell, Messages.ExportMenu_failedTitle,
                    NLS.bind(Messages.ExportMenu_failed, file, e.getMessage()));
        }
    }

    static void write(ExportableChart chart, Format format, Path file) throws IOException {
        switch (format) {
        case PNG -> chart.writePng(file);
        case SVG -> chart.writeSvg(file);
        case CSV -> chart.writeCsv(file);
        }
    }
}
