package org.lmworkbench.ui.help;

import java.net.URL;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.eclipse.swt.SWT;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.browser.AbstractWebBrowser;

/**
 * Opens a page in the first place that works: the system's web browser, a window with SWT's
 * browser, or a dialog with the address ({@link BrowserAddressDialog}). Never fails with an error
 * dialog of its own.
 */
final class HelpWebBrowser extends AbstractWebBrowser {

    private final String title;
    private final Predicate<String> systemBrowser;
    private final BooleanSupplier internalAvailable;

    /**
     * @param systemBrowser     opens an address in the system's browser, false if there is none
     * @param internalAvailable whether SWT can make a browser widget
     */
    HelpWebBrowser(String id, String title, Predicate<String> systemBrowser, BooleanSupplier internalAvailable) {
        super(id);
        this.title = title == null || title.isBlank() ? Messages.HelpWebBrowser_title : title;
        this.systemBrowser = systemBrowser;
        this.internalAvailable = internalAvailable;
    }

    @Override
    public void openURL(URL url) {
        String address = url.toExternalForm();
        if (systemBrowser.test(address)) {
            return;
        }
        if (internalAvailable.getAsBoolean()) {
            openWindow(address);
            return;
        }
        new BrowserAddressDialog(activeShell(), address).open();
    }

    private void openWindow(String address) {
        Shell shell = new Shell(Display.getCurrent(), SWT.SHELL_TRIM);
        shell.setText(title);
        shell.setLayout(new FillLayout());
        Browser browser = new Browser(shell, SWT.NONE);
        browser.setUrl(address);
        shell.setSize(1000, 750);
        shell.open();
    }

    private static Shell activeShell() {
        var window = PlatformUI.isWorkbenchRunning() ? PlatformUI.getWorkbench().getActiveWorkbenchWindow() : null;
        return window == null ? Display.getCurrent().getActiveShell() : window.getShell();
    }
}
