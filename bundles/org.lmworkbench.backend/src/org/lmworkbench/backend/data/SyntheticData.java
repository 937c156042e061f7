package org.lmworkbench.backend.data;

import java.util.SplittableRandom;
import org.lmworkbench.core.spec.DataSpec;

/**
 * Generators that need no files. Everything is drawn from Java generators seeded by
 * {@code data.seed}, so the same spec gives bit-identical data on every machine. Training and
 * held-out examples come from one stream ({@code n_train + n_test} examples, the first
 * {@code n_train} for training).
 * <p>
 * For classification sources {@code data.noise} is the probability that a training label is
 * replaced by a uniformly random class; for regression sources it is the standard deviation of
 * Gaussian noise added to training targets. Held-out examples are always clean.
 */
public final class SyntheticData {

    private static final int TEACHER_WIDTH = 32;

    private SyntheticData() {
    }

    /**
     * Generates the training and held-out examples of {@code spec}.
     *
     * @param tokens true when the model consumes token ids (transformer), false for real-valued inputs
     */
    public static ArrayDataset[] generate(DataSpec spec, boolean tokens) {
        int n = spec.nTrain() + spec.nTest();
        SplittableRandom random = new SplittableRandom(spec.seed() * 0x2545F4914F6CDD1DL + 17);
        ArrayDataset all = switch (spec.source()) {
            case TEACHER_STUDENT -> teacherStudent(spec, n, random);
            case POWERLAW_GAUSSIAN -> powerLaw(spec, n, random);
            case MODULAR_ARITHMETIC -> ModularArithmetic.generate(spec, n, random, tokens);
            case SPARSE_PARITY -> sparseParity(spec, n, random, tokens);
            case GAUSSIAN_MIXTURE -> mixture(spec, n, random);
            default -> throw new IllegalArgumentException(spec.source().jsonName() + " is not synthetic");
        };
        ArrayDataset train = all.slice(0, spec.nTrain());
        return new ArrayDataset[] {addNoise(train, spec.noise(), random), all.slice(spec.nTrain(), n)};
    }

    /** Gaussian inputs; targets from a random one-hidden-layer tanh teacher network. */
    static ArrayDataset teacherStudent(DataSpec spec, int n, SplittableRandom random) {
        int d = spec.inputDim();
        int k = spec.outputDim();
        double[] w1 = gaussian(random, d * TEACHER_WIDTH, 1.0 / Math.sqrt(d));
        double[] w2 = gaussian(random, TEACHER_WIDTH * k, 1.0 / Math.sqrt(TEACHER_WIDTH));
        double[] x = gaussian(random, n * d, 1.0);
        double[] y = new double[n * k];
        double[] h = new double[TEACHER_WIDTH];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < TEACHER_WIDTH; j++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    s += x[i * d + a] * w1[a * TEACHER_WIDTH + j];
                }
                h[j] = Math.tanh(s);
            }
            for (int o = 0; o < k; o++) {
                double s = 0;
                for (int j = 0; j < TEACHER_WIDTH; j++) {
                    s += h[j] * w2[j * k + o];
                }
                y[i * k + o] = s;
            }
        }
        return new ArrayDataset(x, new long[] {d}, y, k, null, 0);
    }

    /** Inputs with covariance eigenvalues {@code k^-alpha}; targets linear in the inputs. */
    static ArrayDataset powerLaw(DataSpec spec, int n, SplittableRandom random) {
        int d = spec.inputDim();
        int k = spec.outputDim();
        double[] scale = new double[d];
        for (int a = 0; a < d; a++) {
            scale[a] = Math.pow(a + 1, -spec.spectrumExponent() / 2);
        }
        double[] teacher = gaussian(random, d * k, 1.0);
        double[] x = new double[n * d];
        double[] y = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                x[i * d + a] = scale[a] * random.nextGaussian();
            }
            for (int o = 0; o < k; o++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    s += x[i * d + a] * teacher[a * k + o];
                }
                y[i * k + o] = s;
            }
        }
        return new ArrayDataset(x, new long[] {d}, y, k, null, 0);
    }

    /** Uniform {@code +-1} bits (token ids 0/1 for tokens); class = parity of a hidden subset of bits. */
    static ArrayDataset sparseParity(DataSpec spec, int n, SplittableRandom random, boolean tokens) {
        int d = spec.inputDim();
        if (spec.parityBits() > d) {
            throw new DataException("$.data.parity_bits: " + spec.parityBits() + " exceeds data.input_dim " + d);
        }
        int[] order = permutation(d, random);
        double[] x = new double[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                boolean bit = random.nextBoolean();
                x[i * d + a] = tokens ? (bit ? 1 : 0) : (bit ? 1 : -1);
            }
            int parity = 0;
            for (int b = 0; b < spec.parityBits(); b++) {
                parity ^= x[i * d + order[b]] > 0 ? 1 : 0;
            }
            labels[i] = parity;
        }
        return ArrayDataset.classification(x, new long[] {d}, labels, 2, tokens ? 2 : 0);
    }

    /** Equal-probability Gaussian blobs with unit within-class variance around random means. */
    static ArrayDataset mixture(DataSpec spec, int n, SplittableRandom random) {
        int d = spec.inputDim();
        int c = spec.classes();
        // Means of norm about 3 keep classes overlapping a little in any dimension.
        double[] means = gaussian(random, c * d, 3.0 / Math.sqrt(d));
        double[] x = new double[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(c);
            for (int a = 0; a < d; a++) {
                x[i * d + a] = means[labels[i] * d + a] + random.nextGaussian();
            }
        }
        return ArrayDataset.classification(x, new long[] {d}, labels, c, 0);
    }

    static ArrayDataset addNoise(ArrayDataset train, double noise, SplittableRandom random) {
        if (noise == 0) {
            return train;
        }
        if (train.isClassification()) {
            int[] labels = train.labels().clone();
            for (int i = 0; i < labels.length; i++) {
                if (random.nextDouble() < noise) {
                    labels[i] = random.nextInt(train.outputs());
                }
            }
            return ArrayDataset.classification(train.x(), train.example(), labels, train.outputs(), train.vocabulary());
        }
        double[] y = train.y().clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += noise * random.nextGaussian();
        }
        return new ArrayDataset(train.x(), train.example(), y, train.outputs(), null, train.vocabulary());
    }

    static double[] gaussian(SplittableRandom random, int n, double std) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = std * random.nextGaussian();
        }
        return v;
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
