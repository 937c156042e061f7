package org.lmworkbench.workspace.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.slurm.SlurmProfile;
import org.lmworkbench.core.slurm.SlurmProfileJson;
import org.lmworkbench.core.slurm.SlurmProfileJson.Named;

/** Slurm profiles kept in the workspace bundle's preferences, headless. */
class SlurmProfilesTest {

    @AfterEach
    void clear() throws Exception {
        BackendPreferences.node().clear();
        BackendPreferences.node().flush();
    }

    @Test
    void profilesAreStoredInTheBackendNodeAsTheProfileFilesJson() throws Exception {
        assertEquals(List.of(), SlurmProfiles.all(), "none until the user adds one");
        Named hpc = new Named("hpc", new SlurmProfile(List.of("ssh", "hpc-login"), "sbatch", "squeue", "scancel",
                "scontrol", "/opt/slurm/bin/sacct", Duration.ofSeconds(30)));
        Named here = new Named("this machine", SlurmProfile.local());
        SlurmProfiles.store(List.of(hpc, here));
        assertEquals(List.of(hpc, here), SlurmProfiles.all());
        assertEquals(hpc, SlurmProfiles.named("hpc"));
        String stored = BackendPreferences.node().get(SlurmProfiles.KEY, "");
        assertEquals(List.of(hpc, here), SlurmProfileJson.readList(stored, "test"));
        CoreException e = assertThrows(CoreException.class, () -> SlurmProfiles.named("gpu-cluster"));
        assertEquals("There is no Slurm profile 'gpu-cluster'; the profiles are hpc, this machine. Choose one on the "
                + "Execution tab of the launch configuration.", e.getStatus().getMessage());
    }

    @Test
    void aDamagedListSaysWhereAndWhat() throws Exception {
        BackendPreferences.node().put(SlurmProfiles.KEY, "[{\"name\": \"x\", \"prefix\": \"ssh host\"}]");
        CoreException e = assertThrows(CoreException.class, SlurmProfiles::all);
        assertTrue(e.getStatus().getMessage().contains("org.lmworkbench.workspace/slurmProfiles): $[0].prefix: must be "
                + "an array"), e.getStatus().getMessage());
        SlurmProfiles.store(List.of());
        e = assertThrows(CoreException.class, () -> SlurmProfiles.named("x"));
        assertTrue(e.getStatus().getMessage().contains("no profile is set up"), e.getStatus().getMessage());
    }
}
