package org.lmworkbench.core.spec;

import java.util.List;

/**
 * The result of reading a spec file: its location-aware tree and the problems found while reading
 * (malformed JSON, an empty file, a root that is not an object, duplicate keys).
 *
 * @param root     the top-level object, or null when the text could not be read as one
 * @param problems reading problems; validation problems are not included
 */
public record SpecDocument(SpecNode.ObjectNode root, List<SpecProblem> problems) {

    /** Freezes the problem list. */
    public SpecDocument {
        problems = List.copyOf(problems);
    }

    /** True when no tree could be built at all. */
    public boolean isUnreadable() {
        return root == null;
    }
}
