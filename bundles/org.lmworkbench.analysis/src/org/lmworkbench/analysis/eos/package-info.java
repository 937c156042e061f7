/**
 * The edge of stability in a run's sharpness record (Cohen et al. 2021): the samples of
 * {@code probes/sharpness.jsonl} as the file grows ({@link org.lmworkbench.analysis.eos.SharpnessSeries},
 * over core's {@link org.lmworkbench.core.run.SharpnessLine}), and locating the end of progressive
 * sharpening and measuring the plateau at the optimizer's stability threshold
 * ({@link org.lmworkbench.analysis.eos.EdgeOfStabilityDetector}). The spectrum of one checkpoint is
 * core's {@link org.lmworkbench.core.run.CheckpointSpectrumFile}.
 *
 * <p>Plain Java: no tensors, no UI; the workbench's sharpness editor draws what these classes
 * compute.
 */
package org.lmworkbench.analysis.eos;
