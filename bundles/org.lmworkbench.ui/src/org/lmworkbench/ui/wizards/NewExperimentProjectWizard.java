package org.lmworkbench.ui.wizards;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.IWorkingSet;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewProjectResourceWizard;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.lmworkbench.ui.internal.Messages;
import org.lmworkbench.ui.internal.UiImages;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * The "New Experiment Project" wizard: asks for a name and location, creates the project with the
 * experiment nature, the runs/ and analyses/ folders and the example spec, then opens the spec so
 * the user starts from something that runs.
 */
public final class NewExperimentProjectWizard extends BasicNewResourceWizard implements IExecutableExtension {

    /** The wizard id declared in plugin.xml. */
    public static final String ID = "org.lmworkbench.ui.wizards.newExperimentProject";

    /** The name of the single page, for {@link #getPage(String)}. */
    public static final String PAGE_NAME = "newExperimentProjectPage";

    private WizardNewProjectCreationPage mainPage;
    private IConfigurationElement configuration;
    private IProject createdProject;
    private IFile createdSpec;

    /** Created by the workbench from the newWizards extension. */
    public NewExperimentProjectWizard() {
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
        super.init(workbench, currentSelection);
        setWindowTitle(Messages.NewExperimentProjectWizard_title);
        setDefaultPageImageDescriptor(UiPlugin.descriptor(UiImages.NEW_EXPERIMENT_BANNER));
    }

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
        // kept to honour the extension's finalPerspective attribute after finishing
        this.configuration = config;
    }

    @Override
    public void addPages() {
        mainPage = new WizardNewProjectCreationPage(PAGE_NAME);
        mainPage.setTitle(Messages.NewExperimentProjectWizard_pageTitle);
        mainPage.setDescription(Messages.NewExperimentProjectWizard_pageDescription);
        mainPage.setInitialProjectName(Messages.NewExperimentProjectWizard_defaultName);
        addPage(mainPage);
    }

    /** The name and location page; exposed so the product and tests can preset its fields. */
    public WizardNewProjectCreationPage getMainPage() {
        return mainPage;
    }

    /** The project created by the last successful finish, or null. */
    public IProject getCreatedProject() {
        return createdProject;
    }

    @Override
    public boolean performFinish() {
        IProject handle = mainPage.getProjectHandle();
        URI location = mainPage.useDefaults() ? null : mainPage.getLocationURI();
        AtomicReference<IFile> spec = new AtomicReference<>();
        WorkspaceModifyOperation operation = new WorkspaceModifyOperation() {
            @Override
            protected void execute(org.eclipse.core.runtime.IProgressMonitor monitor) throws CoreException {
                spec.set(ExperimentProjects.create(handle, location, monitor));
            }
        };
        try {
            getContainer().run(true, true, operation);
        } catch (InterruptedException e) {
            return false; // cancelled: WorkspaceModifyOperation rolled nothing forward we must undo
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            ErrorDialog.openError(getShell(), Messages.NewExperimentProjectWizard_errorTitle, null,
                    cause instanceof CoreException core ? core.getStatus()
                            : UiPlugin.error(String.valueOf(cause.getMessage()), cause));
            return false;
        }
        createdProject = handle;
        createdSpec = spec.get();
        addToWorkingSets(mainPage.getSelectedWorkingSets());
        BasicNewProjectResourceWizard.updatePerspective(configuration);
        selectAndReveal(createdProject);
        openSpec();
        return true;
    }

    private void addToWorkingSets(IWorkingSet[] workingSets) {
        if (workingSets != null && workingSets.length > 0) {
            getWorkbench().getWorkingSetManager().addToWorkingSets(createdProject, workingSets);
        }
    }

    private void openSpec() {
        IWorkbenchWindow window = getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        if (page == null || createdSpec == null) {
            return;
        }
        try {
            IDE.openEditor(page, createdSpec, true);
        } catch (PartInitException e) {
            // The project exists and is usable; failing to show the spec must not fail the wizard.
            UiPlugin.log(e.getMessage(), e);
        }
    }
}
