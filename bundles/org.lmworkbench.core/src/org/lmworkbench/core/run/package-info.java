/**
 * The files the training backend writes and the workbench reads: the run folder and the results of
 * the analysis commands.
 * <pre>
 * &lt;project&gt;/runs/&lt;run-id&gt;/
 *   spec.json                 the resolved spec of the run
 *   status.json               {@link org.lmworkbench.core.run.RunStatus}, replaced atomically
 *   metrics.jsonl             one {@link org.lmworkbench.core.run.MetricsLine} per logged step, append-only
 *   probes/sharpness.jsonl    one {@link org.lmworkbench.core.run.SharpnessLine} per measurement, append-only
 *   probes/trace.jsonl        one {@link org.lmworkbench.core.run.TraceLine} per measurement, append-only
 *   probes/hessian-step-&lt;n&gt;.json  {@link org.lmworkbench.core.run.CheckpointSpectrumFile}
 *   diagnostics/step-&lt;n&gt;.json     {@link org.lmworkbench.core.run.DiagnosticsFile}
 *   activations/step-&lt;n&gt;/&lt;layer&gt;.npy
 *   checkpoints/step-&lt;n&gt;.npz
 *   log.txt
 *   .lock                     {@link org.lmworkbench.core.run.RunLock}: the one process that trains the run
 *   meta.json                 {@link org.lmworkbench.core.run.RunMeta}: the user's display name, tags and notes
 * </pre>
 * plus {@link org.lmworkbench.core.run.SimilarityFile}, the result of {@code lmw similarity}. Each of
 * these classes owns the keys of its file, for writing and for reading; arrays are read and written
 * by {@link org.lmworkbench.core.format}.
 * <p>
 * A run is readable at every moment of its life: whole files are replaced with
 * {@link org.lmworkbench.core.run.AtomicFiles}, and line files are appended by
 * {@link org.lmworkbench.core.run.MetricsWriter} and followed by
 * {@link org.lmworkbench.core.run.MetricsReader}, which ignores a line still being written. A
 * process that trains a run holds its {@link org.lmworkbench.core.run.RunLock}, cleans the
 * temporary files a killed writer left ({@link org.lmworkbench.core.run.RunDirectory#removeTemporaryFiles})
 * and ends with a final status even on a full disk
 * ({@link org.lmworkbench.core.run.RunDirectory#writeFinalStatus}).
 * Non-finite numbers in line files (a diverged loss) are written as the strings "NaN", "Infinity",
 * "-Infinity"; result documents leave them out ({@code null} in arrays), except the diagnostics,
 * which keep Python's bare {@code NaN}.
 */
package org.lmworkbench.core.run;
