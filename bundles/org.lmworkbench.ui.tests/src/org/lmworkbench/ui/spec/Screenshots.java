package org.lmworkbench.ui.spec;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.lmworkbench.ui.testing.UiTestSupport;

/**
 * Saves a PNG of the workbench window when the environment variable {@code LMW_SCREENSHOT_DIR}
 * names a folder, so that a person can look at what the tests drove; does nothing otherwise.
 */
final class Screenshots {

    private Screenshots() {
    }

    static void take(String name) {
        String dir = System.getenv("LMW_SCREENSHOT_DIR");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Shell shell = UiTestSupport.activePage().getWorkbenchWindow().getShell();
        shell.setBounds(0, 0, 1500, 980);
        UiTestSupport.processEvents();
        Rectangle bounds = shell.getBounds();
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(dir + "/" + name + ".png", SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
