/**
 * The edge of stability in a run's sharpness record (Cohen et al. 2021): reading
 * {@code probes/sharpness.jsonl} ({@link org.lmworkbench.analysis.eos.SharpnessSeries}), locating
 * the end of progressive sharpening and measuring the plateau at the optimizer's stability
 * threshold ({@link org.lmworkbench.analysis.eos.EdgeOfStabilityDetector}), and reading the
 * spectrum of one checkpoint written by the backend's {@code hessian} command
 * ({@link org.lmworkbench.analysis.eos.CheckpointSpectrumFile}).
 *
 * <p>Plain Java: no tensors, no UI; the workbench's sharpness editor draws what these classes
 * compute.
 */
package org.lmworkbench.analysis.eos;
