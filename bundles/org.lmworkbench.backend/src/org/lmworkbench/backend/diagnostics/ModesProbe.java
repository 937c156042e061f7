package org.lmworkbench.backend.diagnostics;

import java.util.Arrays;
import java.util.Optional;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.train.ProbeContext;
import org.lmworkbench.backend.train.TrainingProbe;
import org.lmworkbench.core.run.ModesLine;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ProbeSpec;

/**
 * The projections of the network's end-to-end map onto the top singular modes of the training
 * data's input-output correlation during training ({@code probes.modes}), one {@link ModesLine} per
 * measurement in {@code probes/modes.jsonl}: the measured counterpart of the sigmoidal mode
 * trajectories of a deep linear network. The modes are taken once, from the whole training set.
 */
public final class ModesProbe implements TrainingProbe {

    private final ProbeSpec.Modes spec;
    private ModeProjections modes;

    private ModesProbe(ProbeSpec.Modes spec) {
        this.spec = spec;
    }

    /** The probe of a run whose spec asks for it ({@code probes.modes.every > 0}). */
    public static Optional<TrainingProbe> forRun(ExperimentSpec spec) {
        ProbeSpec.Modes m = spec.probes().modes();
        return m.every() > 0 ? Optional.of(new ModesProbe(m)) : Optional.empty();
    }

    @Override
    public String name() {
        return "modes";
    }

    @Override
    public boolean due(long step) {
        return step % spec.every() == 0;
    }

    @Override
    public void run(ProbeContext context) throws Exception {
        Batch all = context.trainingSubset(Integer.MAX_VALUE);
        if (modes == null) {
            try {
                modes = ModeProjections.of(all, spec.count());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("$.probes.modes.count: " + e.getMessage(), e);
            }
        }
        long[] shape = all.x().getShape().getShape();
        double[][] map = ModeProjections.endToEndMap(context.model(), context.parameters(),
                Arrays.copyOfRange(shape, 1, shape.length), context.manager());
        context.jsonl(ModesLine.FILE).append(
                new ModesLine(context.step(), modes.strengths(), modes.project(map), modes.inputWhiteness()).values());
    }
}
