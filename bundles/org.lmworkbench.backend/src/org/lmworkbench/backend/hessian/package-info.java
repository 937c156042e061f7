/**
 * Exact Hessian computations for the training backend.
 *
 * <p>Hessian-vector products come from double backpropagation inside a small TorchScript module
 * ({@link org.lmworkbench.backend.hessian.HvpScriptArchive}, written without Python and loaded by
 * DJL), because DJL's own {@code backward(create_graph)} leaks and cannot be repeated on the same
 * leaves. {@link org.lmworkbench.backend.hessian.HessianVectorProduct} computes them for any loss
 * given as a pure function of parameter arrays, {@link org.lmworkbench.backend.hessian.HessianOperator}
 * exposes them to the spectral algorithms of {@code org.lmworkbench.analysis.spectral} in float64,
 * and {@link org.lmworkbench.backend.hessian.SharpnessProbe} /
 * {@link org.lmworkbench.backend.hessian.HessianCommand} turn them into run files
 * ({@code probes/sharpness.jsonl}, {@code probes/trace.jsonl}, {@code probes/hessian-step-<n>.json}).
 *
 * <p>Numerical caveat that shapes the code: constants multiplied in with DJL's
 * {@code mul(double)} are freed too early for a graph that is differentiated later; see
 * {@link org.lmworkbench.backend.model.StableScalars}, which the models and losses use.
 */
package org.lmworkbench.backend.hessian;
