package org.lmworkbench.rcp;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Headless application that starts every installed workbench bundle and reports its state.
 * <p>
 * An installation can look complete to p2 and still fail at run time when a bundle's
 * dependencies were left out (an optional import that p2 skipped, a third-party jar missing from
 * an update site). Starting the bundles for real is the cheapest check that sees this, so the
 * product smoke test and the update-site install test both run
 * {@code lmw -application org.lmworkbench.rcp.bundlecheck [symbolic-name ...]}. The names given
 * must be present; every {@code org.lmworkbench.*} bundle found must become ACTIVE. Exit code 0
 * when all are, 1 otherwise.
 */
public final class BundleCheckApplication implements IApplication {

    private static final String PREFIX = "org.lmworkbench."; //$NON-NLS-1$

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> required = args == null ? List.of()
                : Arrays.stream(args).filter(a -> !a.startsWith("-")).toList(); //$NON-NLS-1$
        Bundle self = FrameworkUtil.getBundle(getClass());
        return Integer.valueOf(check(self.getBundleContext().getBundles(), required, System.out));
    }

    /**
     * Starts the workbench bundles among {@code bundles} and prints one line per bundle.
     *
     * @return 0 when every required bundle is present and every workbench bundle is active
     */
    static int check(Bundle[] bundles, List<String> required, PrintStream out) {
        List<String> missing = new ArrayList<>(required);
        int failures = 0;
        for (Bundle bundle : bundles) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith(PREFIX)) {
                continue;
            }
            missing.remove(name);
            if (isFragment(bundle)) {
                out.println(name + ' ' + bundle.getVersion() + " FRAGMENT " + stateName(bundle)); //$NON-NLS-1$
                continue;
            }
            String problem = start(bundle);
            boolean active = bundle.getState() == Bundle.ACTIVE;
            out.println(name + ' ' + bundle.getVersion() + ' ' + stateName(bundle)
                    + (problem == null ? "" : " (" + problem + ')')); //$NON-NLS-1$ //$NON-NLS-2$
            if (!active) {
                failures++;
            }
        }
        for (String name : missing) {
            out.println(name + " MISSING"); //$NON-NLS-1$
            failures++;
        }
        out.println(failures == 0 ? "bundlecheck: OK" : "bundlecheck: " + failures + " problem(s)"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        return failures == 0 ? 0 : 1;
    }

    private static String start(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return null;
        } catch (BundleException | IllegalStateException e) {
            return e.getMessage();
        }
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String stateName(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> "ACTIVE"; //$NON-NLS-1$
            case Bundle.RESOLVED -> "RESOLVED"; //$NON-NLS-1$
            case Bundle.STARTING -> "STARTING"; //$NON-NLS-1$
            case Bundle.INSTALLED -> "INSTALLED (unresolved)"; //$NON-NLS-1$
            default -> "STATE-" + bundle.getState(); //$NON-NLS-1$
        };
    }

    @Override
    public void stop() {
        // Nothing runs in the background.
    }
}
