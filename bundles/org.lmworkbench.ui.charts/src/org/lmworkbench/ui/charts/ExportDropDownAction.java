package org.lmworkbench.ui.charts;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuCreator;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.lmworkbench.ui.charts.ExportMenu.Format;
import org.lmworkbench.ui.charts.internal.Messages;

/**
 * One toolbar button for exporting a chart: pressing it exports PNG (what people paste into
 * papers and slides), its arrow offers PNG, SVG and CSV. Three text buttons would crowd a view's
 * toolbar and push its own actions out of sight.
 */
public final class ExportDropDownAction extends Action implements IMenuCreator {

    private final ExportableChart chart;
    private final Shell shell;
    private final ExportTarget target;
    private Menu menu;

    /**
     * @param chart what to export
     * @param shell parent of the file dialog
     */
    public ExportDropDownAction(ExportableChart chart, Shell shell) {
        this(chart, shell, ExportTarget.home(null));
    }

    /**
     * @param chart  what to export
     * @param shell  parent of the file dialog
     * @param target where the file dialog opens
     */
    public ExportDropDownAction(ExportableChart chart, Shell shell, ExportTarget target) {
        super(Messages.ExportMenu_export, AS_DROP_DOWN_MENU);
        this.chart = chart;
        this.shell = shell;
        this.target = target;
        setToolTipText(Messages.ExportMenu_exportTooltip);
        setImageDescriptor(ImageDescriptor.createFromFile(ExportDropDownAction.class, "/icons/export.png"));
        setMenuCreator(this);
    }

    @Override
    public void run() {
        ExportMenu.export(shell, chart, Format.PNG, target);
    }

    /** What this button exports. */
    public ExportableChart chart() {
        return chart;
    }

    /** Where its save dialog opens. */
    public ExportTarget target() {
        return target;
    }

    @Override
    public Menu getMenu(Control parent) {
        dispose();
        menu = new Menu(parent);
        for (Format format : Format.values()) {
            MenuItem item = new MenuItem(menu, org.eclipse.swt.SWT.PUSH);
            item.setText(format.label());
            item.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> ExportMenu.export(shell, chart, format, target)));
        }
        return menu;
    }

    @Override
    public Menu getMenu(Menu parent) {
        return null;
    }

    @Override
    public void dispose() {
        if (menu != null && !menu.isDisposed()) {
            menu.dispose();
        }
        menu = null;
    }
}
