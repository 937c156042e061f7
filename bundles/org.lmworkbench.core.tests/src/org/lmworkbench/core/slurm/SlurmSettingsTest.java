package org.lmworkbench.core.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.slurm.SlurmSettings.GpuOption;

/** Settings: what sbatch gets, and located problems for everything a cluster need not be asked about. */
class SlurmSettingsTest {

    private static SlurmSettings full(GpuOption option) {
        return new SlurmSettings("gpu", Duration.ofHours(2), 4, "16g", 2, option, "a100", "proj-42", "normal",
                List.of("--constraint=avx512", "--exclusive"), 8, Duration.ofSeconds(300));
    }

    @Test
    void writesEverySettingAsAnSbatchOption() throws SlurmException {
        assertEquals(List.of("--partition=gpu", "--time=0-02:00:00", "--cpus-per-task=4", "--mem=16G",
                "--gres=gpu:a100:2", "--account=proj-42", "--qos=normal", "--constraint=avx512", "--exclusive"),
                full(GpuOption.GRES).sbatchOptions());
        assertTrue(full(GpuOption.GPUS).sbatchOptions().contains("--gpus=a100:2"));
    }

    @Test
    void leavesOutWhatIsNotSet() throws SlurmException {
        assertEquals(List.of("--time=0-00:10:00", "--cpus-per-task=1"),
                SlurmSettings.withTimeLimit(Duration.ofMinutes(10)).sbatchOptions());
    }

    @Test
    void validSettingsHaveNoProblems() {
        assertEquals(List.of(), full(GpuOption.GPUS).validate("execution.slurm"));
    }

    @Test
    void eachBadSettingIsReportedAtItsPath() {
        SlurmSettings bad = new SlurmSettings("my partition", Duration.ZERO, 0, "4 GB", -1, GpuOption.GRES, "a100!",
                "acc ount", "q;os", List.of("--constraint=x", "nodes=2", "--array=0-9", "-c4", "--comment=\"x\""), -2,
                Duration.ofSeconds(-5));
        List<SlurmProblem> problems = bad.validate("$.execution.slurm");
        List<String> paths = problems.stream().map(SlurmProblem::path).toList();
        assertEquals(List.of("$.execution.slurm.partition", "$.execution.slurm.time",
                "$.execution.slurm.cpus", "$.execution.slurm.memory", "$.execution.slurm.gpus",
                "$.execution.slurm.gpu_type", "$.execution.slurm.account", "$.execution.slurm.qos",
                "$.execution.slurm.extra_args[1]", "$.execution.slurm.extra_args[2]",
                "$.execution.slurm.extra_args[3]", "$.execution.slurm.extra_args[4]",
                "$.execution.slurm.array_limit", "$.execution.slurm.signal_lead"), paths);
        assertEquals("$.execution.slurm.partition: 'my partition' is not a partition name (letters, digits, '_', '-' "
                + "and '.' only)", problems.get(0).toString());
        assertTrue(problems.get(9).message().contains("--array"), problems.get(9).message());
        assertTrue(problems.get(10).message().contains("sets -c,"), problems.get(10).message());
    }

    @Test
    void theEarlySignalMustComeAfterTheStart() {
        SlurmSettings s = SlurmSettings.withTimeLimit(Duration.ofMinutes(1)).withSignalLead(Duration.ofSeconds(60));
        List<SlurmProblem> problems = s.validate(SlurmSettings.DEFAULT_PATH);
        assertEquals(1, problems.size());
        assertEquals("execution.slurm.signal_lead", problems.get(0).path());
        assertEquals(List.of(), s.withSignalLead(Duration.ofSeconds(59)).validate(SlurmSettings.DEFAULT_PATH));
    }

    @Test
    void optionsAreRefusedWithAllProblemsInTheMessage() {
        SlurmSettings bad = SlurmSettings.withTimeLimit(Duration.ofMinutes(5)).withCpusPerTask(0).withArrayLimit(-1);
        SlurmException e = assertThrows(SlurmException.class, bad::sbatchOptions);
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().startsWith("2 problems in the Slurm settings:"), e.getMessage());
        assertTrue(e.getMessage().contains("execution.slurm.cpus: must be at least 1, not 0"), e.getMessage());
    }
}
