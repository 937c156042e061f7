package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minibatch linear CKA (Nguyen et al. 2021): the examples are cut into consecutive batches of
 * {@code b} (a last partial batch is left out, and the result says how many examples were used),
 * Song's unbiased HSIC is computed per batch for the pairs (X,Y), (X,X), (Y,Y) and summed, and CKA
 * is formed from the sums. Averaging per-batch CKA values instead, a failure reported for peer
 * tools, is biased; summing unbiased HSIC terms is not. With one batch of all examples it equals
 * debiased linear CKA.
 */
public final class MinibatchCkaMetric implements SimilarityMetric<List<CkaMetric.Prepared>> {

    private final int batch;

    /**
     * @throws SimilarityException if {@code batch < 4}
     */
    public MinibatchCkaMetric(int batch) {
        if (batch < 4) {
            throw new SimilarityException("minibatch CKA needs batches of at least 4 examples (the unbiased HSIC "
                    + "divides by b(b-3)), not " + batch);
        }
        this.batch = batch;
    }

    @Override
    public String name() {
        return "minibatch_cka-kernel=linear-hsic=song-batch=" + batch + "-score";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("family", "cka");
        s.put("kernel", "linear");
        s.put("hsic", "song");
        s.put("debiased", true);
        s.put("batch", batch);
        s.put("aggregation", "sum of per-batch unbiased HSIC terms (Nguyen et al. 2021)");
        return s;
    }

    @Override
    public int minimumExamples() {
        return batch;
    }

    @Override
    public String minimumReason() {
        return "one full batch of " + batch;
    }

    /** Examples actually used for {@code n} examples (whole batches only). */
    public int examplesUsed(int n) {
        return n / batch * batch;
    }

    @Override
    public List<CkaMetric.Prepared> prepare(Representation r) {
        InputChecks.requireExamples(name(), minimumExamples(), minimumReason(), r);
        List<CkaMetric.Prepared> batches = new ArrayList<>();
        try (Scratch scratch = new Scratch(r.data())) {
            for (int start = 0; start + batch <= r.examples(); start += batch) {
                NDArray x = Kernels.centreColumns(r.data().get(start + ":" + (start + batch)));
                NDArray rowNorms = x.square().sum(new int[] {1});
                double trace = rowNorms.sum().getDouble();
                double s = CkaMetric.squaredFrobenius(x.transpose().matMul(x));
                double self = CkaMetric.songLinear(batch, s, Kernels.frobeniusDot(rowNorms, rowNorms), trace * trace);
                batches.add(new CkaMetric.Prepared(r.label(), batch, scratch.keep(x), null, scratch.keep(rowNorms), trace,
                        self));
            }
        }
        return batches;
    }

    @Override
    public double compare(List<CkaMetric.Prepared> a, List<CkaMetric.Prepared> b) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < a.size(); i++) {
            CkaMetric.Prepared p = a.get(i);
            CkaMetric.Prepared q = b.get(i);
            double s = Scratch.run(() -> CkaMetric.squaredFrobenius(p.centred().transpose().matMul(q.centred())),
                    p.centred(), q.centred());
            xy += CkaMetric.songLinear(batch, s, Kernels.frobeniusDot(p.rowNorms(), q.rowNorms()), p.trace() * q.trace());
            xx += p.self();
            yy += q.self();
        }
        if (!(xx > 0 && yy > 0)) {
            throw new SimilarityException((xx > 0 ? b : a).get(0).label() + ": the summed unbiased HSIC with itself is "
                    + "not positive, so minibatch CKA is undefined; use larger batches");
        }
        return xy / Math.sqrt(xx * yy);
    }
}
