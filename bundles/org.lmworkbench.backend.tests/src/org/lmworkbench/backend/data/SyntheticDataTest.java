package org.lmworkbench.backend.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.spec.ExperimentSpec;

/** Generators are deterministic and produce what they claim; file readers read what they are given. */
class SyntheticDataTest {

    @TempDir
    Path dir;

    private static ExperimentSpec spec(String data, String extra) {
        return ExperimentSpec.fromJson("{\"name\": \"d\", \"optimizer\": {\"lr\": 0.1}, \"data\": {" + data + "}" + extra + "}");
    }

    @Test
    void everyGeneratorIsDeterministicPerSeed() {
        for (String source : new String[] {"teacher_student", "powerlaw_gaussian", "modular_arithmetic", "sparse_parity",
            "gaussian_mixture"}) {
            String loss = source.contains("gaussian\"") || source.startsWith("teacher") || source.startsWith("powerlaw")
                    ? "" : ", \"training\": {\"loss\": \"cross_entropy\"}";
            ExperimentSpec a = spec("\"source\": \"" + source + "\", \"n_train\": 50, \"n_test\": 20, \"modulus\": 11, \"seed\": 1", loss);
            ExperimentSpec b = spec("\"source\": \"" + source + "\", \"n_train\": 50, \"n_test\": 20, \"modulus\": 11, \"seed\": 2", loss);
            DataSplits x = Datasets.load(a, null);
            assertEquals(x.train(), Datasets.load(a, null).train(), source);
            assertEquals(x.probe(), Datasets.load(a, null).probe(), source);
            assertNotEquals(x.train(), Datasets.load(b, null).train(), source);
            assertEquals(50, x.train().size());
            assertEquals(20, x.test().size());
        }
    }

    @Test
    void modularArithmeticIsCorrectAndSplitsDisjoint() {
        DataSplits d = Datasets.load(spec("\"source\": \"modular_arithmetic\", \"modulus\": 7, \"n_train\": 30, \"n_test\": 19",
                ", \"model\": {\"family\": \"transformer\", \"context\": 3}, \"training\": {\"loss\": \"cross_entropy\"}"), null);
        Set<String> seen = new HashSet<>();
        for (ArrayDataset part : new ArrayDataset[] {d.train(), d.test()}) {
            for (int i = 0; i < part.size(); i++) {
                int a = (int) part.x()[i * 3];
                int b = (int) part.x()[i * 3 + 1];
                assertEquals(7, (int) part.x()[i * 3 + 2], "the '=' token");
                assertEquals((a + b) % 7, part.labels()[i]);
                assertTrue(seen.add(a + "+" + b), "pair repeated across splits");
            }
        }
        assertEquals(8, d.train().vocabulary());
        DataException tooMany = assertThrows(DataException.class, () -> Datasets.load(
                spec("\"source\": \"modular_arithmetic\", \"modulus\": 5, \"n_train\": 20, \"n_test\": 10", ""), null));
        assertTrue(tooMany.getMessage().contains("only 25 distinct"), tooMany.getMessage());
    }

    @Test
    void crossEntropyNeedsLabels() {
        DataException e = assertThrows(DataException.class, () -> Datasets.load(
                spec("\"source\": \"teacher_student\"", ", \"training\": {\"loss\": \"cross_entropy\"}"), null));
        assertTrue(e.getMessage().contains("needs class labels"), e.getMessage());
    }

    @Test
    void csvWithHeaderAndLabelColumn() throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "label,a,b\n1,0.5,2\n0,1.5,3\n1,2.5,4\n2,0,0\n");
        ExperimentSpec s = spec("\"source\": \"csv\", \"path\": \"t.csv\", \"label_column\": \"label\", \"n_test\": 1",
                ", \"training\": {\"loss\": \"cross_entropy\"}");
        DataSplits d = Datasets.load(s, dir);
        assertEquals(3, d.train().size());
        assertEquals(1, d.test().size());
        assertEquals(3, d.train().outputs());
        assertEquals(2.5, d.train().x()[4]);
        DataException bad = assertThrows(DataException.class, () -> {
            Files.writeString(csv, "label,a\n1,x\n");
            Datasets.load(s, dir);
        });
        assertTrue(bad.getMessage().contains("t.csv:2:") && bad.getMessage().contains("'x'"), bad.getMessage());
    }

    @Test
    void csvWithQuotedFieldsContainingCommas() throws Exception {
        Path csv = dir.resolve("q.csv");
        Files.writeString(csv, "\"feature, first\",\"feature, \"\"second\"\"\",\"class, label\"\n"
                + "\"0.5\",2,1\n"
                + "1.5, \"3\" ,0\n"
                + "\"2.5\",\"4\",\"1\"\n");
        ExperimentSpec s = spec("\"source\": \"csv\", \"path\": \"q.csv\", \"label_column\": \"class, label\","
                + " \"n_test\": 0", ", \"training\": {\"loss\": \"cross_entropy\"}");
        DataSplits d = Datasets.load(s, dir);
        assertEquals(3, d.train().size());
        assertArrayEquals(new double[] {0.5, 2, 1.5, 3, 2.5, 4}, d.train().x());
        assertArrayEquals(new int[] {1, 0, 1}, d.train().labels());
        Files.writeString(csv, "a,b\n1,2\n\"3,4\n");
        DataException open = assertThrows(DataException.class, () -> Datasets.load(s, dir));
        assertEquals(csv + ":3: unterminated quoted field", open.getMessage());
    }

    @Test
    void idxFilesAreRead() throws Exception {
        java.nio.ByteBuffer images = java.nio.ByteBuffer.allocate(16 + 3 * 4);
        images.putInt(0x00000803).putInt(3).putInt(2).putInt(2);
        images.put(new byte[] {0, (byte) 255, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2});
        java.nio.ByteBuffer labels = java.nio.ByteBuffer.allocate(8 + 3);
        labels.putInt(0x00000801).putInt(3).put(new byte[] {7, 1, 9});
        Path images1 = Files.write(dir.resolve("train-images-idx3-ubyte"), images.array());
        Path labels1 = Files.write(dir.resolve("train-labels-idx1-ubyte"), labels.array());
        ArrayDataset d = IdxReader.read(images1, labels1, 10);
        assertEquals(3, d.size());
        assertEquals(1.0, d.x()[1]);
        assertEquals(9, d.labels()[2]);
        assertEquals(10, d.outputs());
    }

    @Test
    void cifarBinaryBatchesAreReadAndTruncationIsReported() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("cifar"));
        byte[] records = new byte[3 * 3073];
        for (int r = 0; r < 3; r++) {
            records[r * 3073] = (byte) (r + 4);
            records[r * 3073 + 1] = (byte) 255;
        }
        for (int b = 1; b <= 5; b++) {
            Files.write(folder.resolve("data_batch_" + b + ".bin"), records);
        }
        Files.write(folder.resolve("test_batch.bin"), java.util.Arrays.copyOf(records, 3073 + 100));
        ArrayDataset[] parts = Cifar10Reader.read(folder, 7, 1);
        assertEquals(7, parts[0].size(), "reads on into the second batch file");
        assertEquals(5, parts[0].labels()[1]);
        assertEquals(1.0, parts[0].x()[0]);
        assertEquals(3, parts[0].example()[0]);
        DataException e = assertThrows(DataException.class, () -> Cifar10Reader.read(folder, 7, 5));
        assertTrue(e.getMessage().contains("test_batch.bin") && e.getMessage().contains("truncated"), e.getMessage());
    }
}
