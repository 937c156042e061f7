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

    /**
     * Reads up to {@code max} records from the files in order; files after the last needed one are
     * not opened. A batch of the original data set holds 10000 records, but any number is read: the
     * sizes of the files decide how much is allocated, so a batch with more records than expected is
     * read, not overrun. A record cut short is an error only if the run needs it.
     */
    static ArrayDataset read(Path[] files, int max) {
        long[] records = new long[files.length];
        long total = 0;
        for (int i = 0; i < files.length && total < max; i++) {
            long size = size(files[i]);
            records[i] = size / RECORD;
            if (size % RECORD != 0 && total + records[i] < max) {
                throw new DataException(files[i] + ": truncated CIFAR-10 file: record " + records[i] + " has "
                        + size % RECORD + " of " + RECORD + " bytes");
            }
            total += records[i];
        }
        int capacity = (int) Math.min(max, total);
        if ((long) capacity * PIXELS > Integer.MAX_VALUE - 16) {
            throw new DataException(files[0].getParent() + ": " + capacity + " CIFAR-10 images would not fit in"
                    + " memory (reduce data.n_train or data.n_test)");
        }
        double[] x = new double[capacity * PIXELS];
        int[] labels = new int[capacity];
        int n = 0;
        byte[] record = new byte[RECORD];
        for (int f = 0; f < files.length && n < capacity; f++) {
            Path file = files[f];
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                for (int index = 0; index < records[f] && n < capacity; index++) {
                    int got = in.readNBytes(record, 0, RECORD);
                    if (got < RECORD) {
                        throw new DataException(file + ": truncated CIFAR-10 file: record " + index + " has " + got
                                + " of " + RECORD + " bytes (the file shrank while it was read)");
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
                }
            } catch (IOException e) {
                throw new DataException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        return ArrayDataset.classification(x, new long[] {3, 32, 32}, labels, 10, 0);
    }

    /** The size of a batch file, which must exist and not be empty. */
    private static long size(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": file not found (cifar10_binary)");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new DataException(file + ": the file is empty (a CIFAR-10 batch holds records of " + RECORD
                    + " bytes: a label byte and 3072 pixels)");
        }
        return size;
    }
}
