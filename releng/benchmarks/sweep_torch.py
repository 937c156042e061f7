"""PyTorch anchor of the sweep benchmark: the runs of a workbench sweep spec trained by ONE Python
process, one after another, doing the work `lmw sweep` does for the same spec.

Supported: MLP (relu/tanh/linear) in SP or muP with Adam, teacher-student data, full-batch steps,
metrics every `probes.metrics_every` steps (loss on the whole training and held-out sets, gradient
norm, per-layer weight norm and relative change), activations of every hidden layer on the probe
subset every `probes.activations.every` steps (one .npy per layer and step), a checkpoint (.npz
with parameters and Adam state) at the end, status.json at start and end. Numbers differ from the
backend's (other random generators); the work per run is the same.

usage: python sweep_torch.py <spec.lmx> --out <dir>
Wall time is measured by the caller (sweep-benchmark.sh) around the whole process, Python and torch
start-up included. Make a venv with a CPU build of torch once:
    python3 -m venv --system-site-packages ~/lmw-bench-venv
    ~/lmw-bench-venv/bin/pip install --index-url https://download.pytorch.org/whl/cpu torch numpy
The product itself never needs Python.
"""
import argparse
import itertools
import json
import math
import os
import time

import numpy as np
import torch

TEACHER_WIDTH = 64


def expand(spec):
    """Sweep points in the workbench's order: first key outermost, last key fastest."""
    sweep = spec.get("sweep", {})
    keys = list(sweep)
    base = {k: v for k, v in spec.items() if k != "sweep"}
    count = math.prod(len(sweep[k]) for k in keys)
    digits = max(3, len(str(max(count - 1, 0))))
    runs = []
    for index, values in enumerate(itertools.product(*(sweep[k] for k in keys))):
        run = json.loads(json.dumps(base))
        for key, value in zip(keys, values):
            node = run
            parts = key.split(".")
            for p in parts[:-1]:
                node = node.setdefault(p, {})
            node[parts[-1]] = value
        run_id = "%s-%0*d" % (spec["name"], digits, index) if keys else spec["name"]
        runs.append((run_id, run))
    return runs


def teacher_student(data, seed):
    rng = np.random.default_rng(seed)
    d, k = data.get("input_dim", 32), data.get("output_dim", 1)
    n = data.get("n_train", 1000) + data.get("n_test", 1000)
    w1 = rng.normal(0, 1 / math.sqrt(d), (d, TEACHER_WIDTH))
    w2 = rng.normal(0, 1 / math.sqrt(TEACHER_WIDTH), (TEACHER_WIDTH, k))
    x = rng.normal(0, 1, (n, d))
    y = np.tanh(x @ w1) @ w2
    return x, y


def train(run_id, spec, out):
    folder = os.path.join(out, "runs", run_id)
    os.makedirs(folder)
    with open(os.path.join(folder, "spec.json"), "w") as f:
        json.dump(spec, f, indent=2)
    status = {"state": "running", "started": time.time()}
    with open(os.path.join(folder, "status.json"), "w") as f:
        json.dump(status, f)

    model, data, opt = spec["model"], spec.get("data", {}), spec["optimizer"]
    probes, steps = spec.get("probes", {}), spec["training"]["steps"]
    seed = spec.get("seed", 0)
    torch.manual_seed(seed)
    x, y = teacher_student(data, seed)
    n_train = data.get("n_train", 1000)
    x_train = torch.tensor(x[:n_train], dtype=torch.float32)
    y_train = torch.tensor(y[:n_train], dtype=torch.float32)
    x_test = torch.tensor(x[n_train:], dtype=torch.float32)
    y_test = torch.tensor(y[n_train:], dtype=torch.float32)
    x_probe = x_train[: data.get("probe_size", 256)]

    width, depth = model["width"], model.get("depth", 2)
    mup = model.get("parameterization", "sp") == "mup"
    m = width / model.get("base_width", width) if mup else 1.0
    act = {"relu": torch.relu, "tanh": torch.tanh, "linear": lambda t: t}[model.get("activation", "relu")]
    dims = [x.shape[1]] + [width] * depth + [y.shape[1]]
    params, groups = [], []
    for i in range(len(dims) - 1):
        w = torch.randn(dims[i], dims[i + 1]) / math.sqrt(dims[i])
        b = torch.zeros(dims[i + 1])
        w.requires_grad_(True)
        b.requires_grad_(True)
        params += [w, b]
        hidden = 0 < i < len(dims) - 2
        # muP with Adam: hidden (matrix-like) weights learn at lr / m, the rest at lr.
        groups.append({"params": [w], "lr": opt["lr"] / m if hidden else opt["lr"]})
        groups.append({"params": [b], "lr": opt["lr"]})
    initial = [p.detach().clone() for p in params]
    optimizer = torch.optim.Adam(groups, lr=opt["lr"], betas=(opt.get("beta1", 0.9), opt.get("beta2", 0.999)),
                                 eps=opt.get("eps", 1e-8))

    def forward(inputs, sink=None):
        h = inputs
        for i in range(0, len(params) - 2, 2):
            h = act(h @ params[i] + params[i + 1])
            if sink is not None:
                sink.append(h)
        return (h @ params[-2] + params[-1]) / m

    def loss_of(inputs, targets):
        return 0.5 * ((forward(inputs) - targets) ** 2).sum(dim=1).mean()

    every = probes.get("metrics_every", 10)
    capture = probes.get("activations", {}).get("every", 0)
    metrics = open(os.path.join(folder, "metrics.jsonl"), "w")
    start = time.time()

    def record(step, batch_loss=None, grad_norm=None):
        with torch.no_grad():
            line = {"step": step, "train_loss": loss_of(x_train, y_train).item(),
                    "test_loss": loss_of(x_test, y_test).item()}
            if batch_loss is not None:
                line.update(batch_loss=batch_loss, grad_norm=grad_norm, lr=opt["lr"])
            line["weight_norm"] = {"layer%d" % (i // 2): params[i].norm().item() for i in range(0, len(params), 2)}
            line["rel_change"] = {"layer%d" % (i // 2): ((params[i] - initial[i]).norm() / initial[i].norm()).item()
                                  for i in range(0, len(params), 2)}
            line["wall_time"] = time.time() - start
        metrics.write(json.dumps(line) + "\n")
        metrics.flush()

    def activations(step):
        sink = []
        with torch.no_grad():
            forward(x_probe, sink)
        where = os.path.join(folder, "activations", "step-%d" % step)
        os.makedirs(where, exist_ok=True)
        for i, h in enumerate(sink):
            np.save(os.path.join(where, "hidden%d.npy" % (i + 1)), h.numpy())

    record(0)
    if capture:
        activations(0)
    for t in range(steps):
        optimizer.zero_grad()
        loss = loss_of(x_train, y_train)
        loss.backward()
        completed = t + 1
        log_now = completed % every == 0 or completed == steps
        grad_norm = math.sqrt(sum(float((p.grad ** 2).sum()) for p in params)) if log_now else None
        optimizer.step()
        if log_now:
            record(completed, loss.item(), grad_norm)
        if capture and completed % capture == 0:
            activations(completed)
    metrics.close()
    arrays = {"param/%d" % i: p.detach().numpy() for i, p in enumerate(params)}
    for i, p in enumerate(params):
        state = optimizer.state[p]
        arrays["opt/%d/m" % i] = state["exp_avg"].numpy()
        arrays["opt/%d/v" % i] = state["exp_avg_sq"].numpy()
    os.makedirs(os.path.join(folder, "checkpoints"))
    np.savez(os.path.join(folder, "checkpoints", "step-%d.npz" % steps), **arrays)
    status.update(state="completed", ended=time.time(), last_step=steps)
    with open(os.path.join(folder, "status.json"), "w") as f:
        json.dump(status, f)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spec")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    with open(args.spec) as f:
        spec = json.load(f)
    for run_id, run in expand(spec):
        train(run_id, run, args.out)


if __name__ == "__main__":
    main()
