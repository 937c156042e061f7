package org.lmworkbench.ui.properties;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertySource;
import org.lmworkbench.ui.navigator.RunElement;

/**
 * Adapts a {@link RunElement} to an {@link IPropertySource}, so that the Properties view shows a
 * run's status, execution, versions and spec when the run is selected. Registered in plugin.xml so
 * the bundle is only activated when a run is actually shown.
 * <p>
 * Deliberately no IWorkbenchAdapter: the Project Explorer asks the label provider of the extension
 * that contributed an element first, which for runs is the resource content; with a workbench
 * adapter the resource label provider would name runs itself and bypass the styled run labels.
 */
public final class RunAdapterFactory implements IAdapterFactory {

    private static final Class<?>[] ADAPTERS = {IPropertySource.class};

    /** Created by the adapter manager from the adapters extension. */
    public RunAdapterFactory() {
        // stateless
    }

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adaptable instanceof RunElement run && adapterType == IPropertySource.class) {
            // a fresh source per request: it captures the status at the moment the run is selected
            return adapterType.cast(new RunPropertySource(run));
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return ADAPTERS.clone();
    }
}
