package org.lmworkbench.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.preferences.BackendPreferences;

/**
 * The Learning Mechanics preference page: wrong values produce a message naming the setting and
 * keep the page from being applied; right ones are stored where the launch reads them.
 */
class LmwPreferencePageTest {

    private Shell shell;
    private LmwPreferencePage page;

    @TempDir
    Path temp;

    @BeforeEach
    void openPage() {
        shell = new Shell(PlatformUI.getWorkbench().getDisplay());
        shell.setLayout(new FillLayout());
        page = new LmwPreferencePage();
        page.init(PlatformUI.getWorkbench());
        page.createControl(shell);
        shell.setSize(800, 600);
        shell.open();
        UiTestSupport.processEvents();
    }

    @AfterEach
    void closePage() throws Exception {
        for (String key : new String[] {BackendPreferences.THREADS, BackendPreferences.JVM_MEMORY,
            BackendPreferences.JAVA, BackendPreferences.DJL_CACHE}) {
            BackendPreferences.node().remove(key);
        }
        BackendPreferences.node().flush();
        ChartColours.node().remove(ChartColours.KEY);
        ChartColours.node().flush();
        shell.dispose();
    }

    @Test
    void threadsAndMemoryAreCheckedAsTyped() {
        type(Messages.LmwPreferencePage_threads, "-3");
        assertTrue(!page.isValid());
        assertEquals("CPU threads: '-3' is not a whole number from 0 to 1024.", page.getErrorMessage());
        type(Messages.LmwPreferencePage_threads, "4");
        assertTrue(page.isValid());
        assertNull(page.getErrorMessage());

        type(Messages.LmwPreferencePage_memory, "2 GB");
        assertTrue(!page.isValid());
        assertEquals("Backend JVM memory: '2 GB' is not a size like 2g or 512m.", page.getErrorMessage());
        type(Messages.LmwPreferencePage_memory, "3g");
        assertTrue(page.isValid());

        assertTrue(page.performOk());
        assertEquals(4, BackendPreferences.threads());
        assertEquals("3g", BackendPreferences.jvmMemory());
    }

    @Test
    void javaMustBeAnExecutableFile() throws Exception {
        Path plain = Files.writeString(temp.resolve("java"), "not a program");
        type(Messages.LmwPreferencePage_java, plain.toString());
        assertTrue(!page.isValid());
        assertEquals("Java for the backend: " + plain + " is not executable.", page.getErrorMessage());
        type(Messages.LmwPreferencePage_java, temp.resolve("missing").toString());
        assertTrue(!page.isValid());
        assertNotNull(page.getErrorMessage());

        String running = ProcessHandle.current().info().command().orElseThrow();
        assertTrue(new File(running).canExecute());
        type(Messages.LmwPreferencePage_java, running);
        assertTrue(page.isValid(), page.getErrorMessage());
        assertTrue(page.performOk());
        assertEquals(running, BackendPreferences.java());
    }

    @Test
    void cacheFolderMayNotExistYetButNoFileMayBeInTheWay() throws Exception {
        type(Messages.LmwPreferencePage_cache, temp.resolve("djl/cache").toString());
        assertTrue(page.isValid(), page.getErrorMessage());
        Path file = Files.writeString(temp.resolve("file"), "x");
        type(Messages.LmwPreferencePage_cache, file.resolve("cache").toString());
        assertTrue(!page.isValid());
        assertTrue(page.getErrorMessage().startsWith("DJL cache folder:"), page.getErrorMessage());
    }

    @Test
    void chartColoursShowTheStoredCycleAndAreStoredInOneKey() {
        ColourListFieldEditor colours = colourEditor();
        assertEquals(List.of(ChartColours.current()), List.of(colours.colours()));
        assertEquals(10, colours.swatchButtons().length, "the default tab10 cycle");
        ChartColours.node().put(ChartColours.KEY, "1,2,3;4,5,6");
        colours.load();
        assertEquals(List.of(new RGB(1, 2, 3), new RGB(4, 5, 6)), List.of(colours.colours()));
        assertTrue(page.performOk());
        assertEquals("1,2,3;4,5,6", ChartColours.node().get(ChartColours.KEY, ""));
        assertEquals("", BackendPreferences.node().get(ChartColours.KEY, ""), "colours stay out of the backend's node");
    }

    /** Types into a field and leaves it: field editors check on key release or on focus loss. */
    private void type(String label, String value) {
        Text field = text(label);
        field.setText(value);
        field.notifyListeners(SWT.KeyUp, new Event());
        field.notifyListeners(SWT.FocusOut, new Event());
        UiTestSupport.processEvents();
    }

    /** The text field right after the label with {@code label}. */
    private Text text(String label) {
        List<Control> all = new ArrayList<>();
        collect(shell, all);
        for (int i = 0; i < all.size() - 1; i++) {
            if (all.get(i) instanceof Label l && label.equals(l.getText())) {
                for (int j = i + 1; j < all.size(); j++) {
                    if (all.get(j) instanceof Text t) {
                        return t;
                    }
                }
            }
        }
        throw new AssertionError("no text field labelled " + label);
    }

    private ColourListFieldEditor colourEditor() {
        return page.colourEditor();
    }

    private static void collect(Control control, List<Control> out) {
        out.add(control);
        if (control instanceof Composite c) {
            for (Control child : c.getChildren()) {
                collect(child, out);
            }
        }
    }
}
