package org.lmworkbench.workspace.runs.table;

import java.io.IOException;
import java.nio.file.Path;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.ExperimentSpec;

/** {@link TableRuns} for tests of other packages, with the learning rate as a third key. */
public final class TableRunsAccess {

    private TableRunsAccess() {
    }

    /** A completed run with width, seed and lr set and these train_loss values. */
    public static RunDirectory run(Path project, String id, int width, int seed, double lr, double... losses)
            throws IOException {
        RunDirectory run = TableRuns.run(project, id, "s", width, seed, losses);
        ExperimentSpec spec = run.readSpec().withValue("optimizer.lr", lr);
        java.nio.file.Files.writeString(run.specFile(), spec.toJson());
        return run;
    }
}
