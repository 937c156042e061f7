package org.lmworkbench.analysis.spectral;

import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Command-line benchmark: operator applications (HVPs) and wall time needed by Lanczos and by
 * power iteration to reach a relative residual of {@code 1e-4} on the top eigenvalue.
 *
 * <p>The test matrix is {@code A = Q diag(lambda) Q^T} of order 2000 with a slowly decaying
 * spectrum {@code lambda_i = 100 exp(-(i-1)/50)}, so {@code lambda_2/lambda_1 = 0.98}: a small
 * relative gap as seen at the top of real Hessian spectra. {@code Q} is a product of 16 random
 * Householder reflections, which costs {@code O(n^2)} each instead of the {@code O(n^3)} of a
 * dense QR; Krylov methods with a Gaussian start are invariant under orthogonal changes of basis,
 * so the choice of {@code Q} does not affect the counts. The exact top eigenvalue is known by
 * construction. Usage: {@code releng/benchmarks/run-benchmark.sh org.lmworkbench.analysis.tests
 * org.lmworkbench.analysis.spectral.SpectralBenchmark [n] [seed]}.
 */
public final class SpectralBenchmark {

    private static final double TARGET_RESIDUAL = 1e-4;

    private SpectralBenchmark() {
    }

    /**
     * Runs the benchmark and prints a table to standard output.
     *
     * @param args optional dimension (default 2000) and seed (default 1)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        double[] spectrum = new double[n];
        for (int i = 0; i < n; i++) {
            spectrum[i] = 100.0 * Math.exp(-i / 50.0);
        }
        long t0 = System.nanoTime();
        double[][] a = rotatedDiagonal(spectrum, 16, new Well19937c(seed));
        System.out.printf(Locale.ROOT, "matrix: n=%d, lambda_i = 100 exp(-(i-1)/50), "
                + "lambda1=%.6f lambda2=%.6f, built in %.0f ms%n", n, spectrum[0], spectrum[1],
                (System.nanoTime() - t0) / 1e6);
        LinearOperator op = DenseSymmetricOperator.wrap(a);

        LanczosEigensolver lanczos = LanczosEigensolver.defaults().withTolerance(TARGET_RESIDUAL)
                .withMaxIterations(n);
        PowerIteration power = PowerIteration.defaults()
                .withStoppingRule(PowerIteration.StoppingRule.RELATIVE_RESIDUAL)
                .withTolerance(TARGET_RESIDUAL).withMaxIterationsPerEigenvalue(100_000);
        PowerIteration pyhessian = PowerIteration.defaults();

        // one untimed round so the JIT has compiled the kernels before timing
        lanczos.solve(op, ProgressSink.NONE);
        power.solve(op, ProgressSink.NONE);

        System.out.println("method                          HVPs(alg+res)  wall[ms]   lambda1"
                + "            rel.error   rel.residual  converged");
        report("Lanczos (tol 1e-4)", op, spectrum[0], o -> lanczos.solve(o, ProgressSink.NONE));
        report("Power, residual rule 1e-4", op, spectrum[0],
                o -> power.solve(o, ProgressSink.NONE));
        report("Power, PyHessian default", op, spectrum[0],
                o -> pyhessian.solve(o, ProgressSink.NONE));
    }

    private static void report(String name, LinearOperator op, double exact,
            Function<LinearOperator, EigenResult> run) {
        // the independent counter guards against an algorithm under-reporting its cost
        CountingOperator counter = new CountingOperator(op);
        long t = System.nanoTime();
        EigenResult r = run.apply(counter);
        double ms = (System.nanoTime() - t) / 1e6;
        System.out.printf(Locale.ROOT, "%-31s %5d+%-3d %10.1f   %.12f  %.2e    %.2e     %s%n",
                name, r.hvpCount(), r.residualHvpCount(), ms, r.eigenvalues()[0],
                Math.abs(r.eigenvalues()[0] - exact) / exact, r.relativeResidual(0),
                r.converged());
        if (counter.count() != r.totalHvpCount()) {
            throw new IllegalStateException("reported " + r.totalHvpCount()
                    + " applications, counted " + counter.count());
        }
    }

    /**
     * Builds {@code H_r ... H_1 diag(spectrum) H_1 ... H_r} for random Householder reflections
     * {@code H = I - 2 u u^T}, updating the dense matrix in {@code O(n^2)} per reflection.
     */
    static double[][] rotatedDiagonal(double[] spectrum, int reflections, RandomGenerator rng) {
        int n = spectrum.length;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = spectrum[i];
        }
        double[] u = new double[n];
        double[] p = new double[n];
        for (int r = 0; r < reflections; r++) {
            Vectors.gaussian(rng, u);
            Vectors.scale(1.0 / Vectors.norm(u), u);
            for (int i = 0; i < n; i++) {
                p[i] = Vectors.dot(m[i], u);
            }
            double c = Vectors.dot(u, p);
            // H M H = M - 2 u p^T - 2 p u^T + 4 c u u^T for symmetric M and p = M u
            for (int i = 0; i < n; i++) {
                double[] row = m[i];
                double ui = u[i];
                double pi = p[i];
                for (int j = 0; j < n; j++) {
                    row[j] += -2.0 * ui * p[j] - 2.0 * pi * u[j] + 4.0 * c * ui * u[j];
                }
            }
        }
        // remove rounding asymmetry so the dense operator's symmetry check passes
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = s;
                m[j][i] = s;
            }
        }
        return m;
    }
}
