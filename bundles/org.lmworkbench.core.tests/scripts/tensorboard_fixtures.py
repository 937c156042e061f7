"""Writes the TensorBoard fixtures of the core tests (run once; the outputs are committed).

    PYTHONPATH=<folder with tensorboardX> <venv>/bin/python scripts/tensorboard_fixtures.py

Needs torch (2.13, CPU), tensorboard (2.21) and tensorboardX (2.6). Run from the test fragment's
root. Writes under resources/tensorboard/:

  torch/                   logs written by torch.utils.tensorboard.SummaryWriter: two runs in
                           sub-folders, simple_value and tensor (float and double) scalars, a text,
                           a histogram, and a restart that logs steps 5..9 a second time
  torch-expected.json      the points those writers were given, as float32 (or float64 for the
                           double-precision tag) values: {run: {tag: [[step, value, wall_time]]}}
                           with the value a later write at the same step wins for
  tensorboardx/            the same kind of log from tensorboardX's SummaryWriter
  tensorboardx-expected.json
  eventfilewriter/         what TensorBoard's own EventFileWriter writes for the events that the
                           export of run-eos/ must give, in the documented mapping (below),
                           implemented here independently of the Java code
  run-eos-expected.json    those points: [[tag, step, float32 value, wall_time]] in file order,
                           and the header's wall time

Mapping of a run folder to events (the Java export must agree byte for byte):
  header: wall_time = the run's start (status.json "started", else "created"), file_version
          "brain.Event:2", source_metadata.writer (EventFileWriter's own name here)
  spec:   step 0, wall_time = start, tag "spec", text plugin, a string tensor of shape [1]
          holding "```json\n" + spec.json stripped + "\n```"
  metrics.jsonl: one event per line, step = "step", wall_time = start + "wall_time" (start when
          absent), values in the line's key order: numbers and "NaN"/"Infinity"/"-Infinity" as
          simple_value (float32); an object {k: v} gives "<key>/<k>", an array "<key>/<i>" (from
          0); strings, booleans and nulls are not scalars; lines without a value are left out
  probes/<name>.jsonl in name order: the same, with tags "<name>/<key>", except that the arrays
          "eigenvalues" (or "lambda") and "residuals" give "<name>/lambda_<i>" and
          "<name>/residual_<i>" from 1; wall_time is that of the metrics line at the same or the
          closest earlier step, else the start
"""

import json
import os
import shutil
import sys
from decimal import Decimal
from datetime import datetime, timezone

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "tensorboard")
BASE_WALL = 1795000000.0  # 2026-11-18, a fixed clock so that the fixtures do not depend on today


def f32(x):
    return float(np.float32(x))


def only_event_file(folder):
    names = [n for n in os.listdir(folder) if "tfevents" in n]
    assert len(names) == 1, names
    return os.path.join(folder, names[0])


def rename_event_file(folder, new_name):
    """Writers put the host name and pid into the file name; fixtures get a stable name."""
    os.rename(only_event_file(folder), os.path.join(folder, new_name))


def reset(folder):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)


def write_torch():
    from torch.utils.tensorboard import SummaryWriter

    root = os.path.join(OUT, "torch")
    reset(root)
    expected = {}

    # run_a: two simple_value tags on different steps, a tensor-style float tag, a double one,
    # a text and a histogram (not scalars: skipped).
    points = {"loss/train": [], "accuracy": [], "lr": [], "loss/test": []}
    folder = os.path.join(root, "run_a")
    w = SummaryWriter(log_dir=folder)
    for step in range(50):
        wall = BASE_WALL + 0.5 * step
        loss = 2.0 * np.exp(-step / 15.0) + 0.01 * np.sin(step)
        w.add_scalar("loss/train", loss, step, walltime=wall)
        points["loss/train"].append([step, f32(loss), wall])
        lr = 0.1 * 0.97 ** step
        w.add_scalar("lr", lr, step, walltime=wall, new_style=True)
        points["lr"].append([step, f32(lr), wall])
        if step % 5 == 0:
            acc = 1.0 - np.exp(-step / 10.0) / 3.0
            w.add_scalar("accuracy", acc, step, walltime=wall + 0.25)
            points["accuracy"].append([step, f32(acc), wall + 0.25])
            test = 2.1 * np.exp(-step / 14.0) + 1e-9 * step
            w.add_scalar("loss/test", test, step, walltime=wall + 0.25, new_style=True, double_precision=True)
            points["loss/test"].append([step, float(test), wall + 0.25])
        if step % 10 == 0:
            w.add_histogram("weights", np.linspace(-1, 1, 64) * (1 + step / 50), step, walltime=wall)
    w.add_text("notes", "lr 0.1, **decayed** by 0.97 a step", 0, walltime=BASE_WALL)
    w.close()
    rename_event_file(folder, "events.out.tfevents.1795000000.fixture.101.0")
    expected["run_a"] = points

    # run_b: a restart: steps 0..9, then 5..14 again with other values; the later ones count.
    folder = os.path.join(root, "run_b")
    w = SummaryWriter(log_dir=folder)
    latest = {}
    for step in list(range(10)) + list(range(5, 15)):
        first = step not in latest
        wall = BASE_WALL + 100 + step + (0 if first else 50)
        value = 1.0 / (step + 1) if first else 1.0 / (step + 2)
        w.add_scalar("loss", value, step, walltime=wall)
        latest[step] = [step, f32(value), wall]
    w.close()
    rename_event_file(folder, "events.out.tfevents.1795000100.fixture.102.0")
    expected["run_b"] = {"loss": [latest[s] for s in sorted(latest)]}

    with open(os.path.join(OUT, "torch-expected.json"), "w") as f:
        json.dump(expected, f)
        f.write("\n")


def write_tensorboardx():
    from tensorboardX import SummaryWriter

    folder = os.path.join(OUT, "tensorboardx")
    reset(folder)
    w = SummaryWriter(logdir=folder)
    points = {"train/loss": [], "grad_norm": []}
    for step in range(0, 200, 4):
        wall = BASE_WALL + 1000 + step
        loss = 1.0 / (1 + 0.05 * step)
        w.add_scalar("train/loss", loss, step, walltime=wall)
        points["train/loss"].append([step, f32(loss), wall])
        norm = 3.0 * np.cos(step / 30.0) ** 2
        w.add_scalar("grad_norm", norm, step, walltime=wall)
        points["grad_norm"].append([step, f32(norm), wall])
    w.add_text("config", "width: 128", 0, walltime=BASE_WALL + 1000)
    w.close()
    rename_event_file(folder, "events.out.tfevents.1795001000.fixture.103.0")
    with open(os.path.join(OUT, "tensorboardx-expected.json"), "w") as f:
        json.dump({".": points}, f)
        f.write("\n")


def epoch_seconds(iso):
    """The instant as a correctly rounded double, like Java's BigDecimal route (any fraction length)."""
    text = iso.rstrip("Z")
    main, _, fraction = text.partition(".")
    whole = datetime.fromisoformat(main).replace(tzinfo=timezone.utc)
    seconds = Decimal(int(whole.timestamp())) + (Decimal("0." + fraction) if fraction else 0)
    return float(seconds)


SPECIAL = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


def scalar(v):
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        return SPECIAL.get(v)
    return None


def flatten(record, prefix, probe):
    out = []
    for key, value in record.items():
        if key in ("step", "wall_time"):
            continue
        if isinstance(value, dict):
            for k, v in value.items():
                s = scalar(v)
                if s is not None:
                    out.append((prefix + key + "/" + k, s))
        elif isinstance(value, list):
            named = {"eigenvalues": "lambda_", "lambda": "lambda_", "residuals": "residual_"}
            for i, v in enumerate(value):
                s = scalar(v)
                if s is None:
                    continue
                if probe and key in named:
                    out.append((prefix + named[key] + str(i + 1), s))
                else:
                    out.append((prefix + key + "/" + str(i), s))
        else:
            s = scalar(value)
            if s is not None:
                out.append((prefix + key, s))
    return out


def read_lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def write_eventfilewriter():
    from tensorboard.compat.proto import event_pb2, summary_pb2, tensor_pb2, tensor_shape_pb2
    from tensorboard.summary.writer import event_file_writer

    run = os.path.join(OUT, "run-eos")
    with open(os.path.join(run, "status.json")) as f:
        status = json.load(f)
    start = epoch_seconds(status.get("started") or status["created"])

    events = []
    expected = []
    with open(os.path.join(run, "spec.json")) as f:
        spec = f.read()
    text = summary_pb2.Summary.Value(
        tag="spec",
        metadata=summary_pb2.SummaryMetadata(plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="text")),
        tensor=tensor_pb2.TensorProto(
            dtype="DT_STRING",
            tensor_shape=tensor_shape_pb2.TensorShapeProto(dim=[tensor_shape_pb2.TensorShapeProto.Dim(size=1)]),
            string_val=[("```json\n" + spec.strip() + "\n```").encode("utf-8")]))
    events.append(event_pb2.Event(wall_time=start, step=0, summary=summary_pb2.Summary(value=[text])))

    walls = {}

    def add(record, prefix, probe, wall):
        values = flatten(record, prefix, probe)
        if not values:
            return
        summary = summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag=t, simple_value=v) for t, v in values])
        events.append(event_pb2.Event(wall_time=wall, step=record["step"], summary=summary))
        for t, v in values:
            expected.append([t, record["step"], f32(v), wall])

    for record in read_lines(os.path.join(run, "metrics.jsonl")):
        wall = start + record["wall_time"] if "wall_time" in record else start
        walls[record["step"]] = wall
        add(record, "", False, wall)
    probes = os.path.join(run, "probes")
    for name in sorted(n for n in os.listdir(probes) if n.endswith(".jsonl")):
        for record in read_lines(os.path.join(probes, name)):
            earlier = [s for s in walls if s <= record["step"]]
            wall = walls[max(earlier)] if earlier else start
            add(record, name[: -len(".jsonl")] + "/", True, wall)

    folder = os.path.join(OUT, "eventfilewriter")
    reset(folder)
    real_time = event_file_writer.time.time
    event_file_writer.time.time = lambda: start  # the header's wall time is the run's start
    try:
        w = event_file_writer.EventFileWriter(folder)
    finally:
        event_file_writer.time.time = real_time
    for e in events:
        w.add_event(e)
    w.close()
    rename_event_file(folder, "events.out.tfevents.1795002000.fixture.104.0")
    with open(os.path.join(OUT, "run-eos-expected.json"), "w") as f:
        json.dump({"header_wall_time": start, "points": expected}, f)
        f.write("\n")


if __name__ == "__main__":
    write_torch()
    write_tensorboardx()
    write_eventfilewriter()
    print("fixtures written to", os.path.normpath(OUT), file=sys.stderr)
