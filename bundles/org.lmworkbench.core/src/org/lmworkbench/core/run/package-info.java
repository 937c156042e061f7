/**
 * The run folder contract shared by the training backend (writer) and the workbench (reader):
 * <pre>
 * &lt;project&gt;/runs/&lt;run-id&gt;/
 *   spec.json                 the resolved spec of the run
 *   status.json               {@link org.lmworkbench.core.run.RunStatus}, replaced atomically
 *   metrics.jsonl             one JSON object per logged step, append-only
 *   probes/sharpness.jsonl    sharpness measurements, append-only
 *   activations/step-&lt;n&gt;/&lt;layer&gt;.npy
 *   checkpoints/step-&lt;n&gt;.npz
 *   log.txt
 * </pre>
 * A run is readable at every moment of its life: whole files are replaced with
 * {@link org.lmworkbench.core.run.AtomicFiles}, and line files are appended by
 * {@link org.lmworkbench.core.run.MetricsWriter} and followed by
 * {@link org.lmworkbench.core.run.MetricsReader}, which ignores a line still being written.
 * Non-finite numbers (a diverged loss) are written as the strings "NaN", "Infinity", "-Infinity".
 */
package org.lmworkbench.core.run;
