package org.lmworkbench.ui.launch;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut2;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.statushandlers.StatusManager;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.launching.LaunchAttributes;
import org.lmworkbench.ui.internal.UiPlugin;

/**
 * Run As &gt; Training Run on a spec file or an editor showing one: launches the configuration that
 * names the spec, creating it (named after the spec) the first time, so the launch history and the
 * Run Configurations dialog list it like any other.
 */
public final class TrainingRunShortcut implements ILaunchShortcut2 {

    @Override
    public void launch(ISelection selection, String mode) {
        launch(getLaunchableResource(selection), mode);
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        launch(getLaunchableResource(editor), mode);
    }

    private static void launch(IResource resource, String mode) {
        if (!(resource instanceof IFile spec)) {
            return;
        }
        try {
            DebugUITools.launch(findOrCreate(spec), mode);
        } catch (CoreException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW | StatusManager.LOG);
        }
    }

    /** The configurations that name {@code spec}; normally one. */
    static List<ILaunchConfiguration> configurationsFor(IFile spec) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(LaunchAttributes.TYPE_ID);
        String path = spec.getFullPath().toPortableString();
        List<ILaunchConfiguration> found = new ArrayList<>();
        for (ILaunchConfiguration c : manager.getLaunchConfigurations(type)) {
            if (path.equals(c.getAttribute(LaunchAttributes.SPEC, ""))) {
                found.add(c);
            }
        }
        return found;
    }

    /** The first configuration naming {@code spec}, or a new one named after the spec file. */
    public static ILaunchConfiguration findOrCreate(IFile spec) throws CoreException {
        List<ILaunchConfiguration> existing = configurationsFor(spec);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(LaunchAttributes.TYPE_ID);
        ILaunchConfigurationWorkingCopy copy = type.newInstance(null,
                manager.generateLaunchConfigurationName(baseName(spec)));
        copy.setAttribute(LaunchAttributes.SPEC, spec.getFullPath().toPortableString());
        copy.setMappedResources(new IResource[] {spec});
        return copy.doSave();
    }

    /** {@code eos.lmx} and {@code eos.experiment.json} both give {@code eos}. */
    static String baseName(IFile spec) {
        String name = spec.getName();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String ending : Specs.FILE_EXTENSIONS) {
            if (lower.endsWith(ending)) {
                return name.substring(0, name.length() - ending.length());
            }
        }
        return name;
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
        return configurations(getLaunchableResource(selection));
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
        return configurations(getLaunchableResource(editor));
    }

    private static ILaunchConfiguration[] configurations(IResource resource) {
        if (!(resource instanceof IFile spec)) {
            return null;
        }
        try {
            return configurationsFor(spec).toArray(ILaunchConfiguration[]::new);
        } catch (CoreException e) {
            UiPlugin.log(e.getMessage(), e);
            return null;
        }
    }

    @Override
    public IResource getLaunchableResource(ISelection selection) {
        if (selection instanceof IStructuredSelection structured && structured.size() == 1) {
            return specOrNull(Adapters.adapt(structured.getFirstElement(), IFile.class));
        }
        return null;
    }

    @Override
    public IResource getLaunchableResource(IEditorPart editor) {
        return editor == null ? null : specOrNull(Adapters.adapt(editor.getEditorInput(), IFile.class));
    }

    private static IFile specOrNull(IFile file) {
        return file != null && file.getLocation() != null && Specs.isSpecFile(file.getLocation().toFile().toPath())
                ? file : null;
    }
}
