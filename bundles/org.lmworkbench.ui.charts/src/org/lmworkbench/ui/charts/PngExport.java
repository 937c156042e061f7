package org.lmworkbench.ui.charts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;

/** Writes what a control shows as a PNG of the control's size. */
final class PngExport {

    private PngExport() {
    }

    static void write(Control control, Path file) throws IOException {
        write(snapshot(control), file);
    }

    /** Renders the control (and its children) into image data of the control's size. */
    static ImageData snapshot(Control control) throws IOException {
        Point size = control.getSize();
        if (size.x <= 0 || size.y <= 0) {
            throw new IOException("The chart has no size on screen yet (" + size.x + " x " + size.y + ")");
        }
        Image image = new Image(control.getDisplay(), size.x, size.y);
        GC gc = new GC(image);
        try {
            // print() draws the control off screen, so a covered or scrolled-away chart still exports
            control.print(gc);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    static void write(ImageData data, Path file) throws IOException {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { data };
        try (OutputStream out = Files.newOutputStream(file)) {
            loader.save(out, SWT.IMAGE_PNG);
        } catch (SWTException e) {
            throw new IOException("Could not write PNG " + file + ": " + e.getMessage(), e);
        }
    }
}
