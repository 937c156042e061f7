package org.lmworkbench.ui.similarity;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.widgets.FormToolkit;

/**
 * A titled checkbox list of layers. An empty selection in the document means "all captured
 * layers", so the chooser checks every layer for it; the page refuses to compute with none checked.
 */
final class LayerChooser {

    private final Composite composite;
    private final Label title;
    private final CheckboxTableViewer viewer;
    private List<String> available = List.of();

    LayerChooser(Composite parent, FormToolkit toolkit, Runnable onChange) {
        composite = toolkit.createComposite(parent);
        composite.setLayout(new GridLayout());
        composite.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        title = toolkit.createLabel(composite, "", SWT.WRAP);
        GridData titleData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        // titles name runs and can be long: they wrap rather than widen the page
        titleData.widthHint = 100;
        title.setLayoutData(titleData);
        viewer = CheckboxTableViewer.newCheckList(composite, SWT.BORDER | SWT.V_SCROLL);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 120;
        data.widthHint = 100;
        viewer.getTable().setLayoutData(data);
        viewer.addCheckStateListener(event -> onChange.run());
    }

    /** Shows {@code layers} with those of {@code chosen} checked (all when {@code chosen} is empty). */
    void show(String heading, List<String> layers, List<String> chosen) {
        title.setText(heading);
        available = List.copyOf(layers);
        viewer.setInput(available.toArray(new String[0]));
        viewer.setCheckedElements(chosen.isEmpty() ? available.toArray() : chosen.stream()
                .filter(available::contains).toArray());
    }

    /** The checked layers, in display order. */
    List<String> checked() {
        List<String> out = new ArrayList<>();
        for (String layer : available) {
            if (viewer.getChecked(layer)) {
                out.add(layer);
            }
        }
        return out;
    }

    /** The listed layers. */
    List<String> available() {
        return available;
    }

    /** Shows or hides the chooser, taking its space away when hidden. */
    void setVisible(boolean visible) {
        composite.setVisible(visible);
        ((GridData) composite.getLayoutData()).exclude = !visible;
    }
}
