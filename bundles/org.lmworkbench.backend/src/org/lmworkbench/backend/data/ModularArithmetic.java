package org.lmworkbench.backend.data;

import java.util.SplittableRandom;
import org.lmworkbench.core.spec.DataSpec;

/**
 * {@code (a + b) mod p} over all pairs, shuffled with the data seed (the grokking setup of Power et
 * al.). For a transformer each example is the token sequence {@code a, b, =} with {@code =} the token
 * id {@code p} (vocabulary {@code p + 1}); for other models it is the concatenation of the one-hot
 * codes of {@code a} and {@code b} ({@code 2p} inputs). Training and held-out pairs never overlap.
 */
final class ModularArithmetic {

    private ModularArithmetic() {
    }

    static ArrayDataset generate(DataSpec spec, int n, SplittableRandom random, boolean tokens) {
        int p = spec.modulus();
        long pairs = (long) p * p;
        if (n > pairs) {
            throw new DataException("modular_arithmetic with data.modulus " + p + " has only " + pairs
                    + " distinct examples, but data.n_train + data.n_test = " + n);
        }
        int[] order = SyntheticData.permutation((int) pairs, random);
        int width = tokens ? 3 : 2 * p;
        double[] x = new double[n * width];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int a = order[i] / p;
            int b = order[i] % p;
            if (tokens) {
                x[i * 3] = a;
                x[i * 3 + 1] = b;
                x[i * 3 + 2] = p;
            } else {
                x[i * width + a] = 1;
                x[i * width + p + b] = 1;
            }
            labels[i] = (a + b) % p;
        }
        return ArrayDataset.classification(x, new long[] {width}, labels, p, tokens ? p + 1 : 0);
    }
}
