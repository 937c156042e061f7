#!/usr/bin/env python3
"""PyTorch eager anchor for the backend's TrainingBenchmark: the same training step, written the way
a PyTorch user writes it.

784-512-512-10 ReLU MLP (nn.Linear layers, weights N(0, 1/fan_in), zero biases), batch 128 sliced
in turn from a pool of 1024 uniform inputs with random labels, softmax cross entropy, backward,
the loss read back as a Python float every step (the backend reads it for its divergence check),
then a manual SGD update under torch.no_grad() and zero_grad(). One intra-op thread by default.
Prints steps/s by wall time and per CPU second of the training thread, in float32 and float64.

The product never needs Python. A venv for this script (CPU build of torch):
    python3 -m venv --system-site-packages V && V/bin/pip install --no-deps "torch==2.13.0+cpu"
usage: V/bin/python training_step_torch.py [steps=5000] [threads=1]
"""
import sys
import time

import torch
import torch.nn.functional as F

BATCH = 128
POOL = 1024
LR = 0.01


def mlp(dtype):
    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 512), torch.nn.ReLU(),
        torch.nn.Linear(512, 512), torch.nn.ReLU(),
        torch.nn.Linear(512, 10)).to(dtype)
    with torch.no_grad():
        for layer in model:
            if isinstance(layer, torch.nn.Linear):
                layer.weight.normal_(0, layer.in_features ** -0.5)
                layer.bias.zero_()
    return model


def run(dtype, steps):
    model = mlp(dtype)
    params = list(model.parameters())
    gen = torch.Generator().manual_seed(1)
    xs = torch.rand(POOL, 784, generator=gen, dtype=torch.float64).to(dtype)
    ys = torch.randint(0, 10, (POOL,), generator=gen)
    warmup = min(200, steps // 10)
    start = cpu_start = 0.0
    loss = 0.0
    for t in range(warmup + steps):
        if t == warmup:
            start, cpu_start = time.perf_counter(), time.thread_time()
        lo = (t * BATCH) % POOL
        out = model(xs[lo:lo + BATCH])
        value = F.cross_entropy(out, ys[lo:lo + BATCH])
        value.backward()
        loss = value.item()
        with torch.no_grad():
            for p in params:
                p.add_(p.grad, alpha=-LR)
        model.zero_grad()
    seconds = time.perf_counter() - start
    cpu_seconds = time.thread_time() - cpu_start
    name = str(dtype).replace("torch.", "")
    print(f"torch MLP 784-512-512-10 batch {BATCH} {name}: {steps / seconds:.1f} steps/s wall "
          f"({steps / cpu_seconds:.1f} per thread-CPU s) over {steps} steps, loss {loss:.4f}", flush=True)


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    print(f"torch {torch.__version__}, threads={torch.get_num_threads()}", flush=True)
    for dtype in (torch.float32, torch.float64):
        run(dtype, steps)


if __name__ == "__main__":
    main()
