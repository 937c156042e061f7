"""Reads an exported event file with TensorBoard's own EventAccumulator and compares every scalar
with run-eos-expected.json (a development check, not run by the tests):

    <venv with tensorboard>/bin/python scripts/check_export_with_tensorboard.py <export folder of run-eos> \
        resources/tensorboard/run-eos-expected.json
"""
import json, math, sys
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.plugins.text import metadata as text_metadata
from tensorboard.util import tensor_util
logdir, expected_file = sys.argv[1], sys.argv[2]
expected = json.load(open(expected_file))["points"]
ea = EventAccumulator(logdir, size_guidance={"scalars": 0, "tensors": 0})
ea.Reload()
got = {}
for tag in ea.Tags()["scalars"]:
    for s in ea.Scalars(tag):
        got.setdefault(tag, []).append((s.step, s.value, s.wall_time))
want = {}
for tag, step, value, wall in expected:
    want.setdefault(tag, []).append((step, value, wall))
def same(a, b):
    return all(x[0] == y[0] and (x[1] == y[1] or (math.isnan(x[1]) and math.isnan(y[1]))) and x[2] == y[2] for x, y in zip(a, b)) and len(a) == len(b)
bad = [t for t in want if not same(want[t], got.get(t, []))]
print("tags", len(got), "expected", len(want), "points", sum(map(len, got.values())), "expected", len(expected))
print("mismatching tags:", bad, "extra tags:", sorted(set(got) - set(want)))
spec = ea.Tensors("spec")[0]
print("spec text plugin:", ea.SummaryMetadata("spec").plugin_data.plugin_name, "step", spec.step,
      "starts", repr(tensor_util.make_ndarray(spec.tensor_proto).item()[:20]))
print("file version / first event wall", ea.FirstEventTimestamp())
