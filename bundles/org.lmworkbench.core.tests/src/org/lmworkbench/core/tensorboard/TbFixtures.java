package org.lmworkbench.core.tensorboard;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lmworkbench.core.spec.Fixtures;

/**
 * The fixtures under {@code resources/tensorboard/}, written once by
 * {@code scripts/tensorboard_fixtures.py}: logs of PyTorch's and tensorboardX's SummaryWriter, an
 * event file of TensorBoard's EventFileWriter, a run folder of the training backend, and the
 * points the writers were given. Bundle resources cannot be listed portably, so folders are
 * copied by naming their files.
 */
final class TbFixtures {

    static final String ROOT = "tensorboard/";
    static final String TORCH_A = "torch/run_a/events.out.tfevents.1795000000.fixture.101.0";
    static final String TORCH_B = "torch/run_b/events.out.tfevents.1795000100.fixture.102.0";
    static final String TENSORBOARDX = "tensorboardx/events.out.tfevents.1795001000.fixture.103.0";
    static final String EVENTFILEWRITER = "eventfilewriter/events.out.tfevents.1795002000.fixture.104.0";
    static final List<String> RUN_EOS = List.of("run-eos/spec.json", "run-eos/status.json", "run-eos/metrics.jsonl",
            "run-eos/probes/sharpness.jsonl", "run-eos/probes/trace.jsonl");

    private TbFixtures() {
    }

    /** Copies fixtures, keeping their paths below {@code tensorboard/}, into {@code dir}. */
    static Path copy(Path dir, String... names) throws IOException {
        for (String name : names) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = Fixtures.open(ROOT + name)) {
                Files.copy(in, target);
            }
        }
        return dir;
    }

    /** The run folder fixture, copied to {@code dir/run-eos}. */
    static Path runEos(Path dir) throws IOException {
        copy(dir, RUN_EOS.toArray(String[]::new));
        return dir.resolve("run-eos");
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = Fixtures.open(ROOT + name)) {
            return in.readAllBytes();
        }
    }

    /** A JSON fixture; Python writes NaN and Infinity unquoted, which Gson's lenient parser takes. */
    static JsonElement json(String name) throws IOException {
        return JsonParser.parseString(new String(bytes(name), StandardCharsets.UTF_8));
    }
}
