package org.lmworkbench.ui.spec;

import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.MultiPageEditorActionBarContributor;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;

/**
 * Routes the global edit actions (undo, copy, find, ...) to the Source page while it is active; the
 * form's text boxes handle those keys natively, so the handlers are cleared on the Settings page.
 */
public final class SpecEditorContributor extends MultiPageEditorActionBarContributor {

    private static final String[] GLOBAL = {ActionFactory.UNDO.getId(), ActionFactory.REDO.getId(),
        ActionFactory.CUT.getId(), ActionFactory.COPY.getId(), ActionFactory.PASTE.getId(),
        ActionFactory.DELETE.getId(), ActionFactory.SELECT_ALL.getId(), ActionFactory.FIND.getId(),
        ITextEditorActionConstants.GOTO_LINE};

    /** Created by the workbench. */
    public SpecEditorContributor() {
        // stateless apart from the action bars
    }

    @Override
    public void setActivePage(IEditorPart activeEditor) {
        IActionBars bars = getActionBars();
        if (bars == null) {
            return;
        }
        ITextEditor text = activeEditor instanceof ITextEditor t ? t : null;
        for (String id : GLOBAL) {
            bars.setGlobalActionHandler(id, text == null ? null : text.getAction(id));
        }
        bars.updateActionBars();
    }
}
