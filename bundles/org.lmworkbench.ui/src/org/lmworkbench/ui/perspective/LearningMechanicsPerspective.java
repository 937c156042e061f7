package org.lmworkbench.ui.perspective;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.console.IConsoleConstants;
import org.eclipse.ui.navigator.resources.ProjectExplorer;
import org.lmworkbench.ui.views.runs.RunsView;
import org.lmworkbench.ui.views.table.RunsTableView;
import org.lmworkbench.ui.wizards.NewExperimentProjectWizard;

/**
 * The "Learning Mechanics" perspective: experiment projects on the left, specs and analyses in the
 * editor area, and the places where training reports back (Problems, Console, Progress) at the
 * bottom. The Runs view and Properties sit beside them because selecting a run is the usual way to
 * inspect it: the Runs view charts the selected runs' metrics as they train.
 */
public final class LearningMechanicsPerspective implements IPerspectiveFactory {

    /** The perspective id declared in plugin.xml; the product makes it the default perspective. */
    public static final String ID = "org.lmworkbench.ui.perspective";

    /** Folder ids are part of the saved layout; renaming them would scatter users' arrangements. */
    private static final String LEFT = "org.lmworkbench.ui.perspective.left";
    private static final String BOTTOM = "org.lmworkbench.ui.perspective.bottom";
    private static final String RIGHT = "org.lmworkbench.ui.perspective.right";

    /** The Progress view's id; IPageLayout has no constant for it. */
    static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";

    /** Creates the factory; the workbench instantiates it from plugin.xml. */
    public LearningMechanicsPerspective() {
        // stateless: createInitialLayout does all the work
    }

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(true);

        IFolderLayout left = layout.createFolder(LEFT, IPageLayout.LEFT, 0.22f, editorArea);
        left.addView(ProjectExplorer.VIEW_ID);

        // Problems first: spec errors are what a researcher must see before anything runs.
        IFolderLayout bottom = layout.createFolder(BOTTOM, IPageLayout.BOTTOM, 0.72f, editorArea);
        bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
        bottom.addView(IConsoleConstants.ID_CONSOLE_VIEW);
        bottom.addView(PROGRESS_VIEW);
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        // The runs table is wide rather than tall: its place is the bottom, with the Properties it feeds.
        bottom.addView(RunsTableView.ID);

        // Beside the editors, full height: live curves need room more than the console does.
        IFolderLayout right = layout.createFolder(RIGHT, IPageLayout.RIGHT, 0.55f, editorArea);
        right.addView(RunsView.ID);

        // The Run menu and toolbar button (Run As, Run Configurations..., run history) come from the
        // debug launch action set, which a perspective has to ask for.
        layout.addActionSet(IDebugUIConstants.LAUNCH_ACTION_SET);
        addShortcuts(layout);
    }

    private static void addShortcuts(IPageLayout layout) {
        layout.addNewWizardShortcut(NewExperimentProjectWizard.ID);
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.file");

        layout.addShowViewShortcut(ProjectExplorer.VIEW_ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
        layout.addShowViewShortcut(IConsoleConstants.ID_CONSOLE_VIEW);
        layout.addShowViewShortcut(PROGRESS_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(RunsView.ID);
        layout.addShowViewShortcut(RunsTableView.ID);
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);

        layout.addPerspectiveShortcut(ID);
    }
}
