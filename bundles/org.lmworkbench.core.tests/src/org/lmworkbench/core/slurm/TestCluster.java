package org.lmworkbench.core.slurm;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The Slurm cluster the tests run against: whatever the Slurm commands on the PATH reach, normally
 * the one-machine cluster of {@code releng/scripts/slurm-cluster.sh}. Without one each test is
 * skipped with the reason, unless {@code LMW_TEST_SLURM=required} (as in CI), which makes them fail.
 */
final class TestCluster {

    static final String REQUIRED_VARIABLE = "LMW_TEST_SLURM";

    private final SlurmClient client;
    private final String absence;

    private TestCluster(SlurmClient client, String absence) {
        this.client = client;
        this.absence = absence;
    }

    /** Asks the cluster once whether it answers; a cluster that is down takes scontrol about 10 s to notice. */
    static TestCluster connect() throws InterruptedException {
        SlurmClient client = new SlurmClient(SlurmProfile.local().withTimeout(Duration.ofSeconds(30)));
        try {
            if (!client.partitions().isEmpty()) {
                return new TestCluster(client, null);
            }
            return new TestCluster(null, "scontrol lists no partitions");
        } catch (SlurmException e) {
            return new TestCluster(null, e.getMessage());
        }
    }

    /** True when the cluster answered. */
    boolean available() {
        return client != null;
    }

    /** The client; skips (or fails, when required) the calling test if there is no cluster. */
    SlurmClient require() {
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
}
