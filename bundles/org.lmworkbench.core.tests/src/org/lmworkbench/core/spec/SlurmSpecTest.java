package org.lmworkbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.slurm.SlurmSettings;

/**
 * {@code execution.target} and {@code execution.slurm}: defaults, what the resolved spec keeps, the
 * job array's settings they become, and every refusal located at its key with the words core's
 * Slurm settings use on the command line.
 */
class SlurmSpecTest {

    private static final String BASE = "{\"name\": \"t\", \"optimizer\": {\"lr\": 0.1},\n";

    private static List<SpecProblem> problems(String execution) {
        return Specs.parse(BASE + " \"execution\": " + execution + "\n}").problems();
    }

    @Test
    void aSpecRunsLocallyUnlessItNamesSlurmAndCpusFollowTheThreads() {
        ExecutionSpec e = ExperimentSpec.fromJson(BASE + "\"execution\": {\"threads\": 3}}").execution();
        assertEquals(ExecutionSpec.Target.LOCAL, e.target());
        assertEquals(new ExecutionSpec.Slurm(null, "1:00:00", 3, null, 0, null, null, List.of(), 60), e.slurm());
        ExperimentSpec resolved = ExperimentSpec.fromJson(BASE + "\"execution\": {\"target\": \"slurm\"}}");
        String json = resolved.toJson();
        assertTrue(json.contains("\"target\": \"slurm\""), json);
        assertTrue(json.contains("\"signal_lead\": 60"), json);
        assertFalse(json.contains("\"partition\""), "absent names stay absent: " + json);
        assertEquals(resolved, ExperimentSpec.fromJson(json));
    }

    @Test
    void theResourcesBecomeTheJobArraysSettings() throws Exception {
        ExecutionSpec e = ExperimentSpec.fromJson(BASE + """
                "execution": {"device": "gpu", "parallel": 4, "jvm_memory": "3g", "target": "slurm",
                  "slurm": {"partition": "gpu-a100", "time": "2:30:00", "cpus": 8, "memory": "16G", "gpus": 2,
                            "account": "ml-lab", "qos": "normal", "extra_args": ["--constraint=a100"],
                            "signal_lead": 300}}}
                """).execution();
        SlurmSettings s = e.slurmSettings();
        assertEquals(4, s.arrayLimit());
        assertEquals(Duration.ofSeconds(300), s.signalLead());
        assertEquals(List.of("--partition=gpu-a100", "--time=0-02:30:00", "--cpus-per-task=8", "--mem=16G",
                "--gres=gpu:2", "--account=ml-lab", "--qos=normal", "--constraint=a100"), s.sbatchOptions());
        ExecutionSpec cpu = new ExecutionSpec(ExecutionSpec.Device.CPU, e.threads(), e.parallel(), e.jvmMemory(),
                e.target(), e.slurm());
        assertEquals(0, cpu.slurmSettings().gpus(), "no GPUs are asked for a CPU run");
    }

    @Test
    void eachProblemIsLocatedAtItsKey() {
        List<SpecProblem> p = problems("""
                {"target": "slurm",
                  "slurm": {"time": "1:00",
                            "extra_args": ["--constraint=x", "--time=5"],
                            "signal_lead": 90}}""");
        assertEquals(2, p.size(), p.toString());
        assertEquals("$.execution.slurm.extra_args[1]", p.get(0).jsonPath());
        assertEquals(4, p.get(0).line());
        assertEquals(46, p.get(0).column());
        assertTrue(p.get(0).message().startsWith("$.execution.slurm.extra_args[1]: '--time=5' sets --time, which comes "
                + "from execution.slurm"), p.get(0).message());
        assertEquals("$.execution.slurm.signal_lead", p.get(1).jsonPath());
        assertEquals(5, p.get(1).line());
        assertTrue(p.get(1).message().contains("must be shorter than the time limit 0-00:01:00"), p.get(1).message());
    }

    @Test
    void malformedValuesAreRefusedByTheSchema() {
        List<SpecProblem> p = problems("{\"slurm\": {\"time\": \"1h\", \"partition\": \"my part\", \"memory\": \"8 GB\"}}");
        assertEquals(List.of("$.execution.slurm.time", "$.execution.slurm.partition", "$.execution.slurm.memory"),
                p.stream().map(SpecProblem::jsonPath).toList());
        assertTrue(p.get(0).message().contains("use one of Slurm's forms"), p.get(0).message());
        assertTrue(p.stream().allMatch(SpecProblem::isError));
    }

    @Test
    void theResourcesMustFitTheRun() {
        List<SpecProblem> gpu = problems("{\"device\": \"gpu\", \"target\": \"slurm\"}");
        assertEquals(1, gpu.size(), gpu.toString());
        assertEquals("$.execution.slurm.gpus: must be at least 1 when execution.device is 'gpu': a task without a GPU "
                + "cannot run", gpu.get(0).message());
        assertEquals(2, gpu.get(0).line(), "at execution.device, the key that is written");
        List<SpecProblem> memory = problems("{\"target\": \"slurm\", \"jvm_memory\": \"4g\", \"slurm\": "
                + "{\"memory\": \"4096\"}}");
        assertEquals(1, memory.size(), memory.toString());
        assertTrue(memory.get(0).message().startsWith("$.execution.slurm.memory: '4096' does not hold the backend's "
                + "heap (execution.jvm_memory 4g)"), memory.get(0).message());
        assertEquals(List.of(), problems("{\"target\": \"slurm\", \"jvm_memory\": \"4g\", \"slurm\": "
                + "{\"memory\": \"6G\"}}"));
        List<SpecProblem> cpus = problems("{\"target\": \"slurm\", \"threads\": 4, \"slurm\": {\"cpus\": 2}}");
        assertEquals(SpecProblem.Severity.WARNING, cpus.get(0).severity());
        assertTrue(cpus.get(0).message().contains("fewer CPUs (2) than execution.threads (4)"), cpus.toString());
        List<SpecProblem> ignored = problems("{\"device\": \"cpu\", \"slurm\": {\"gpus\": 1}}");
        assertEquals("$.execution.slurm.gpus: ignored because execution.device is 'cpu'", ignored.get(0).message());
    }

    @Test
    void theTargetAndResourcesHoldForTheWholeSweep() {
        List<SpecProblem> p = Specs.parse(BASE + "\"sweep\": {\"execution.slurm.partition\": [\"a\", \"b\"], "
                + "\"execution.target\": [\"local\", \"slurm\"]}}").problems();
        assertEquals(2, p.size(), p.toString());
        assertEquals("$.sweep['execution.slurm.partition']: 'execution.slurm.partition' applies to the whole sweep "
                + "(one job array asks for its resources once); set it outside the sweep", p.get(0).message());
        assertFalse(SpecSchema.sweepableKeys().contains("execution.slurm.time"));
        assertTrue(SpecSchema.sweepableKeys().contains("execution.threads"));
    }
}
