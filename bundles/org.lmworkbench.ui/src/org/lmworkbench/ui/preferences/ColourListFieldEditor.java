package org.lmworkbench.ui.preferences;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.preference.ColorSelector;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * The chart colour cycle as a row of colour buttons, stored in one key as
 * {@link ChartColours#format}. Colours can be added (a copy of the last) and the last
 * removed; at least one always remains, since charts cycle through the list.
 */
public final class ColourListFieldEditor extends FieldEditor {

    /** Charts rarely show more series than this in distinguishable colours. */
    static final int MAX_COLOURS = 20;

    private Composite swatches;
    private Button add;
    private Button remove;
    private final List<ColorSelector> selectors = new ArrayList<>();

    /** Creates the editor for {@code key} with {@code label}. */
    public ColourListFieldEditor(String key, String label, Composite parent) {
        init(key, label);
        createControl(parent);
    }

    @Override
    protected void adjustForNumColumns(int numColumns) {
        ((GridData) swatches.getParent().getLayoutData()).horizontalSpan = numColumns - 1;
    }

    @Override
    protected void doFillIntoGrid(Composite parent, int numColumns) {
        Label label = getLabelControl(parent);
        label.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        Composite box = new Composite(parent, SWT.NONE);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.horizontalSpan = numColumns - 1;
        box.setLayoutData(data);
        GridLayout boxLayout = new GridLayout(1, false);
        boxLayout.marginWidth = 0;
        boxLayout.marginHeight = 0;
        box.setLayout(boxLayout);
        swatches = new Composite(box, SWT.NONE);
        GridLayout grid = new GridLayout(10, true);
        grid.marginWidth = 0;
        grid.marginHeight = 0;
        swatches.setLayout(grid);
        Composite buttons = new Composite(box, SWT.NONE);
        GridLayout row = new GridLayout(2, false);
        row.marginWidth = 0;
        row.marginHeight = 0;
        buttons.setLayout(row);
        add = new Button(buttons, SWT.PUSH);
        add.setText(Messages.ColourListFieldEditor_add);
        add.addListener(SWT.Selection, e -> {
            RGB last = selectors.isEmpty() ? new RGB(0, 0, 0) : selectors.get(selectors.size() - 1).getColorValue();
            addSelector(last);
            changed();
        });
        remove = new Button(buttons, SWT.PUSH);
        remove.setText(Messages.ColourListFieldEditor_remove);
        remove.addListener(SWT.Selection, e -> {
            if (selectors.size() > 1) {
                selectors.remove(selectors.size() - 1).getButton().dispose();
                changed();
            }
        });
    }

    private void addSelector(RGB colour) {
        ColorSelector selector = new ColorSelector(swatches);
        selector.setColorValue(colour);
        selector.addListener(e -> changed());
        selectors.add(selector);
    }

    private void changed() {
        swatches.getParent().getParent().layout(true, true);
        add.setEnabled(selectors.size() < MAX_COLOURS);
        remove.setEnabled(selectors.size() > 1);
    }

    private void show(RGB[] colours) {
        for (ColorSelector s : selectors) {
            s.getButton().dispose();
        }
        selectors.clear();
        for (RGB c : colours) {
            addSelector(c);
        }
        changed();
    }

    @Override
    protected void doLoad() {
        show(parse(getPreferenceStore().getString(getPreferenceName())));
    }

    @Override
    protected void doLoadDefault() {
        show(parse(getPreferenceStore().getDefaultString(getPreferenceName())));
    }

    private static RGB[] parse(String text) {
        RGB[] colours = ChartColours.parse(text);
        return colours.length > 0 ? colours : ChartColours.defaults();
    }

    @Override
    protected void doStore() {
        getPreferenceStore().setValue(getPreferenceName(), ChartColours.format(colours()));
    }

    /** The colours as shown. */
    public RGB[] colours() {
        return selectors.stream().map(ColorSelector::getColorValue).toArray(RGB[]::new);
    }

    /** The colour buttons, for tests. */
    Control[] swatchButtons() {
        return selectors.stream().map(ColorSelector::getButton).toArray(Control[]::new);
    }

    @Override
    public int getNumberOfControls() {
        return 2;
    }

    @Override
    public void setEnabled(boolean enabled, Composite parent) {
        super.setEnabled(enabled, parent);
        selectors.forEach(s -> s.setEnabled(enabled));
        add.setEnabled(enabled);
        remove.setEnabled(enabled);
    }
}
