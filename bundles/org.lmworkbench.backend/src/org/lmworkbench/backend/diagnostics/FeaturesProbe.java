package org.lmworkbench.backend.diagnostics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.train.ProbeContext;
import org.lmworkbench.backend.train.TrainingProbe;
import org.lmworkbench.core.run.DiagnosticsFile;
import org.lmworkbench.core.run.FeaturesLine;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.OptimizerSpec;
import org.lmworkbench.core.spec.ProbeSpec;

/**
 * The neural feature ansatz and features-at-convergence correlations per layer during training
 * ({@code probes.features}), one {@link FeaturesLine} per measurement in
 * {@code probes/features.jsonl}: how the feature matrices approach what either law predicts. Works on
 * a copy of the parameters, so the training state is untouched.
 */
public final class FeaturesProbe implements TrainingProbe {

    private final ProbeSpec.Features spec;

    private FeaturesProbe(ProbeSpec.Features spec) {
        this.spec = spec;
    }

    /** The probe of a run whose spec asks for it ({@code probes.features.every > 0}). */
    public static Optional<TrainingProbe> forRun(ExperimentSpec spec) {
        ProbeSpec.Features f = spec.probes().features();
        return f.every() > 0 ? Optional.of(new FeaturesProbe(f)) : Optional.empty();
    }

    @Override
    public String name() {
        return "features";
    }

    @Override
    public boolean due(long step) {
        return step % spec.every() == 0;
    }

    @Override
    public void run(ProbeContext context) throws Exception {
        Batch batch = context.trainingSubset(spec.examples());
        ParameterSet params = context.parameters().copy(context.manager());
        Map<String, Double> nfa = new LinkedHashMap<>();
        for (DiagnosticsFile.LayerCorrelation c : DiagnosticsCommand.nfa(context.model(), params, batch.x()).layers()) {
            nfa.put(c.layer(), c.correlation());
        }
        Map<String, Double> fact = new LinkedHashMap<>();
        Map<String, Double> residual = new LinkedHashMap<>();
        if (context.spec().optimizer().name() != OptimizerSpec.Algorithm.ADAMW) {
            DiagnosticsFile.Fact f = LayerFact.measure(context.model(), params, context.loss(), batch,
                    context.spec().optimizer().weightDecay(), context.manager());
            for (DiagnosticsFile.LayerFact l : f.layers()) {
                fact.put(l.layer(), l.raw());
                residual.put(l.layer(), l.residual());
            }
        }
        context.jsonl(FeaturesLine.FILE).append(
                new FeaturesLine(context.step(), batch.size(), nfa, fact, residual).values());
    }
}
