#!/usr/bin/env python3
"""Plain numpy baseline for the linear CKA layer x layer benchmark (CkaBenchmark).

Computes the 12 x 12 matrix pair by pair with the feature form
||Y^T X||_F^2 / (||X^T X||_F ||Y^T Y||_F) on column-centred data, once in float32 and once in
float64, and prints the wall times. With --dir it reads a<i>.npy / b<i>.npy written by
`CkaBenchmark --npy-dir DIR` and compares every value with DIR/java.json.
"""
import argparse
import json
import os
import time

import numpy as np


def linear_cka(x, y):
    x = x - x.mean(axis=0, keepdims=True)
    y = y - y.mean(axis=0, keepdims=True)
    xy = np.linalg.norm(y.T @ x) ** 2
    return xy / (np.linalg.norm(x.T @ x) * np.linalg.norm(y.T @ y))


def matrix(a, b, dtype):
    a = [x.astype(dtype) for x in a]
    b = [y.astype(dtype) for y in b]
    start = time.perf_counter()
    out = np.array([[linear_cka(x, y) for y in b] for x in a], dtype=np.float64)
    return out, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", help="folder with a<i>.npy, b<i>.npy and java.json from CkaBenchmark")
    parser.add_argument("--layers", type=int, default=12)
    parser.add_argument("--n", type=int, default=4096)
    parser.add_argument("--width", type=int, default=1024)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-float64", action="store_true")
    args = parser.parse_args()
    if args.dir:
        a = [np.load(os.path.join(args.dir, f"a{i}.npy")) for i in range(args.layers)]
        b = [np.load(os.path.join(args.dir, f"b{i}.npy")) for i in range(args.layers)]
    else:
        rng = np.random.default_rng(args.seed)
        def model(step):
            latent = rng.standard_normal((args.n, args.width))
            return [(latent + step * (l + 1) * rng.standard_normal((args.n, args.width))).astype(np.float32)
                    for l in range(args.layers)]
        a, b = model(0.3), model(0.5)
    print(f"numpy {np.__version__}: linear CKA {len(a)} x {len(b)} layers, n = {a[0].shape[0]}, "
          f"width = {a[0].shape[1]}, per-pair loop")
    m32, t32 = matrix(a, b, np.float32)
    print(f"  float32 loop: {t32:7.2f} s")
    m64 = None
    if not args.skip_float64:
        m64, t64 = matrix(a, b, np.float64)
        print(f"  float64 loop: {t64:7.2f} s")
        print(f"  max |float32 - float64|: {np.abs(m32 - m64).max():.2e}")
    if args.dir and os.path.exists(os.path.join(args.dir, "java.json")):
        with open(os.path.join(args.dir, "java.json")) as f:
            java = np.array(json.load(f)["matrix"])
        ref = m64 if m64 is not None else m32
        print(f"  max |java - numpy {'float64' if m64 is not None else 'float32'}|: {np.abs(java - ref).max():.2e}")


if __name__ == "__main__":
    main()
