package org.lmworkbench.backend.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.lmworkbench.core.spec.DataSpec;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ModelSpec;
import org.lmworkbench.core.spec.TrainingSpec;

/**
 * Produces the {@link DataSplits} of a spec: generated or read from files, checked against the
 * loss, limited to {@code n_train}/{@code n_test} examples, with the fixed probe subset chosen by
 * the data seed. Problems the user can fix are {@link DataException}s.
 */
public final class Datasets {

    private Datasets() {
    }

    /**
     * The data of a run.
     *
     * @param specFolder folder against which a relative {@code data.path} is resolved (the folder of
     *                   the spec file, or the run folder's project); null for the working directory
     * @throws DataException if the data cannot be used
     */
    public static DataSplits load(ExperimentSpec spec, Path specFolder) {
        DataSpec data = spec.data();
        boolean tokens = spec.model().family() == ModelSpec.Family.TRANSFORMER;
        ArrayDataset[] parts;
        if (data.source().isFileBased()) {
            if (tokens) {
                throw new DataException("$.model.family: transformer needs token data (data.source modular_arithmetic"
                        + " or sparse_parity); " + data.source().jsonName() + " files hold real-valued inputs");
            }
            boolean classify = spec.training().loss() == TrainingSpec.Loss.CROSS_ENTROPY || data.outputDim() > 1;
            parts = readFiles(data, resolve(data.path(), specFolder), classify);
        } else {
            parts = SyntheticData.generate(data, tokens);
        }
        ArrayDataset train = parts[0];
        ArrayDataset test = parts[1];
        if (spec.training().loss() == TrainingSpec.Loss.CROSS_ENTROPY && !train.isClassification()) {
            throw new DataException("$.training.loss: cross_entropy needs class labels, but data.source "
                    + data.source().jsonName() + " gives regression targets; use loss mse");
        }
        if (train.size() == 0) {
            throw new DataException(data.source().isFileBased()
                    ? data.path() + ": holds no training examples (data.source " + data.source().jsonName() + ")"
                    : "the training set is empty");
        }
        int probeSize = Math.min(data.probeSize(), train.size());
        int[] order = SyntheticData.permutation(train.size(), new SplittableRandom(data.seed() * 31L + 7));
        int[] probeRows = Arrays.copyOf(order, probeSize);
        Arrays.sort(probeRows);
        return new DataSplits(train, test, train.select(probeRows));
    }

    static Path resolve(String path, Path folder) {
        if (path == null) {
            throw new DataException("$.data.path: required for file sources");
        }
        Path p = Path.of(path);
        return p.isAbsolute() || folder == null ? p : folder.resolve(p);
    }

    static ArrayDataset[] readFiles(DataSpec data, Path path, boolean classify) {
        if (!Files.exists(path)) {
            throw new DataException(path + ": file not found (data.path of source " + data.source().jsonName() + ")");
        }
        ArrayDataset[] parts = switch (data.source()) {
            case MNIST_IDX -> IdxReader.readMnist(path, data.nTrain(), data.nTest());
            case CIFAR10_BINARY -> Cifar10Reader.read(path, data.nTrain(), data.nTest());
            case NPY -> NpyData.readNpy(path, classify);
            case NPZ -> NpyData.readNpz(path, classify);
            case CSV -> CsvReader.read(path, data.labelColumn(), classify);
            default -> throw new IllegalArgumentException(data.source() + " is not file based");
        };
        ArrayDataset train = parts[0];
        ArrayDataset test = parts[1];
        if (test == null) {
            // Files without their own test set: hold out the last n_test examples.
            int nTest = Math.min(data.nTest(), Math.max(0, train.size() - 1));
            test = train.slice(train.size() - nTest, train.size());
            train = train.slice(0, train.size() - nTest);
        }
        return new ArrayDataset[] {train.slice(0, Math.min(data.nTrain(), train.size())),
            test.slice(0, Math.min(data.nTest(), test.size()))};
    }
}
