package org.lmworkbench.ui.help;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the browser support, from {@code messages.properties} beside this class. */
final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.lmworkbench.ui.help.messages";

    /** See messages.properties. */
    public static String HelpWebBrowser_title;
    /** See messages.properties. */
    public static String BrowserAddressDialog_message;
    /** See messages.properties. */
    public static String BrowserAddressDialog_copy;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
