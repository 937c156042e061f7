package org.lmworkbench.ui.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.launching.LaunchAttributes;
import org.lmworkbench.ui.internal.UiPlugin;

/**
 * The Run button of the settings page: launches the edited spec with the Training Run configuration
 * that names it, creating that configuration the first time (as Run As does). Saving dirty editors
 * before the launch is left to the debug UI, which asks according to the user's preference.
 */
public final class SpecRunAction extends Action {

    private final SpecFormEditor editor;

    /** The action of one editor. */
    public SpecRunAction(SpecFormEditor editor) {
        super(Messages.SpecRunAction_label, DebugUITools.getImageDescriptor(IDebugUIConstants.IMG_ACT_RUN));
        this.editor = editor;
        setToolTipText(Messages.SpecRunAction_tooltip);
    }

    @Override
    public void run() {
        IFile spec = editor.file();
        if (spec == null) {
            MessageDialog.openError(editor.getSite().getShell(), Messages.SpecRunAction_label, Messages.SpecRunAction_notInWorkspace);
            return;
        }
        try {
            ILaunchConfiguration config = configurationFor(spec);
            if (config == null) {
                MessageDialog.openError(editor.getSite().getShell(), Messages.SpecRunAction_label,
                        NLS.bind(Messages.SpecRunAction_noType, LaunchAttributes.TYPE_ID));
                return;
            }
            DebugUITools.launch(config, ILaunchManager.RUN_MODE);
        } catch (CoreException e) {
            ErrorDialog.openError(editor.getSite().getShell(), Messages.SpecRunAction_label, null, e.getStatus());
        }
    }

    /**
     * The Training Run configuration of a spec: the first whose {@link LaunchAttributes#SPEC} names it,
     * else a new one named after the file. Null when the launch type is not installed.
     */
    public static ILaunchConfiguration configurationFor(IFile spec) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(LaunchAttributes.TYPE_ID);
        if (type == null) {
            return null;
        }
        String path = spec.getFullPath().toString();
        Optional<ILaunchConfiguration> existing = Arrays.stream(manager.getLaunchConfigurations(type))
                .filter(c -> path.equals(attribute(c))).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        String base = spec.getName();
        for (String suffix : Specs.FILE_EXTENSIONS) {
            if (base.toLowerCase(Locale.ROOT).endsWith(suffix) && base.length() > suffix.length()) {
                base = base.substring(0, base.length() - suffix.length());
            }
        }
        ILaunchConfigurationWorkingCopy copy = type.newInstance(null, manager.generateLaunchConfigurationName(base));
        copy.setAttribute(LaunchAttributes.SPEC, path);
        copy.setMappedResources(new IResource[] {spec});
        return copy.doSave();
    }

    private static String attribute(ILaunchConfiguration config) {
        try {
            return config.getAttribute(LaunchAttributes.SPEC, "");
        } catch (CoreException e) {
            UiPlugin.log("cannot read launch configuration " + config.getName(), e);
            return "";
        }
    }
}
