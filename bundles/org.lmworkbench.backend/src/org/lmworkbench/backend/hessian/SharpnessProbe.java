package org.lmworkbench.backend.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import java.util.List;
import java.util.Optional;

import org.lmworkbench.analysis.spectral.EigenResult;
import org.lmworkbench.analysis.spectral.LanczosEigensolver;
import org.lmworkbench.analysis.spectral.LinearOperator;
import org.lmworkbench.analysis.spectral.ProgressSink;
import org.lmworkbench.analysis.spectral.TraceEstimate;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.train.DivergenceException;
import org.lmworkbench.backend.train.ProbeContext;
import org.lmworkbench.backend.train.TrainingProbe;
import org.lmworkbench.core.run.SharpnessLine;
import org.lmworkbench.core.run.TraceLine;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.OptimizerSpec;
import org.lmworkbench.core.spec.ProbeSpec;

/**
 * Top-k Hessian eigenvalues during training ({@code probes.sharpness}), one {@link SharpnessLine}
 * per measurement in {@code probes/sharpness.jsonl}, plus the trace ({@code probes.trace}, through
 * {@link TraceProbe}): one probe serves both Hessian measurements, so that they share one gradient
 * graph when they fall on the same step.
 *
 * <p>As in Cohen et al. (2021): Lanczos (full reorthogonalisation) on exact Hessian-vector
 * products of the training loss over a fixed prefix of {@code probes.sharpness.examples}
 * training examples, stopped when {@code |beta_m s_mi| < tolerance |lambda_i|} for all k, each
 * eigenvalue reported with its explicitly computed residual {@code ||Hv - lambda v||}, the number
 * of products (residual checks included), the learning rate and the optimizer's stability
 * threshold. For Adam/AdamW the eigenvalues are those of the preconditioned Hessian
 * {@code P^-1 H}, {@code P = diag(sqrt(v_hat) + eps)}, compared with
 * {@code (2+2 beta1)/((1-beta1) lr)}; before the first Adam step (no second moments yet) the plain
 * sharpness is recorded with no threshold. The record says which.
 *
 * <p>For zeroth-order runs every sharpness sample also records the trace and the mean-square
 * stability band of {@link ZoStability} (on {@code P^-1 H} for ZO-Adam), and for small networks the
 * exact critical step from the whole spectrum.
 *
 * <p>The Lanczos start vector is drawn from a generator seeded by the run seed and the step, so a
 * rerun writes identical lines; the probe never touches the parameters or optimizer state.
 */
public final class SharpnessProbe implements TrainingProbe {

    private final ExperimentSpec spec;
    private final ProbeSpec.Sharpness sharpness;
    private final TraceProbe trace;

    /**
     * The probe of a run whose spec measures sharpness or the trace ({@code probes.sharpness.every}
     * or {@code probes.trace.every} above 0).
     */
    public static Optional<TrainingProbe> forRun(ExperimentSpec spec) {
        boolean on = spec.probes().sharpness().every() > 0 || spec.probes().trace().every() > 0;
        return on ? Optional.of(new SharpnessProbe(spec)) : Optional.empty();
    }

    /** @param spec the fully resolved spec of the run */
    SharpnessProbe(ExperimentSpec spec) {
        this.spec = spec;
        this.sharpness = spec.probes().sharpness();
        this.trace = new TraceProbe(spec.probes().trace(), spec.seed());
    }

    @Override
    public String name() {
        return "sharpness";
    }

    @Override
    public boolean due(long step) {
        return sharpnessDue(step) || trace.due(step);
    }

    private boolean sharpnessDue(long step) {
        return sharpness.every() > 0 && step % sharpness.every() == 0;
    }

    @Override
    public void run(ProbeContext ctx) throws Exception {
        long step = ctx.step();
        Batch batch = ctx.trainingSubset(sharpness.examples());
        int examples = batch.size();
        try (HessianOperator op = new HessianOperator(ModelHessian.product(ctx.model(), ctx.parameters(),
                ctx.loss(), batch, HessianVectorProduct.Mode.REUSE_GRADIENT_GRAPH))) {
            double loss = op.product().loss();
            if (!Double.isFinite(loss)) {
                // Lanczos on an infinite Hessian fails to converge; the run has diverged, and says so.
                throw new DivergenceException(step, loss, "the training loss on the " + examples
                        + " examples of the Hessian probes");
            }
            if (sharpnessDue(step)) {
                ctx.jsonl(SharpnessLine.FILE).append(measure(ctx, op, examples).values());
            }
            if (trace.due(step)) {
                ctx.jsonl(TraceLine.FILE).append(trace.measure(op, step, examples).values());
            }
        }
    }

    private SharpnessLine measure(ProbeContext ctx, HessianOperator op, int examples) {
        long step = ctx.step();
        double lr = ctx.learningRate();
        StabilityThreshold threshold = StabilityThreshold.of(spec.optimizer(), lr);
        LinearOperator target = op;
        if (threshold.preconditioned()) {
            double[] d = adamScaling(ctx, op.product().layout());
            if (d == null) {
                threshold = new StabilityThreshold(Double.NaN, "none", false);
            } else {
                target = new PreconditionedOperator(op, d);
            }
        }
        long before = op.hvpCount();
        long start = System.nanoTime();
        EigenResult r = solver(op.dimension(), step).solve(target, ProgressSink.NONE);
        SharpnessLine.ZoBand zo = spec.optimizer().name().isZeroOrder()
                ? zoBand(target, r.eigenvalues()[0], lr, step) : null;
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new SharpnessLine(step, r.eigenvalues(), r.residualNorms(), op.hvpCount() - before, lr,
                threshold.value(), threshold.kind(), threshold.quantity(), r.converged(), r.iterations(), examples,
                ModelHessian.MODE, op.product().loss(), "lanczos",
                op.product().layout().dataType().toString().toLowerCase(), seconds, zo);
    }

    /**
     * The zeroth-order band at this sample: the whole spectrum, hence the exact trace and
     * {@code eta*}, for networks up to {@link DenseSpectrum#PROBE_LIMIT} parameters, otherwise
     * Lanczos's top eigenvalue with a Hutch++ trace of {@code probes.trace.samples} products.
     */
    private SharpnessLine.ZoBand zoBand(LinearOperator target, double lambdaMax, double lr, long step) {
        int d = target.dimension();
        if (d <= DenseSpectrum.PROBE_LIMIT) {
            double[] spectrum = DenseSpectrum.eigenvalues(target);
            double trace = 0;
            for (double v : spectrum) {
                trace += v;
            }
            return ZoStability.band(spec.optimizer(), d, spectrum[0], trace, 0, lr, spectrum);
        }
        TraceEstimate t = TraceProbe.estimate(target, spec.probes().trace().samples(), spec.seed() * 1_000_003L
                + step + 7_777);
        return ZoStability.band(spec.optimizer(), d, lambdaMax, t.trace(), t.standardError(), lr, null);
    }

    /**
     * The Lanczos solver configured from the spec.
     *
     * @param dimension number of parameters
     * @param step      completed steps, mixed into the seed
     * @return the solver
     */
    LanczosEigensolver solver(int dimension, long step) {
        int k = Math.min(sharpness.topK(), dimension);
        int steps = Math.min(Math.max(sharpness.maxIterations(), k + 1), dimension);
        return LanczosEigensolver.defaults().withEigenpairs(k).withTolerance(sharpness.tolerance())
                .withMaxIterations(steps).withSeed(spec.seed() * 1_000_003L + step);
    }

    /** Adam's {@code 1/sqrt(P)} diagonal, or null before the first step (no second moments). */
    private double[] adamScaling(ProbeContext ctx, ParameterLayout layout) {
        ParameterSet params = ctx.parameters();
        List<String> names = params.names();
        NDList v = new NDList(names.size());
        for (String name : names) {
            NDArray slot = ctx.optimizerState(name).get("v");
            if (slot == null) {
                return null;
            }
            v.add(slot);
        }
        OptimizerSpec o = spec.optimizer();
        return PreconditionedOperator.adamScaling(layout.flatten(v), o.beta2(), ctx.step(), o.eps());
    }
}
