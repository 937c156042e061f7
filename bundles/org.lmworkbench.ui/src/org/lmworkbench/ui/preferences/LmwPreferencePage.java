package org.lmworkbench.ui.preferences;

import java.io.IOException;
import java.util.function.Function;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.workspace.preferences.BackendPreferences;
import org.lmworkbench.workspace.preferences.PreferenceInputs;

/**
 * Window &gt; Preferences &gt; Learning Mechanics: how backend JVMs are started (device when a spec
 * says {@code auto}, threads, Java, DJL cache, heap) and the chart colour cycle. Values are checked
 * as they are typed (see {@link PreferenceInputs}); the page cannot be applied while one is wrong.
 * The backend settings live in the workspace bundle's node, the colours in this bundle's: the page
 * shows both and stores each where it belongs.
 */
public final class LmwPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** The page id in plugin.xml. */
    public static final String ID = "org.lmworkbench.ui.preferences.main";

    private ColourListFieldEditor colours;
    private ScopedPreferenceStore colourStore;

    /** Creates the page with a grid of field editors. */
    public LmwPreferencePage() {
        super(GRID);
        setDescription(Messages.LmwPreferencePage_description);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, BackendPreferences.NODE));
        colourStore = new ScopedPreferenceStore(InstanceScope.INSTANCE, ChartColours.NODE);
    }

    /** Field editors take the page's store; the colour list then moves to the UI node's store. */
    @Override
    protected void initialize() {
        super.initialize();
        colours.setPreferenceStore(colourStore);
        colours.load();
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        if (ok && colourStore.needsSaving()) {
            try {
                colourStore.save();
            } catch (IOException e) {
                UiPlugin.log("cannot save the chart colours", e);
            }
        }
        return ok;
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        addField(new ComboFieldEditor(BackendPreferences.DEVICE, Messages.LmwPreferencePage_device, new String[][] {
            {Messages.LmwPreferencePage_deviceAuto, "auto"},
            {Messages.LmwPreferencePage_deviceCpu, "cpu"},
            {Messages.LmwPreferencePage_deviceGpu, "gpu"}}, parent));
        addField(new CheckedText(BackendPreferences.THREADS, Messages.LmwPreferencePage_threads, parent,
                PreferenceInputs::checkThreads));
        addField(new CheckedText(BackendPreferences.JVM_MEMORY, Messages.LmwPreferencePage_memory, parent,
                PreferenceInputs::checkMemory));
        addField(new JavaField(parent));
        addField(new CacheField(parent));
        colours = new ColourListFieldEditor(ChartColours.KEY, Messages.LmwPreferencePage_colours, parent);
        addField(colours);
    }

    /** The colour list, for tests. */
    ColourListFieldEditor colourEditor() {
        return colours;
    }

    /** A text field checked with one of {@link PreferenceInputs}' functions. */
    static final class CheckedText extends StringFieldEditor {
        private final Function<String, String> check;

        CheckedText(String key, String label, Composite parent, Function<String, String> check) {
            super(key, label, parent);
            this.check = check;
            setEmptyStringAllowed(true);
        }

        @Override
        protected boolean doCheckState() {
            String message = check.apply(getStringValue());
            setErrorMessage(message);
            return message == null;
        }
    }

    /** The Java executable: a file chooser whose value must be an executable file (or empty). */
    static final class JavaField extends FileFieldEditor {
        JavaField(Composite parent) {
            // FileFieldEditor checks on focus loss by default; a wrong path should show while it is typed.
            super(BackendPreferences.JAVA, Messages.LmwPreferencePage_java, true, VALIDATE_ON_KEY_STROKE, parent);
            setEmptyStringAllowed(true);
        }

        @Override
        protected boolean checkState() {
            String message = PreferenceInputs.checkJava(getStringValue());
            if (message != null) {
                showErrorMessage(message);
                return false;
            }
            clearErrorMessage();
            return true;
        }
    }

    /**
     * The DJL cache: a folder chooser; the folder may not exist yet (DJL creates it). Checked when the
     * field loses focus, as DirectoryFieldEditor does (a half-typed path is not an error yet).
     */
    static final class CacheField extends DirectoryFieldEditor {
        CacheField(Composite parent) {
            super(BackendPreferences.DJL_CACHE, Messages.LmwPreferencePage_cache, parent);
            setEmptyStringAllowed(true);
        }

        @Override
        protected boolean doCheckState() {
            String message = PreferenceInputs.checkCacheFolder(getStringValue());
            setErrorMessage(message);
            return message == null;
        }
    }
}
