#!/usr/bin/env python3
"""PyTorch + scipy anchor for an edge-of-stability run: the work `lmw run` does for a full-batch GD
run of an MLP with sharpness and trace probes, done the way a researcher does it in Python.

Reads the resolved spec (spec.json) and the backend's exact inputs (inputs.npz: data and initial
parameters), both written by the backend's RunInputs program, and then, in the spec's dtype with
the spec's thread count:
- trains with full-batch gradient descent (half squared error summed over outputs, averaged over
  examples, as the backend's MSE), the update under torch.no_grad();
- every probes.metrics_every steps evaluates train and test loss, the gradient norm and per-layer
  weight norms and appends a JSON line to metrics.jsonl;
- every probes.sharpness.every steps computes the top-k Hessian eigenvalues over the first
  probes.sharpness.examples training examples with scipy.sparse.linalg.eigsh (ARPACK Lanczos,
  which='LA', tol = probes.sharpness.tolerance) on exact Hessian-vector products by double
  backpropagation, the gradient graph built once per measurement and reused by every product;
- every probes.trace.every steps estimates the Hessian trace with probes.trace.samples Rademacher
  products (Hutchinson) on the same graph;
- every probes.checkpoint_every steps saves the parameters with numpy.savez.
Prints the wall time (Python and torch start-up included, measured from the start of the process
by the caller), the number of Hessian-vector products and the last sharpness.

The product never needs Python. A venv with the CPU build of torch, numpy and scipy:
    python3 -m venv --system-site-packages V && V/bin/pip install --no-deps "torch==2.13.0+cpu"
usage: V/bin/python eos_torch.py <spec.json> <inputs.npz> <out folder>
"""
import json
import os
import sys
import time

import numpy as np
import scipy.sparse.linalg as sla
import torch

ACTIVATIONS = {"tanh": torch.tanh, "relu": torch.relu, "linear": lambda h: h}


def main():
    spec_path, inputs_path, out = sys.argv[1:4]
    with open(spec_path) as f:
        spec = json.load(f)
    model, optimizer, training, probes = spec["model"], spec["optimizer"], spec["training"], spec["probes"]
    if model["family"] != "mlp" or model.get("parameterization", "sp") != "sp" or optimizer["name"] != "gd":
        sys.exit("eos_torch.py: only SP MLPs trained with full-batch gd are supported")
    torch.set_num_threads(int(spec["execution"]["threads"]))
    dtype = torch.float64 if training["dtype"] == "float64" else torch.float32
    os.makedirs(out, exist_ok=True)
    inputs = np.load(inputs_path)
    x_train, y_train = (torch.from_numpy(inputs[k]).to(dtype) for k in ("x_train", "y_train"))
    x_test, y_test = (torch.from_numpy(inputs[k]).to(dtype) for k in ("x_test", "y_test"))
    names = [k[len("param/"):] for k in inputs.files if k.startswith("param/")]
    params = [torch.from_numpy(inputs["param/" + n]).to(dtype).requires_grad_(True) for n in names]
    act = ACTIVATIONS[model["activation"]]
    depth = int(model["depth"])
    bias = model.get("bias", True)

    def forward(x):
        h = x.reshape(x.shape[0], -1)
        step = 2 if bias else 1
        for i in range(depth + 1):
            h = h @ params[step * i]
            if bias:
                h = h + params[step * i + 1]
            if i < depth:
                h = act(h)
        return h

    def loss_of(x, y):
        diff = forward(x) - y
        return 0.5 * (diff * diff).sum() / x.shape[0]

    lr = float(optimizer["lr"])
    steps = int(training["steps"])
    sharp, trace = probes["sharpness"], probes["trace"]
    sharp_x, sharp_y = x_train[: int(sharp["examples"])], y_train[: int(sharp["examples"])]
    metrics = open(os.path.join(out, "metrics.jsonl"), "w")
    sharpness_file = open(os.path.join(out, "sharpness.jsonl"), "w")
    trace_file = open(os.path.join(out, "trace.jsonl"), "w")
    hvps = 0
    last_sharpness = None
    dim = sum(p.numel() for p in params)

    def hessian_probes(step):
        nonlocal hvps, last_sharpness
        loss = loss_of(sharp_x, sharp_y)
        flat = torch.cat([g.reshape(-1) for g in torch.autograd.grad(loss, params, create_graph=True)])
        count = [0]

        def hvp(v):
            count[0] += 1
            dot = flat @ torch.from_numpy(np.ascontiguousarray(v).reshape(-1)).to(dtype)
            hv = torch.autograd.grad(dot, params, retain_graph=True)
            return torch.cat([h.reshape(-1) for h in hv]).detach().to(torch.float64).numpy()

        operator = sla.LinearOperator((dim, dim), matvec=hvp, dtype=np.float64)
        if sharp["every"] > 0 and step % sharp["every"] == 0:
            v0 = np.random.default_rng(step).standard_normal(dim)
            values = sla.eigsh(operator, k=int(sharp["top_k"]), which="LA", tol=float(sharp["tolerance"]), v0=v0,
                               return_eigenvectors=False)
            last_sharpness = float(values.max())
            sharpness_file.write(json.dumps({"step": step, "eigenvalues": sorted(values.tolist(), reverse=True),
                                             "hvps": count[0], "threshold": 2 / lr}) + "\n")
            sharpness_file.flush()
        if trace["every"] > 0 and step % trace["every"] == 0:
            before = count[0]
            rng = np.random.default_rng(10_000 + step)
            samples = [float(z @ hvp(z)) for z in (rng.choice([-1.0, 1.0], dim) for _ in range(int(trace["samples"])))]
            trace_file.write(json.dumps({"step": step, "trace": float(np.mean(samples)),
                                         "hvps": count[0] - before}) + "\n")
            trace_file.flush()
        hvps += count[0]

    def record(step, grad_norm):
        with torch.no_grad():
            line = {"step": step, "train_loss": float(loss_of(x_train, y_train)),
                    "test_loss": float(loss_of(x_test, y_test)), "grad_norm": grad_norm,
                    "weight_norms": {n: float(p.norm()) for n, p in zip(names, params) if n.endswith("weight")}}
        metrics.write(json.dumps(line) + "\n")
        metrics.flush()

    def due(every, step):
        return every > 0 and step % every == 0

    record(0, None)
    hessian_probes(0)
    for t in range(steps):
        completed = t + 1
        loss = loss_of(x_train, y_train)
        grads = torch.autograd.grad(loss, params)
        grad_norm = float(torch.sqrt(sum((g * g).sum() for g in grads)))
        with torch.no_grad():
            for p, g in zip(params, grads):
                p.add_(g, alpha=-lr)
        if due(probes["metrics_every"], completed) or completed == steps:
            record(completed, grad_norm)
        if due(sharp["every"], completed) or due(trace["every"], completed):
            hessian_probes(completed)
        if due(probes["checkpoint_every"], completed) or completed == steps:
            np.savez(os.path.join(out, f"step-{completed}.npz"),
                     **{n: p.detach().numpy() for n, p in zip(names, params)})
    print(f"torch {torch.__version__} + scipy eigsh: {steps} steps, {hvps} Hessian-vector products, "
          f"last sharpness {last_sharpness:.4f} (2/lr = {2 / lr:.4f}), process time {time.process_time():.1f} s")


if __name__ == "__main__":
    main()
