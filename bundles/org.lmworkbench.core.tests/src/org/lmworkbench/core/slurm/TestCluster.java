package org.lmworkbench.core.slurm;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The Slurm cluster the tests run against: whatever the Slurm commands on the PATH reach, normally
 * the one-machine cluster of {@code releng/scripts/slurm-cluster.sh}. Without one the tests are
 * skipped, unless {@code LMW_TEST_SLURM=required} (as in CI), which makes them fail.
 */
final class TestCluster {

    static final String REQUIRED_VARIABLE = "LMW_TEST_SLURM";

    private TestCluster() {
    }

    /** A client for the cluster, after checking that it answers. */
    static SlurmClient require() throws InterruptedException {
        SlurmClient client = new SlurmClient(SlurmProfile.local().withTimeout(Duration.ofSeconds(30)));
        try {
            if (!client.partitions().isEmpty()) {
                return client;
            }
            return unavailable("scontrol lists no partitions");
        } catch (SlurmException e) {
            return unavailable(e.getMessage());
        }
    }

    private static SlurmClient unavailable(String why) {
        String message = "no Slurm cluster answers (" + why + "); start one with releng/scripts/slurm-cluster.sh start";
        if ("required".equals(System.getenv(REQUIRED_VARIABLE))) {
            fail(message + " (" + REQUIRED_VARIABLE + "=required)");
        }
        Assumptions.abort(message + ", or set " + REQUIRED_VARIABLE + "=required to fail instead of skipping");
        return null;
    }
}
