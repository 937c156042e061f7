package org.lmworkbench.ui.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.spec.SpecNode;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * The one-paragraph description of a spec's sweep shown on the settings page: how many runs, and
 * which keys vary over which values (in the file's order: the last key varies fastest).
 */
public final class SweepSummary {

    private SweepSummary() {
    }

    /** The summary of the tree's sweep; a sentence saying it is a single run when there is none. */
    public static String of(SpecNode.ObjectNode root) {
        if (root == null || !(root.get(SpecSchema.SWEEP) instanceof SpecNode.ObjectNode sweep) || sweep.members().isEmpty()) {
            return Messages.SweepSummary_single;
        }
        long runs = 1;
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, SpecNode> entry : sweep.members().entrySet()) {
            if (entry.getValue() instanceof SpecNode.ArrayNode values) {
                runs *= Math.max(values.elements().size(), 1);
                lines.add(NLS.bind(Messages.SweepSummary_key, new Object[] {entry.getKey(), values.elements().size(),
                        values.elements().stream().map(SpecValueText::of).collect(Collectors.joining(", "))}));
            } else {
                lines.add(NLS.bind(Messages.SweepSummary_invalid, entry.getKey()));
            }
        }
        return NLS.bind(Messages.SweepSummary_runs, runs) + "\n" + String.join("\n", lines);
    }
}
