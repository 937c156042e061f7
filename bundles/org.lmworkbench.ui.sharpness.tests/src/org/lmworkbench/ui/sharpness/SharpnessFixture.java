package org.lmworkbench.ui.sharpness;

import java.io.IOException;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.lmworkbench.testing.Fixtures;

/**
 * The fixture run {@code resources/fixtures/sharpness/example-eos}: the core example spec
 * ({@code example-eos.lmx}, tanh MLP, full-batch GD at lr 0.1) trained once by the real backend
 * ({@code lmw run}, 1000 steps, about ten seconds on a CPU), with its two checkpoints and the
 * spectrum of step 1000 from {@code lmw hessian <run> --checkpoint 1000 --top-k 5 --trace --density};
 * activations were left out. Copied byte for byte (the checkpoints are binary .npz files).
 */
final class SharpnessFixture {

    static final String PATH = "resources/fixtures/sharpness/example-eos";
    static final String RUN_ID = "example-eos";

    private SharpnessFixture() {
    }

    /**
     * Copies the fixture run to {@code runs/example-eos} of a project.
     *
     * @return the run folder
     */
    static IFolder copyInto(IProject project) throws CoreException, IOException {
        IFolder target = project.getFolder("runs/" + RUN_ID);
        Fixtures.copyToFolder(PATH, target);
        return target;
    }
}
