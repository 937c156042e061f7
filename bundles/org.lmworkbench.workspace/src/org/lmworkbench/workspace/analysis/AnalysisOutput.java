package org.lmworkbench.workspace.analysis;

/**
 * An {@code output} element: the editor (and optionally its page) that shows an analysis's first
 * result file. Declared by a UI bundle; the headless registry only keeps the ids.
 *
 * @param analysisId  the analysis
 * @param editorId    the editor that opens the result
 * @param pageId      the form page to bring to the front, or null
 * @param contributor the bundle that declared the binding
 */
public record AnalysisOutput(String analysisId, String editorId, String pageId, String contributor) {
}
