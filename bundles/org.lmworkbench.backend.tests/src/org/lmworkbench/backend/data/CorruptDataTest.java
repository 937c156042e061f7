package org.lmworkbench.backend.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.format.Npy;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.format.Npz;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.Specs;

/**
 * Every data reader (MNIST IDX, CIFAR-10 binary, .npy, .npz, CSV) against damaged, hostile and
 * merely unusual files. A file that cannot be used is a {@link DataException} (exit code 2) whose
 * message names the file, and the line for CSV or the array and position for numpy files; anything
 * else thrown is a crash. A file that can be used is read in full: no row is silently taken for a
 * header, no record beyond an expected count crashes the reader. NaN and infinities in numpy data
 * are invalid data, as they are in CSV, rather than a divergence at step 0.
 */
class CorruptDataTest {

    @TempDir
    Path dir;

    private final Map<String, List<String>> findings = new TreeMap<>();
    private int cases;

    @Test
    void everyReaderRejectsDamagedFilesWithALocatedMessageAndReadsUsableOnesInFull() throws Exception {
        idx();
        cifar();
        npy();
        npz();
        csv();
        String summary = "corrupt data: " + cases + " files; findings "
                + findings.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList();
        System.out.println(summary);
        findings.forEach((kind, list) -> list.forEach(c -> System.out.println("  " + kind + ": " + c)));
        assertTrue(findings.isEmpty(), summary + "\n" + findings);
    }

    // ---- MNIST IDX ----

    private void idx() throws IOException {
        rejectIdx("zero images", idxImages(0, 28, 28, 0), idxLabels(0), 100, "train-images-idx3-ubyte", "no images");
        rejectIdx("images of zero rows", idxImages(5, 0, 28, 5 * 28), idxLabels(5), 100, "train-images-idx3-ubyte", "0x28");
        rejectIdx("images of zero columns", idxImages(5, 28, 0, 0), idxLabels(5), 100, "train-images-idx3-ubyte", "28x0");
        rejectIdx("count beyond the file, huge n_train", idxImages(Integer.MAX_VALUE, 28, 28, 3 * 784), idxLabels(3),
                2_000_000_000, "train-images-idx3-ubyte", "truncated");
        rejectIdx("images of 65536x65536", idxImages(4, 65536, 65536, 100), idxLabels(4), 100,
                "train-images-idx3-ubyte", "65536x65536");
        rejectIdx("bad magic", bytes(0x0803_0000, 1, 28, 28), idxLabels(1), 100, "train-images-idx3-ubyte", "magic");
        rejectIdx("header cut after the count", bytes(0x0000_0803, 1), idxLabels(1), 100, "train-images-idx3-ubyte",
                "truncated");
        rejectIdx("pixels cut short", idxImages(10, 28, 28, 9 * 784 + 5), idxLabels(10), 100, "train-images-idx3-ubyte",
                "truncated");
        rejectIdx("fewer labels than images", idxImages(10, 28, 28, 10 * 784), idxLabels(4), 100,
                "train-labels-idx1-ubyte", "labels");
        byte[] badLabel = idxLabels(3);
        badLabel[9] = 12;
        rejectIdx("label 12", idxImages(3, 28, 28, 3 * 784), badLabel, 100, "train-labels-idx1-ubyte", "label 12");
        Path gz = dir.resolve("idx-gz-garbage");
        writeIdx(gz, idxImages(3, 28, 28, 3 * 784), idxLabels(3));
        Files.delete(gz.resolve("train-images-idx3-ubyte"));
        Files.write(gz.resolve("train-images-idx3-ubyte.gz"), "not gzip".getBytes(StandardCharsets.US_ASCII));
        reject("idx", "gzip that is not gzip", spec("mnist_idx", gz, 100, 0, "cross_entropy"), "train-images-idx3-ubyte.gz");
        Path gzCut = dir.resolve("idx-gz-cut");
        writeIdx(gzCut, idxImages(3, 28, 28, 3 * 784), idxLabels(3));
        byte[] zipped = gzip(Files.readAllBytes(gzCut.resolve("train-images-idx3-ubyte")));
        Files.delete(gzCut.resolve("train-images-idx3-ubyte"));
        Files.write(gzCut.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(zipped, zipped.length / 2));
        reject("idx", "gzip cut in half", spec("mnist_idx", gzCut, 100, 0, "cross_entropy"), "train-images-idx3-ubyte.gz");
        Path good = dir.resolve("idx-good");
        writeIdx(good, idxImages(6, 28, 28, 6 * 784), idxLabels(6));
        accept("idx", "six images", spec("mnist_idx", good, 100, 2, "cross_entropy"),
                s -> s.train().size() == 6 && s.test().size() == 2);
    }

    private void rejectIdx(String name, byte[] images, byte[] labels, int nTrain, String file, String words)
            throws IOException {
        Path folder = dir.resolve("idx-" + cases);
        writeIdx(folder, images, labels);
        reject("idx", name, spec("mnist_idx", folder, nTrain, 0, "cross_entropy"), file, words);
    }

    private static void writeIdx(Path folder, byte[] images, byte[] labels) throws IOException {
        Files.createDirectories(folder);
        for (String prefix : List.of("train", "t10k")) {
            Files.write(folder.resolve(prefix + "-images-idx3-ubyte"), images);
            Files.write(folder.resolve(prefix + "-labels-idx1-ubyte"), labels);
        }
    }

    private static byte[] idxImages(int count, int rows, int columns, int pixelBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixelBytes).putInt(0x0000_0803).putInt(count).putInt(rows).putInt(columns);
        for (int i = 0; i < pixelBytes; i++) {
            b.put((byte) (i * 31));
        }
        return b.array();
    }

    private static byte[] idxLabels(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count).putInt(0x0000_0801).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    // ---- CIFAR-10 binary ----

    private void cifar() throws IOException {
        Path extra = cifarFolder("more records than a batch holds", 10_001, 10_001);
        accept("cifar", "batches of 10001 records", spec("cifar10_binary", extra, 60_000, 20_000, "cross_entropy"),
                s -> s.train().size() == 10_001 + 4 * 3 && s.test().size() == 10_001);
        Path cut = cifarFolder("record cut short", 3, 2);
        Files.write(cut.resolve("data_batch_1.bin"), Arrays.copyOf(Files.readAllBytes(cut.resolve("data_batch_1.bin")),
                2 * 3073 + 100));
        reject("cifar", "record cut short", spec("cifar10_binary", cut, 100, 0, "cross_entropy"), "data_batch_1.bin",
                "truncated");
        Path label = cifarFolder("label 200", 3, 2);
        byte[] batch = Files.readAllBytes(label.resolve("data_batch_1.bin"));
        batch[3073] = (byte) 200;
        Files.write(label.resolve("data_batch_1.bin"), batch);
        reject("cifar", "label 200", spec("cifar10_binary", label, 100, 0, "cross_entropy"), "data_batch_1.bin",
                "label 200");
        Path empty = cifarFolder("empty batch", 3, 2);
        Files.write(empty.resolve("data_batch_1.bin"), new byte[0]);
        reject("cifar", "empty batch file", spec("cifar10_binary", empty, 100, 0, "cross_entropy"), "data_batch_1.bin",
                "empty");
        Path missing = cifarFolder("missing batch", 3, 2);
        Files.delete(missing.resolve("data_batch_3.bin"));
        reject("cifar", "missing batch file", spec("cifar10_binary", missing, 100, 0, "cross_entropy"),
                "data_batch_3.bin");
        Path small = cifarFolder("small batches", 2, 2);
        accept("cifar", "batches of two records", spec("cifar10_binary", small, 100, 2, "cross_entropy"),
                s -> s.train().size() == 2 + 4 * 3 && s.test().size() == 2);
    }

    private Path cifarFolder(String name, int firstBatchRecords, int testRecords) throws IOException {
        Path folder = dir.resolve("cifar-" + name.replace(' ', '-'));
        Files.createDirectories(folder);
        for (int i = 1; i <= 5; i++) {
            Files.write(folder.resolve("data_batch_" + i + ".bin"), cifarRecords(i == 1 ? firstBatchRecords : 3));
        }
        Files.write(folder.resolve("test_batch.bin"), cifarRecords(testRecords));
        return folder;
    }

    private static byte[] cifarRecords(int n) {
        byte[] b = new byte[n * 3073];
        for (int r = 0; r < n; r++) {
            b[r * 3073] = (byte) (r % 10);
            for (int p = 1; p < 3073; p++) {
                b[r * 3073 + p] = (byte) (r + p);
            }
        }
        return b;
    }

    // ---- .npy ----

    private void npy() throws IOException {
        double[] table = {0.5, 1.5, 0, 2.5, -1, 1, 3, 4, 0, -2, 0.25, 1};
        rejectNpy("NaN among the features", withValue(table, 4, Double.NaN), "nan-x.npy", "NaN", "[1, 1]");
        rejectNpy("infinite label", withValue(table, 5, Double.POSITIVE_INFINITY), "inf-y.npy", "Infinity", "[1, 2]");
        rejectNpy("negative infinity", withValue(table, 0, Double.NEGATIVE_INFINITY), "ninf.npy", "-Infinity", "[0, 0]");
        Path cut = dir.resolve("cut.npy");
        byte[] whole = Npy.encode(NpyArray.of(table, 4, 3));
        Files.write(cut, Arrays.copyOf(whole, whole.length - 5));
        reject("npy", "data cut short", spec("npy", cut, 100, 0, "mse"), "cut.npy", "truncated");
        Path none = dir.resolve("zero-rows.npy");
        Files.write(none, Npy.encode(NpyArray.of(new double[0], 0, 3)));
        reject("npy", "zero rows", spec("npy", none, 100, 0, "mse"), "zero-rows.npy", "no rows");
        Path flat = dir.resolve("flat.npy");
        Files.write(flat, Npy.encode(NpyArray.of(table, 12)));
        reject("npy", "a 1-D array", spec("npy", flat, 100, 0, "mse"), "flat.npy", "2-D");
        Path huge = dir.resolve("huge-shape.npy");
        Files.write(huge, Npy.encode(NpyArray.of(table, 4, 3)).clone());
        byte[] header = Files.readAllBytes(huge);
        String text = new String(header, StandardCharsets.ISO_8859_1).replace("(4, 3)", "(999999999999, 3)");
        Files.write(huge, text.substring(0, 128).getBytes(StandardCharsets.ISO_8859_1));
        reject("npy", "a shape far beyond the file", spec("npy", huge, 100, 0, "mse"), "huge-shape.npy");
        Path complex = dir.resolve("complex.npy");
        Files.write(complex, new String(whole, StandardCharsets.ISO_8859_1).replace("'<f8'", "'<c8'")
                .getBytes(StandardCharsets.ISO_8859_1));
        reject("npy", "complex numbers", spec("npy", complex, 100, 0, "mse"), "complex.npy", "c8");
        Path garbage = dir.resolve("garbage.npy");
        Files.write(garbage, "PK\u0003\u0004 not an array".getBytes(StandardCharsets.ISO_8859_1));
        reject("npy", "not a .npy file", spec("npy", garbage, 100, 0, "mse"), "garbage.npy");
        Path ok = dir.resolve("ok.npy");
        Files.write(ok, whole);
        accept("npy", "four rows", spec("npy", ok, 100, 1, "mse"), s -> s.train().size() == 3 && s.test().size() == 1
                && s.train().x()[0] == 0.5 && s.train().y()[1] == 1);
        Path ints = dir.resolve("int-labels.npy");
        Files.write(ints, Npy.encode(NpyArray.of(new int[] {1, 2, 0, 3, 4, 1, 5, 6, 1}, 3, 3)));
        accept("npy", "integer table", spec("npy", ints, 100, 0, "cross_entropy"), s -> s.train().size() == 3
                && s.train().labels()[2] == 1);
    }

    private void rejectNpy(String name, double[] values, String file, String... words) throws IOException {
        Path f = dir.resolve(file);
        Files.write(f, Npy.encode(NpyArray.of(values, 4, 3)));
        reject("npy", name, spec("npy", f, 100, 0, "mse"), prepend(file, words));
    }

    // ---- .npz ----

    private void npz() throws IOException {
        double[] x = {0.5, 1.5, 2.5, -1, 3, 4, -2, 0.25};
        double[] y = {0, 1, 1, 0};
        rejectNpz("NaN in x", Map.of("x", NpyArray.of(withValue(x, 3, Double.NaN), 4, 2), "y", NpyArray.of(y, 4)),
                "nan-x.npz", "'x'", "NaN", "[1, 1]");
        rejectNpz("infinity in y", Map.of("x", NpyArray.of(x, 4, 2), "y", NpyArray.of(withValue(y, 2, Double.POSITIVE_INFINITY), 4)),
                "inf-y.npz", "'y'", "Infinity", "[2]");
        Map<String, NpyArray> withTest = new LinkedHashMap<>();
        withTest.put("x", NpyArray.of(x, 4, 2));
        withTest.put("y", NpyArray.of(y, 4));
        withTest.put("x_test", NpyArray.of(new double[] {1, Double.NaN}, 1, 2));
        withTest.put("y_test", NpyArray.of(new double[] {1}, 1));
        rejectNpz("NaN in x_test", withTest, "nan-x-test.npz", "'x_test'", "NaN");
        rejectNpz("no y", Map.of("x", NpyArray.of(x, 4, 2)), "no-y.npz", "'y'");
        rejectNpz("x and y of different lengths", Map.of("x", NpyArray.of(x, 4, 2), "y", NpyArray.of(new double[] {1, 0}, 2)),
                "lengths.npz", "[4, 2]");
        Map<String, NpyArray> mismatch = new LinkedHashMap<>(withTest);
        mismatch.put("x_test", NpyArray.of(new double[] {1, 2, 3}, 1, 3));
        rejectNpz("x_test of another shape", mismatch, "test-shape.npz", "x_test");
        Path cut = dir.resolve("cut.npz");
        Map<String, NpyArray> two = new LinkedHashMap<>();
        two.put("x", NpyArray.of(x, 4, 2));
        two.put("y", NpyArray.of(y, 4));
        Files.write(cut, Npz.encode(two));
        TruncatedArchives.cutAfterEntries(cut, 1);
        reject("npz", "cut at an entry boundary", spec("npz", cut, 100, 0, "mse"), "cut.npz");
        Path zeroed = dir.resolve("zeroed.npz");
        Files.write(zeroed, new byte[Npz.encode(two).length]);
        reject("npz", "zeroed file", spec("npz", zeroed, 100, 0, "mse"), "zeroed.npz");
        Path ok = dir.resolve("ok.npz");
        Files.write(ok, Npz.encode(two));
        accept("npz", "four examples", spec("npz", ok, 100, 1, "mse"), s -> s.train().size() == 3 && s.test().size() == 1);
    }

    private void rejectNpz(String name, Map<String, NpyArray> arrays, String file, String... words) throws IOException {
        Path f = dir.resolve(file);
        Files.write(f, Npz.encode(new LinkedHashMap<>(arrays.containsKey("x") && arrays.size() == 2
                ? Map.of("x", arrays.get("x"), "y", arrays.get("y")) : arrays)));
        reject("npz", name, spec("npz", f, 100, 0, "mse"), prepend(file, words));
    }

    // ---- CSV ----

    private void csv() throws IOException {
        acceptCsv("byte-order mark and no header", "\uFEFF1,2,0\n3,4,1\n5,6,1\n", 3, 1.0);
        acceptCsv("header", "a,b,label\n1,2,0\n3,4,1\n", 2, 1.0);
        acceptCsv("byte-order mark and header", "\uFEFFa,b,label\n1,2,0\n3,4,1\n", 2, 1.0);
        acceptCsv("blank lines and CRLF", "1,2,0\r\n\r\n3,4,1\r\n", 2, 1.0);
        rejectCsv("a word in the first row", "1,abc,0\n3,4,1\n5,6,1\n", ":1:", "'abc'");
        rejectCsv("a header mixing names and numbers", "x,1,label\n1,2,0\n3,4,1\n", ":1:");
        rejectCsv("NaN value", "a,b,label\n1,NaN,0\n3,4,1\n", ":2:", "NaN");
        rejectCsv("infinite value", "1,2,0\n3,Infinity,1\n", ":2:", "Infinity");
        rejectCsv("ragged row", "a,b,label\n1,2,0\n3,4\n", ":3:", "2 fields");
        rejectCsv("empty file", "", "empty");
        rejectCsv("only blank lines", "\n\n  \n", "empty");
        rejectCsv("header without rows", "a,b,label\n", "no rows");
        rejectCsv("unterminated quote", "a,b,label\n1,\"2,0\n3,4,1\n", ":2:", "quoted");
        rejectCsv("one column", "1\n2\n", "two columns");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "caf\u00e9,b,label\n1,2,0\n".getBytes(StandardCharsets.ISO_8859_1));
        reject("csv", "not UTF-8", spec("csv", latin1, 100, 0, "mse"), "latin1.csv", "UTF-8");
    }

    private void acceptCsv(String name, String text, int rows, double secondLabel) throws IOException {
        Path f = dir.resolve("csv-" + cases + ".csv");
        Files.writeString(f, text);
        accept("csv", name, spec("csv", f, 100, 0, "mse"), s -> s.train().size() == rows && s.train().x()[0] == 1
                && s.train().y()[1] == secondLabel);
    }

    private void rejectCsv(String name, String text, String... words) throws IOException {
        Path f = dir.resolve("csv-" + cases + ".csv");
        Files.writeString(f, text);
        reject("csv", name, spec("csv", f, 100, 0, "mse"), prepend(f.getFileName().toString(), words));
    }

    // ---- running the cases ----

    private static ExperimentSpec spec(String source, Path path, int nTrain, int nTest, String loss) {
        return Specs.parse("""
                {"name": "data", "data": {"source": "%s", "path": "%s", "n_train": %d, "n_test": %d, "probe_size": 4},
                 "optimizer": {"lr": 0.1}, "training": {"loss": "%s"}}
                """.formatted(source, path.toString().replace("\\", "\\\\"), nTrain, nTest, loss)).singleSpec();
    }

    /** The file must be refused with a message containing every one of {@code words} (the first names the file). */
    private void reject(String reader, String name, ExperimentSpec spec, String... words) {
        cases++;
        String label = reader + " / " + name;
        try {
            DataSplits splits = Datasets.load(spec, null);
            record("accepted", label + ": read " + splits.train().size() + " training examples");
        } catch (DataException e) {
            for (String w : words) {
                if (!e.getMessage().contains(w)) {
                    record("unlocated or unclear", label + ": no '" + w + "' in: " + e.getMessage());
                    return;
                }
            }
        } catch (Throwable t) {
            record("crash", label + ": " + t);
        }
    }

    private void accept(String reader, String name, ExperimentSpec spec, Predicate<DataSplits> check) {
        cases++;
        String label = reader + " / " + name;
        try {
            DataSplits splits = Datasets.load(spec, null);
            if (!check.test(splits)) {
                record("read wrongly", label + ": train " + splits.train() + ", test " + splits.test());
            }
        } catch (DataException e) {
            record("refused", label + ": " + e.getMessage());
        } catch (Throwable t) {
            record("crash", label + ": " + t);
        }
    }

    private void record(String kind, String detail) {
        findings.computeIfAbsent(kind, k -> new ArrayList<>()).add(detail);
    }

    private static double[] withValue(double[] values, int index, double value) {
        double[] copy = values.clone();
        copy[index] = value;
        return copy;
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static byte[] bytes(int... ints) {
        ByteBuffer b = ByteBuffer.allocate(ints.length * 4);
        for (int i : ints) {
            b.putInt(i);
        }
        return b.array();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }
}
