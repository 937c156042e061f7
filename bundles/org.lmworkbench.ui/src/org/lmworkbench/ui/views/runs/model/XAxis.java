package org.lmworkbench.ui.views.runs.model;

/** What the horizontal axis of the Runs chart measures. */
public enum XAxis {
    /** Optimizer step. */
    STEP,
    /** Seconds since training started ({@code wall_time} of metrics.jsonl). */
    WALL_TIME;
}
