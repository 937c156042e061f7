package org.lmworkbench.ui.charts;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.w3c.dom.Document;

/** A shell to put charts in, event settling, and readers for the exported files. */
final class ChartTestSupport {

    private ChartTestSupport() {
    }

    /** An open shell of the given size with a fill layout, on this thread's display. */
    static Shell shell(int width, int height) {
        Shell shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(width, height);
        return shell;
    }

    /** Opens the shell and runs pending events and paints (and the charts' coalesced refreshes). */
    static void show(Shell shell) {
        shell.layout(true, true);
        shell.open();
        settle();
    }

    static void settle() {
        Display display = Display.getDefault();
        long end = System.currentTimeMillis() + 300;
        while (System.currentTimeMillis() < end) {
            while (display.readAndDispatch()) {
                // drain
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /**
     * With {@code LMW_SCREENSHOT_DIR} set, saves a PNG of the control as {@code name.png} there, for a
     * person to look at; otherwise does nothing.
     */
    static void snapshot(String name, org.eclipse.swt.widgets.Control control) throws IOException {
        String dir = System.getenv("LMW_SCREENSHOT_DIR");
        if (dir != null && !dir.isBlank()) {
            Files.createDirectories(Path.of(dir));
            PngExport.write(control, Path.of(dir, name + ".png"));
        }
    }

    static Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = Files.newInputStream(file)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    static ImageData readPng(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new ImageLoader().load(in)[0];
        }
    }

    static RGB pixel(ImageData image, int x, int y) {
        return image.palette.getRGB(image.getPixel(x, y));
    }

    /** Whether some pixel of the image has exactly this colour. */
    static boolean containsColour(ImageData image, RGB colour) {
        for (int y = 0; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                if (pixel(image, x, y).equals(colour)) {
                    return true;
                }
            }
        }
        return false;
    }
}
