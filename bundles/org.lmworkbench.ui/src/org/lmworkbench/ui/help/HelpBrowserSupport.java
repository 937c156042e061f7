package org.lmworkbench.ui.help;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.browser.AbstractWorkbenchBrowserSupport;
import org.eclipse.ui.browser.IWebBrowser;

/**
 * The workbench's web browser support where no other is installed (it is declared as the default,
 * so a browser support such as the Eclipse IDE's takes precedence). Help Contents comes here when
 * the help system cannot show pages itself. The platform's own fallback starts "firefox" or
 * "mozilla" and, without them, shows "Unable to open web browser on {0}": it passes its message to
 * the dialog without {@code NLS.bind}, so the address never replaces the {0} and the user learns
 * neither what failed nor where the help is. Here a page opens in the system's browser, else in a
 * window of its own when SWT has a browser engine, else a dialog gives the address to open
 * elsewhere.
 */
public final class HelpBrowserSupport extends AbstractWorkbenchBrowserSupport {

    private Boolean internalAvailable;

    @Override
    public IWebBrowser createBrowser(int style, String browserId, String name, String tooltip) {
        return new HelpWebBrowser(browserId == null ? "help" : browserId, name, Program::launch,
                this::isInternalWebBrowserAvailable);
    }

    @Override
    public IWebBrowser createBrowser(String browserId) {
        return createBrowser(0, browserId, null, null);
    }

    /** Whether SWT can make a browser widget here (it needs WebKitGTK on Linux); asked once. */
    @Override
    public boolean isInternalWebBrowserAvailable() {
        if (internalAvailable == null) {
            Shell shell = new Shell(Display.getCurrent());
            try {
                new Browser(shell, SWT.NONE);
                internalAvailable = true;
            } catch (SWTError e) {
                internalAvailable = false;
            } finally {
                shell.dispose();
            }
        }
        return internalAvailable;
    }
}
