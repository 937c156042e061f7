package org.lmworkbench.ui.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

/**
 * The workbench window as the product opens it: not maximized, at the workbench's initial window
 * size (the product sets none of its own, so it is the 1024 x 768 of the platform's
 * {@code WorkbenchWindowConfigurer}), in the Learning Mechanics perspective as it is first laid out.
 * Editors then get what a new user's editors get: about 430 pixels of width.
 */
public final class DefaultWindow {

    /** The workbench's initial window size. */
    public static final Point SIZE = new Point(1024, 768);
    /** The product's default perspective. */
    public static final String PERSPECTIVE = "org.lmworkbench.ui.perspective";

    private DefaultWindow() {
    }

    /** Puts the test workbench's window into the product's first-start layout. */
    public static void apply() {
        IWorkbenchPage page = UiTestSupport.activePage();
        Shell shell = page.getWorkbenchWindow().getShell();
        shell.setMaximized(false);
        shell.setBounds(0, 0, SIZE.x, SIZE.y);
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(PERSPECTIVE));
        page.resetPerspective();
        UiTestSupport.processEvents();
        assertEquals(SIZE, shell.getSize(), "the window at the default size");
    }

    /**
     * With {@code LMW_SCREENSHOT_DIR} set, saves the window as {@code name.png} and, for a control
     * larger than what the window shows (a scrolled page), the whole control as
     * {@code name-full.png}, for a person to look at; otherwise does nothing.
     */
    public static void screenshot(String name, Control whole) throws Exception {
        String dir = System.getenv("LMW_SCREENSHOT_DIR");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Files.createDirectories(Path.of(dir));
        UiTestSupport.processEvents();
        Shell shell = UiTestSupport.activePage().getWorkbenchWindow().getShell();
        Point size = shell.getSize();
        Image image = new Image(shell.getDisplay(), size.x, size.y);
        GC gc = new GC(shell);
        try {
            gc.copyArea(image, 0, 0);
            save(image.getImageData(), Path.of(dir, name + ".png"));
        } finally {
            gc.dispose();
            image.dispose();
        }
        if (whole != null) {
            Point full = whole.getSize();
            Image page = new Image(shell.getDisplay(), Math.max(1, full.x), Math.max(1, full.y));
            GC pageGc = new GC(page);
            try {
                whole.print(pageGc);
                save(page.getImageData(), Path.of(dir, name + "-full.png"));
            } finally {
                pageGc.dispose();
                page.dispose();
            }
        }
    }

    private static void save(ImageData data, Path file) {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        loader.save(file.toString(), SWT.IMAGE_PNG);
    }
}
