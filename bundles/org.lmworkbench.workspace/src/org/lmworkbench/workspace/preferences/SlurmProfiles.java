package org.lmworkbench.workspace.preferences;

import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.slurm.SlurmException;
import org.lmworkbench.core.slurm.SlurmProfileJson;
import org.lmworkbench.core.slurm.SlurmProfileJson.Named;
import org.lmworkbench.workspace.internal.WorkspacePlugin;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The Slurm profiles of the workbench: how it reaches each cluster (the sbatch, squeue, scancel,
 * scontrol and sacct commands, optionally behind a prefix such as {@code ssh login-host}). They
 * are kept in the instance scope of {@link BackendPreferences#NODE} under {@value #KEY}, in the
 * JSON of core's {@link SlurmProfileJson}, the same objects {@code lmw sweep --profile} reads from a
 * file. The run folders are read where they are: a profile only says where the commands run.
 */
public final class SlurmProfiles {

    /** The preference key of the list. */
    public static final String KEY = "slurmProfiles";

    private SlurmProfiles() {
    }

    /**
     * Every profile, in the order the user listed them.
     *
     * @throws CoreException when the stored list cannot be read, saying what is wrong with it
     */
    public static List<Named> all() throws CoreException {
        String text = Platform.getPreferencesService().getString(BackendPreferences.NODE, KEY, "", null);
        try {
            return SlurmProfileJson.readList(text, NLS.bind(Messages.SlurmProfiles_source, BackendPreferences.NODE, KEY));
        } catch (SlurmException e) {
            throw new CoreException(WorkspacePlugin.error(e.getMessage(), e));
        }
    }

    /**
     * The profile called {@code name}.
     *
     * @throws CoreException naming the profiles there are when none has this name
     */
    public static Named named(String name) throws CoreException {
        List<Named> all = all();
        return all.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new CoreException(
                WorkspacePlugin.error(all.isEmpty() ? NLS.bind(Messages.SlurmProfiles_none, name)
                        : NLS.bind(Messages.SlurmProfiles_missing, name, all.stream().map(Named::name)
                                .collect(Collectors.joining(", "))), null)));
    }

    /**
     * Replaces the list.
     *
     * @throws BackingStoreException when the preferences cannot be written
     */
    public static void store(List<Named> profiles) throws BackingStoreException {
        IEclipsePreferences node = BackendPreferences.node();
        if (profiles.isEmpty()) {
            node.remove(KEY);
        } else {
            node.put(KEY, SlurmProfileJson.writeList(profiles));
        }
        node.flush();
    }
}
