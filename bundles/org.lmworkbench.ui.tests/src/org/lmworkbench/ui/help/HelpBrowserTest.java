package org.lmworkbench.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * Pages the workbench opens in a browser (Help Contents when the help system cannot show them
 * itself): without any browser the user gets the page's address in a dialog, not the platform's
 * "Unable to open web browser on {0}".
 */
class HelpBrowserTest {

    private static final String HELP = "http://127.0.0.1:40123/help/index.jsp";

    @Test
    void theWorkbenchOpensPagesThroughThisBrowserSupport() throws Exception {
        assertInstanceOf(HelpWebBrowser.class, PlatformUI.getWorkbench().getBrowserSupport().getExternalBrowser());
    }

    @Test
    void withoutAnyBrowserTheDialogGivesTheAddress() throws Exception {
        List<String> shown = new ArrayList<>();
        closeNextDialog(shown);
        new HelpWebBrowser("test", null, address -> false, () -> false).openURL(URI.create(HELP).toURL());
        String all = String.join("\n", shown);
        assertTrue(all.contains(HELP), all);
        assertFalse(all.contains("{0}"), "no unformatted message: " + all);
        assertTrue(shown.contains(HELP), "the address in a field of its own, to copy: " + shown);
    }

    @Test
    void theSystemBrowserComesFirst() throws Exception {
        List<String> asked = new ArrayList<>();
        new HelpWebBrowser("test", null, address -> asked.add(address), () -> false)
                .openURL(URI.create(HELP).toURL());
        assertEquals(List.of(HELP), asked);
        for (Shell shell : Display.getCurrent().getShells()) {
            assertFalse(shell.getText().equals(Messages.HelpWebBrowser_title) && shell.isVisible(), "no dialog");
        }
    }

    /** Closes the next dialog that opens, keeping its title and texts. */
    private static void closeNextDialog(List<String> texts) {
        Display display = Display.getCurrent();
        Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            for (Shell shell : display.getShells()) {
                if (shell != workbench && shell.isVisible()) {
                    texts.add(shell.getText());
                    collect(shell, texts);
                    shell.close();
                    return;
                }
            }
            display.timerExec(50, poll[0]);
        };
        display.timerExec(50, poll[0]);
    }

    private static void collect(Control control, List<String> texts) {
        if (control instanceof Label label) {
            texts.add(label.getText());
        } else if (control instanceof Text text) {
            texts.add(text.getText());
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, texts);
            }
        }
    }
}
