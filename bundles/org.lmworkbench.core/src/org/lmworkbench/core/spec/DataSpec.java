package org.lmworkbench.core.spec;

/**
 * Where training data comes from ({@code "data"} in a spec).
 *
 * @param source           generator or file format
 * @param path             data file or folder; null for synthetic sources
 * @param nTrain           training examples
 * @param nTest            held-out examples
 * @param inputDim         input dimension of synthetic data
 * @param outputDim        output dimension of synthetic data
 * @param noise            label noise standard deviation
 * @param spectrumExponent covariance eigenvalue decay of {@code powerlaw_gaussian}
 * @param modulus          modulus of {@code modular_arithmetic}
 * @param parityBits       relevant bits of {@code sparse_parity}
 * @param classes          mixture components of {@code gaussian_mixture}
 * @param probeSize        size of the fixed probe subset used for activations and sharpness
 * @param labelColumn      label column of a CSV file; null when not given
 * @param seed             seed of data generation and splitting
 */
public record DataSpec(Source source, String path, int nTrain, int nTest, int inputDim, int outputDim,
        double noise, double spectrumExponent, int modulus, int parityBits, int classes, int probeSize,
        String labelColumn, int seed) {

    /** Data generator or file format. */
    public enum Source implements SpecEnum {
        /** Targets produced by a random teacher network. */
        TEACHER_STUDENT(false),
        /** Gaussian inputs with a power-law covariance spectrum. */
        POWERLAW_GAUSSIAN(false),
        /** a + b mod p. */
        MODULAR_ARITHMETIC(false),
        /** Parity of a hidden subset of bits. */
        SPARSE_PARITY(false),
        /** Classes drawn from Gaussian blobs. */
        GAUSSIAN_MIXTURE(false),
        /** MNIST in its original IDX files. */
        MNIST_IDX(true),
        /** CIFAR-10 binary version. */
        CIFAR10_BINARY(true),
        /** A numpy .npy array. */
        NPY(true),
        /** A numpy .npz archive. */
        NPZ(true),
        /** A CSV table. */
        CSV(true);

        private final boolean fileBased;

        Source(boolean fileBased) {
            this.fileBased = fileBased;
        }

        /** True when the data is read from {@code path} rather than generated. */
        public boolean isFileBased() {
            return fileBased;
        }
    }
}
