package org.lmworkbench.ui.editors.sharpness;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

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
        Bundle bundle = FrameworkUtil.getBundle(SharpnessFixture.class);
        String prefix = PATH + "/";
        List<URL> entries = Collections.list(bundle.findEntries(prefix, "*", true));
        assertFalse(entries.isEmpty(), "fixture " + PATH);
        create(target);
        for (URL entry : entries) {
            String path = entry.getPath();
            String relative = path.substring(path.indexOf(prefix) + prefix.length());
            if (relative.isEmpty() || relative.endsWith("/")) {
                continue;
            }
            IFile file = target.getFile(relative);
            create(file.getParent());
            try (InputStream in = entry.openStream()) {
                file.create(new ByteArrayInputStream(in.readAllBytes()), true, null);
            }
        }
        return target;
    }

    private static void create(IContainer container) throws CoreException {
        if (container instanceof IFolder folder && !folder.exists()) {
            create(folder.getParent());
            folder.create(true, true, null);
        }
    }
}
