package org.lmworkbench.backend.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * MNIST (and Fashion-MNIST) in the original IDX files. {@code data.path} is the folder holding
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}
 * and {@code t10k-labels-idx1-ubyte} (each also accepted with a {@code .gz} suffix or with a dot
 * before {@code idx}). Pixels are scaled to [0, 1]; examples have shape {@code [1, rows, cols]}.
 * Only the examples a run needs are read.
 */
public final class IdxReader {

    private static final int UBYTE = 0x08;

    private IdxReader() {
    }

    static ArrayDataset[] readMnist(Path folder, int maxTrain, int maxTest) {
        if (!Files.isDirectory(folder)) {
            throw new DataException(folder + ": mnist_idx needs data.path to be the folder with the four IDX files");
        }
        ArrayDataset train = read(find(folder, "train-images", "idx3"), find(folder, "train-labels", "idx1"), maxTrain);
        ArrayDataset test = maxTest == 0 ? train.slice(0, 0)
                : read(find(folder, "t10k-images", "idx3"), find(folder, "t10k-labels", "idx1"), maxTest);
        return new ArrayDataset[] {train, test};
    }

    /** Reads up to {@code max} image/label pairs. */
    public static ArrayDataset read(Path images, Path labels, int max) {
        int[] imageDims;
        double[] pixels;
        try (DataInputStream in = open(images)) {
            imageDims = header(in, images, 3);
            if (imageDims[0] == 0) {
                throw new DataException(images + ": the IDX file holds no images (its header says 0)");
            }
            if (imageDims[1] == 0 || imageDims[2] == 0) {
                throw new DataException(images + ": the IDX header declares images of " + imageDims[1] + "x"
                        + imageDims[2] + " pixels, which have no pixels");
            }
            long per = (long) imageDims[1] * imageDims[2];
            long n = Math.min(max, imageDims[0]);
            checkSize(images, n, per, imageDims);
            byte[] raw = new byte[(int) (n * per)];
            readFully(in, raw, images, "image data (" + imageDims[0] + " images of " + imageDims[1] + "x"
                    + imageDims[2] + " declared)");
            pixels = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                pixels[i] = (raw[i] & 0xff) / 255.0;
            }
        } catch (IOException e) {
            throw new DataException(images + ": cannot read: " + e.getMessage(), e);
        }
        int n = pixels.length / (imageDims[1] * imageDims[2]);
        double[] classes;
        try (DataInputStream in = open(labels)) {
            int[] labelDims = header(in, labels, 1);
            if (labelDims[0] < n) {
                throw new DataException(labels + ": has " + labelDims[0] + " labels but " + images + " has "
                        + imageDims[0] + " images");
            }
            byte[] raw = new byte[n];
            readFully(in, raw, labels, "labels (" + labelDims[0] + " declared)");
            classes = new double[n];
            for (int i = 0; i < n; i++) {
                classes[i] = raw[i] & 0xff;
            }
        } catch (IOException e) {
            throw new DataException(labels + ": cannot read: " + e.getMessage(), e);
        }
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = (int) classes[i];
            if (label[i] > 9) {
                throw new DataException(labels + ": label " + label[i] + " of example " + i + " is not a digit 0-9");
            }
        }
        return ArrayDataset.classification(pixels, new long[] {1, imageDims[1], imageDims[2]}, label, 10, 0);
    }

    /**
     * Refuses a header that announces more than the file holds before anything is allocated: a
     * damaged count would otherwise ask for gigabytes, or overflow the size of a Java array.
     */
    private static void checkSize(Path file, long n, long per, int[] dims) throws IOException {
        String declared = dims[0] + " images of " + dims[1] + "x" + dims[2];
        if (!file.toString().endsWith(".gz")) {
            long available = Files.size(file) - 4L * (1 + dims.length);
            if (n * per > available) {
                throw new DataException(file + ": truncated IDX file: the header declares " + declared
                        + " but the file holds " + Math.max(0, available) + " bytes of pixels, not the "
                        + n * per + " needed for " + n + " images");
            }
        }
        if (n * per > Integer.MAX_VALUE - 16) {
            throw new DataException(file + ": the IDX header declares " + declared + " pixels; " + n
                    + " of them would not fit in memory (reduce data.n_train or data.n_test)");
        }
    }

    private static int[] header(DataInputStream in, Path file, int rank) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new DataException(file + ": truncated IDX file (no header)");
        }
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != UBYTE || (magic & 0xff) != rank) {
            throw new DataException(file + ": not an IDX file of unsigned bytes with " + rank
                    + " dimension(s) (magic number 0x" + Integer.toHexString(magic) + ")");
        }
        int[] dims = new int[rank];
        for (int k = 0; k < rank; k++) {
            try {
                dims[k] = in.readInt();
            } catch (EOFException e) {
                throw new DataException(file + ": truncated IDX file (header ends after " + k + " of " + rank + " sizes)");
            }
            if (dims[k] < 0) {
                throw new DataException(file + ": negative size in IDX header");
            }
        }
        return dims;
    }

    private static void readFully(DataInputStream in, byte[] target, Path file, String what) throws IOException {
        int done = 0;
        while (done < target.length) {
            int r = in.read(target, done, target.length - done);
            if (r < 0) {
                throw new DataException(file + ": truncated IDX file: " + what + " ends after " + done + " of "
                        + target.length + " needed bytes");
            }
            done += r;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new DataInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in);
    }

    private static Path find(Path folder, String stem, String kind) {
        for (String name : List.of(stem + "-" + kind + "-ubyte", stem + "." + kind + "-ubyte")) {
            for (String suffix : List.of("", ".gz")) {
                Path p = folder.resolve(name + suffix);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        throw new DataException(folder.resolve(stem + "-" + kind + "-ubyte") + ": file not found (mnist_idx needs "
                + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte)");
    }
}
