package org.lmworkbench.workspace.analysis;

import java.util.Locale;

/** What an analysis is computed on; the word is the {@code kind} attribute of {@code appliesTo}. */
public enum AnalysisKind {
    /** One run folder ({@code runs/<run-id>}). */
    RUN,
    /** Two or more run folders of one project. */
    RUNS,
    /** An experiment spec file ({@code *.lmx}, {@code *.experiment.json}). */
    SPEC,
    /** A document of a content type (an analysis document such as {@code *.fit}). */
    DOCUMENT;

    /** The word used in plugin.xml. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind written as {@code word}, or null. */
    public static AnalysisKind of(String word) {
        for (AnalysisKind kind : values()) {
            if (kind.word().equals(word)) {
                return kind;
            }
        }
        return null;
    }
}
