package org.lmworkbench.ui.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * Whether starting a launch now would ask the user to save documents. The debug framework saves
 * (or asks about) dirty editors before every launch; an analysis whose computed result counted as
 * an unsaved edit made every later training run ask to save documents the user never edited.
 */
public final class LaunchPrompts {

    /** The debug UI's preference for saving dirty editors before a launch, and its asking value. */
    private static final String SAVE_BEFORE_LAUNCH = "org.eclipse.debug.ui.save_dirty_editors_before_launch";
    private static final String PROMPT = "prompt";

    private LaunchPrompts() {
    }

    /**
     * Asserts that no editor of the workbench is dirty and that the debug framework's pre-launch
     * save, set to ask, proceeds without opening a dialog (any dialog it opens is closed and counts
     * as a failure, so a regression fails instead of hanging the test).
     */
    public static void assertLaunchAsksNothing() {
        List<String> dirty = new ArrayList<>();
        for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorPart editor : page.getDirtyEditors()) {
                    dirty.add(editor.getTitle());
                }
            }
        }
        assertEquals(List.of(), dirty, "dirty editors");
        var node = InstanceScope.INSTANCE.getNode("org.eclipse.debug.ui");
        String before = node.get(SAVE_BEFORE_LAUNCH, null);
        node.put(SAVE_BEFORE_LAUNCH, PROMPT);
        Display display = Display.getCurrent();
        Set<Shell> existing = new HashSet<>(Arrays.asList(display.getShells()));
        List<String> prompts = new ArrayList<>();
        Runnable[] watch = new Runnable[1];
        watch[0] = () -> {
            for (Shell shell : display.getShells()) {
                if (!existing.contains(shell) && !shell.isDisposed() && shell.isVisible()) {
                    prompts.add(shell.getText());
                    shell.close();
                }
            }
            display.timerExec(100, watch[0]);
        };
        display.timerExec(100, watch[0]);
        try {
            assertTrue(DebugUITools.saveBeforeLaunch(), "the launch would not go on");
            UiTestSupport.processEvents();
        } finally {
            display.timerExec(-1, watch[0]);
            if (before == null) {
                node.remove(SAVE_BEFORE_LAUNCH);
            } else {
                node.put(SAVE_BEFORE_LAUNCH, before);
            }
        }
        assertEquals(List.of(), prompts, "dialogs opened by the pre-launch save");
    }
}
