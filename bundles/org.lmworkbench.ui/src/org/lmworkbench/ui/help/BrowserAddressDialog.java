package org.lmworkbench.ui.help;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Says that no web browser could be started and gives the page's address, selectable and with a
 * button that copies it, so the help (served by the running workbench) can be read in a browser
 * started by hand.
 */
final class BrowserAddressDialog extends MessageDialog {

    private static final int COPY = 1;

    private final String address;
    private Text text;

    BrowserAddressDialog(Shell parent, String address) {
        super(parent, Messages.HelpWebBrowser_title, null, NLS.bind(Messages.BrowserAddressDialog_message, address),
                INFORMATION, 0, IDialogConstants.CLOSE_LABEL, Messages.BrowserAddressDialog_copy);
        this.address = address;
    }

    @Override
    protected Control createCustomArea(Composite parent) {
        text = new Text(parent, SWT.BORDER | SWT.READ_ONLY | SWT.SINGLE);
        text.setText(address);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.horizontalIndent = convertHorizontalDLUsToPixels(IDialogConstants.HORIZONTAL_MARGIN);
        data.widthHint = convertWidthInCharsToPixels(60);
        text.setLayoutData(data);
        return text;
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == COPY) {
            Clipboard clipboard = new Clipboard(getShell().getDisplay());
            try {
                clipboard.setContents(new Object[] { address }, new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
            text.selectAll();
            return;
        }
        super.buttonPressed(buttonId);
    }

    /** The address as the dialog shows it. */
    String shownAddress() {
        return text == null ? address : text.getText();
    }
}
