package org.lmworkbench.ui.analyses;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.eclipse.ui.menus.IWorkbenchContribution;
import org.eclipse.ui.services.IEvaluationService;
import org.eclipse.ui.services.IServiceLocator;

/**
 * The items of the Analyses context menu: one per analysis that applies to the selection (asked of
 * the analysis registry every time the menu opens); choosing one computes it as an
 * {@link AnalysisJob}, which opens the bound editor on the result.
 */
public final class AnalysesMenu extends CompoundContributionItem implements IWorkbenchContribution {

    private IServiceLocator services;

    @Override
    public void initialize(IServiceLocator serviceLocator) {
        this.services = serviceLocator;
    }

    @Override
    protected IContributionItem[] getContributionItems() {
        IWorkbenchWindow window = services == null ? null : services.getService(IWorkbenchWindow.class);
        if (window == null) {
            window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        }
        return items(selection(), window).toArray(IContributionItem[]::new);
    }

    /**
     * The menu items for {@code selection}: an action per applicable analysis, or one disabled item
     * saying that none applies.
     */
    public static List<IContributionItem> items(ISelection selection, IWorkbenchWindow window) {
        List<IContributionItem> items = new ArrayList<>();
        for (AnalysisOffer offer : AnalysisOffer.of(selection)) {
            IAction action = new Action(offer.analysis().name()) {
                @Override
                public void run() {
                    new AnalysisJob(offer, window).schedule();
                }
            };
            action.setToolTipText(offer.analysis().description());
            items.add(new ActionContributionItem(action));
        }
        if (items.isEmpty()) {
            IAction none = new Action(Messages.AnalysesMenu_none) {
                // a label only
            };
            none.setEnabled(false);
            items.add(new ActionContributionItem(none));
        }
        return items;
    }

    /** The selection the context menu was opened on. */
    private ISelection selection() {
        IEvaluationService evaluation = services == null ? null : services.getService(IEvaluationService.class);
        if (evaluation == null) {
            return null;
        }
        Object menuSelection = evaluation.getCurrentState().getVariable(ISources.ACTIVE_MENU_SELECTION_NAME);
        if (menuSelection instanceof ISelection s) {
            return s;
        }
        Object current = evaluation.getCurrentState().getVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME);
        return current instanceof ISelection s ? s : null;
    }
}
