package org.lmworkbench.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.lmworkbench.core.slurm.CommandResult;
import org.lmworkbench.core.slurm.ProcessCommandRunner;
import org.lmworkbench.core.slurm.SlurmClient;
import org.lmworkbench.core.slurm.SlurmException;
import org.lmworkbench.core.slurm.SlurmProfile;

/**
 * The Slurm cluster that tests of Slurm sweeps run against: whatever the Slurm commands on the PATH
 * reach, normally the one-machine cluster of {@code releng/scripts/slurm-cluster.sh} (partitions
 * debug, short with a one-minute limit, urgent). Without one each test is skipped with the reason,
 * unless {@code LMW_TEST_SLURM=required} (as in CI), which makes them fail.
 */
public final class SlurmTestCluster {

    /** The variable that makes a missing cluster a failure. */
    public static final String REQUIRED_VARIABLE = "LMW_TEST_SLURM";

    private final SlurmClient client;
    private final String absence;

    private SlurmTestCluster(SlurmClient client, String absence) {
        this.client = client;
        this.absence = absence;
    }

    /** Asks the cluster once whether it answers; a cluster that is down takes scontrol about 10 s to notice. */
    public static SlurmTestCluster connect() throws InterruptedException {
        SlurmClient client = new SlurmClient(SlurmProfile.local().withTimeout(Duration.ofSeconds(30)));
        try {
            if (!client.partitions().isEmpty()) {
                return new SlurmTestCluster(client, null);
            }
            return new SlurmTestCluster(null, "scontrol lists no partitions");
        } catch (SlurmException e) {
            return new SlurmTestCluster(null, e.getMessage());
        }
    }

    /** True when the cluster answered. */
    public boolean available() {
        return client != null;
    }

    /** The client; skips (or fails, when required) the calling test if there is no cluster. */
    public SlurmClient require() {
        if (client != null) {
            return client;
        }
        String message = "no Slurm cluster answers (" + absence + "); start one with releng/scripts/slurm-cluster.sh "
                + "start";
        if ("required".equals(System.getenv(REQUIRED_VARIABLE))) {
            fail(message + " (" + REQUIRED_VARIABLE + "=required)");
        }
        Assumptions.abort(message + ", or set " + REQUIRED_VARIABLE + "=required to fail instead of skipping");
        return null;
    }

    /**
     * The ids of the jobs and tasks the controller knows (all states) whose job has this name, so a
     * test can tell that nothing of its own was submitted while other jobs come and go.
     */
    public List<String> jobsNamed(String name) throws SlurmException, InterruptedException {
        require();
        CommandResult r = new ProcessCommandRunner().run(List.of("squeue", "--noheader", "--states=all",
                "--name=" + name, "--format=%i"), Duration.ofSeconds(30));
        if (!r.succeeded()) {
            throw new SlurmException(r.failureMessage("squeue"));
        }
        return r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Waits until {@code condition} holds, polling every 200 ms; fails naming {@code what} after {@code limit}. */
    public static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
