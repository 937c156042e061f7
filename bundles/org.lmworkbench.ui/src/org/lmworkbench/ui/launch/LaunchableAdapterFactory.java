package org.lmworkbench.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.ILaunchable;
import org.lmworkbench.workspace.SpecFiles;

/**
 * Makes spec files launchable. The platform shows the "Run As" context menu only for selections
 * that adapt to {@link ILaunchable}; in a Java IDE JDT declares that adapter for every resource,
 * but this product has no JDT, so without this factory Run As > Training Run would never appear
 * in the Project Explorer. The launch shortcut's own enablement then narrows it to specs.
 */
public final class LaunchableAdapterFactory implements IAdapterFactory {

    private static final ILaunchable LAUNCHABLE = new ILaunchable() {
        // a marker: the platform only asks whether the adapter exists
    };

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adapterType == ILaunchable.class && adaptable instanceof IFile file && SpecFiles.isSpec(file)) {
            return adapterType.cast(LAUNCHABLE);
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] {ILaunchable.class};
    }
}
