#!/usr/bin/env python3
"""numpy anchor for the linear CKA layer x layer benchmark (CkaBenchmark), written with care:
every layer is centred once and its ||X^T X||_F computed once, then each pair costs one feature
product, CKA = ||Y^T X||_F^2 / (||X^T X||_F ||Y^T Y||_F). Timed in float32 and in float64 (the
conversion from the stored float32 activations is not timed).

With --dir it reads a<i>.npy / b<i>.npy written by `CkaBenchmark --npy-dir DIR` and compares every
value with the matrices the backend wrote there (java-float64.json, java-mixed.json).

numpy's BLAS uses as many threads as OMP_NUM_THREADS / OPENBLAS_NUM_THREADS allow; releng/benchmarks/
cka.sh sets them to the thread count of the Java run. The product never needs Python; a venv with
numpy: python3 -m venv --system-site-packages V && V/bin/pip install numpy
"""
import argparse
import glob
import json
import os
import time

import numpy as np


def prepare(layers, dtype):
    """Centred copies and their ||X^T X||_F, once per layer."""
    centred = []
    norms = []
    for x in layers:
        x = x.astype(dtype, copy=False)
        x = x - x.mean(axis=0, keepdims=True)
        centred.append(x)
        norms.append(np.linalg.norm(x.T @ x))
    return centred, norms


def matrix(a, b, dtype):
    start = time.perf_counter()
    ca, na = prepare(a, dtype)
    cb, nb = prepare(b, dtype)
    out = np.empty((len(a), len(b)))
    for i, x in enumerate(ca):
        for j, y in enumerate(cb):
            out[i, j] = np.linalg.norm(y.T @ x) ** 2 / (na[i] * nb[j])
    return out, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", help="folder with a<i>.npy, b<i>.npy and java-*.json from CkaBenchmark")
    parser.add_argument("--layers", type=int, default=12, help="without --dir")
    parser.add_argument("--n", type=int, default=4096)
    parser.add_argument("--width", type=int, default=1024)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-float64", action="store_true")
    args = parser.parse_args()
    if args.dir:
        layers = len(glob.glob(os.path.join(args.dir, "a*.npy")))
        a = [np.load(os.path.join(args.dir, f"a{i}.npy")) for i in range(layers)]
        b = [np.load(os.path.join(args.dir, f"b{i}.npy")) for i in range(layers)]
    else:
        rng = np.random.default_rng(args.seed)

        def model(step):
            latent = rng.standard_normal((args.n, args.width))
            return [(latent + step * (l + 1) * rng.standard_normal((args.n, args.width))).astype(np.float32)
                    for l in range(args.layers)]
        a, b = model(0.3), model(0.5)
    threads = os.environ.get("OMP_NUM_THREADS") or os.environ.get("OPENBLAS_NUM_THREADS") or "default"
    print(f"numpy {np.__version__}: linear CKA {len(a)} x {len(b)} layers, n = {a[0].shape[0]}, "
          f"width = {a[0].shape[1]}, centred once, feature form per pair, BLAS threads {threads}")
    m32, t32 = matrix(a, b, np.float32)
    print(f"  numpy float32 : {t32:7.2f} s")
    m64 = None
    if not args.skip_float64:
        m64, t64 = matrix(a, b, np.float64)
        print(f"  numpy float64 : {t64:7.2f} s")
        print(f"      max |numpy float32 - numpy float64|: {np.abs(m32 - m64).max():.2e}")
    if args.dir:
        ref = m64 if m64 is not None else m32
        ref_name = "float64" if m64 is not None else "float32"
        for path in sorted(glob.glob(os.path.join(args.dir, "java-*.json"))):
            with open(path) as f:
                java = np.array(json.load(f)["matrix"])
            name = os.path.basename(path)[len("java-"):-len(".json")]
            print(f"      max |java {name} - numpy {ref_name}|: {np.abs(java - ref).max():.2e}")


if __name__ == "__main__":
    main()
