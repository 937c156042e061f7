package org.lmworkbench.backend.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CIFAR-10 "binary version": {@code data.path} is the folder with {@code data_batch_1.bin} ...
 * {@code data_batch_5.bin} and {@code test_batch.bin}; each record is one label byte and 3072 pixel
 * bytes (red, green, blue planes of 32x32). Pixels are scaled to [0, 1]; examples have shape
 * {@code [3, 32, 32]}. Only the examples a run needs are read.
 */
public final class Cifar10Reader {

    private static final int PIXELS = 3 * 32 * 32;
    private static final int RECORD = PIXELS + 1;

    private Cifar10Reader() {
    }

    static ArrayDataset[] read(Path folder, int maxTrain, int maxTest) {
        if (!Files.isDirectory(folder)) {
            throw new DataException(folder + ": cifar10_binary needs data.path to be the folder with data_batch_1.bin"
                    + " ... data_batch_5.bin and test_batch.bin");
        }
        Path[] train = new Path[5];
        for (int i = 0; i < 5; i++) {
            train[i] = folder.resolve("data_batch_" + (i + 1) + ".bin");
        }
        return new ArrayDataset[] {read(train, maxTrain), read(new Path[] {folder.resolve("test_batch.bin")}, maxTest)};
    }

    /** Reads up to {@code max} records from the files in order; files after the last needed one are not opened. */
    static ArrayDataset read(Path[] files, int max) {
        int capacity = Math.min(max, files.length * 10000);
        double[] x = new double[capacity * PIXELS];
        int[] labels = new int[capacity];
        int n = 0;
        byte[] record = new byte[RECORD];
        for (Path file : files) {
            if (n >= max) {
                break;
            }
            if (!Files.isRegularFile(file)) {
                throw new DataException(file + ": file not found (cifar10_binary)");
            }
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                int index = 0;
                while (n < max) {
                    int got = in.readNBytes(record, 0, RECORD);
                    if (got == 0) {
                        break;
                    }
                    if (got < RECORD) {
                        throw new DataException(file + ": truncated CIFAR-10 file: record " + index + " has " + got
                                + " of " + RECORD + " bytes");
                    }
                    if ((record[0] & 0xff) > 9) {
                        throw new DataException(file + ": record " + index + " has label " + (record[0] & 0xff)
                                + "; not a CIFAR-10 binary file (labels are 0-9)");
                    }
                    labels[n] = record[0] & 0xff;
                    for (int p = 0; p < PIXELS; p++) {
                        x[n * PIXELS + p] = (record[p + 1] & 0xff) / 255.0;
                    }
                    n++;
                    index++;
                }
            } catch (IOException e) {
                throw new DataException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        ArrayDataset all = ArrayDataset.classification(java.util.Arrays.copyOf(x, n * PIXELS), new long[] {3, 32, 32},
                java.util.Arrays.copyOf(labels, n), 10, 0);
        return all;
    }
}
