package org.lmworkbench.ui.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * Driving widgets the way a user does: finding them in a view or dialog by type, pressing buttons,
 * answering the modal dialog a command opens, and saving a picture of the workbench window.
 */
public final class Widgets {

    private Widgets() {
    }

    /** Every control of type {@code type} under {@code root} (itself included) that passes {@code test}, in tree order. */
    public static <T extends Control> List<T> all(Control root, Class<T> type, Predicate<T> test) {
        List<T> out = new ArrayList<>();
        collect(root, type, test, out);
        return out;
    }

    private static <T extends Control> void collect(Control c, Class<T> type, Predicate<T> test, List<T> out) {
        if (type.isInstance(c) && test.test(type.cast(c))) {
            out.add(type.cast(c));
        }
        if (c instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, test, out);
            }
        }
    }

    /** The first control of type {@code type} under {@code root} that passes {@code test}. */
    public static <T extends Control> T find(Control root, Class<T> type, Predicate<T> test) {
        List<T> found = all(root, type, test);
        if (found.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " found under " + root);
        }
        return found.get(0);
    }

    /** Presses the button labelled {@code label} (mnemonics ignored) under {@code root}. */
    public static void press(Control root, String label) {
        Button button = find(root, Button.class, b -> b.getText().replace("&", "").equals(label));
        button.notifyListeners(SWT.Selection, new Event());
    }

    /**
     * Answers the next modal dialog: once a shell other than the workbench window is active,
     * {@code answer} gets it (and typically presses a button). Call before the action that opens the
     * dialog; the dialog's own event loop runs the answer.
     */
    public static void answerNextDialog(Consumer<Shell> answer) {
        Display display = Display.getCurrent();
        Shell main = UiTestSupport.activePage().getWorkbenchWindow().getShell();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            Shell active = display.getActiveShell();
            Shell dialog = active != null && active != main ? active : newestDialog(display, main);
            if (dialog != null) {
                answer.accept(dialog);
            } else {
                display.timerExec(50, poll[0]);
            }
        };
        display.timerExec(50, poll[0]);
    }

    private static Shell newestDialog(Display display, Shell main) {
        Shell found = null;
        for (Shell s : display.getShells()) {
            if (s != main && s.isVisible() && !s.isDisposed()) {
                found = s;
            }
        }
        return found;
    }

    /**
     * Saves the workbench window as {@code <name>.png} in {@code LMW_SCREENSHOT_DIR}, or else in
     * {@code target/screenshots} of the test fragment, and returns the file; a picture is a record
     * for people, so a failure to take it is printed, not thrown.
     */
    public static Path screenshot(String name) {
        try {
            Shell shell = UiTestSupport.activePage().getWorkbenchWindow().getShell();
            for (int i = 0; i < 20; i++) {
                UiTestSupport.processEvents();
                Thread.sleep(25);
            }
            String dir = System.getenv("LMW_SCREENSHOT_DIR");
            Path folder = Files.createDirectories(dir == null || dir.isBlank() ? Path.of("target", "screenshots")
                    : Path.of(dir));
            Rectangle bounds = shell.getBounds();
            Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
            GC gc = new GC(shell.getDisplay());
            try {
                gc.copyArea(image, bounds.x, bounds.y);
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] {image.getImageData()};
                Path file = folder.resolve(name + ".png").toAbsolutePath();
                loader.save(file.toString(), SWT.IMAGE_PNG);
                System.out.println("[screenshot] " + file + " (window " + bounds.width + "x" + bounds.height + ")");
                return file;
            } finally {
                gc.dispose();
                image.dispose();
            }
        } catch (Exception e) {
            System.out.println("[screenshot] none: " + e);
            return null;
        }
    }
}
