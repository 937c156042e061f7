#!/usr/bin/env python3
"""Writes the fixture of TransferQualityTest: a synthetic width x learning-rate x seed sweep and the
transfer-quality numbers computed from it with numpy.

Run once from this folder (python3 + numpy); the outputs are committed beside the test class:
  ../src/org/lmworkbench/analysis/transfer/transfer-quality-sweep.csv
  ../src/org/lmworkbench/analysis/transfer/transfer-quality-expected.json

Sweep: widths 64..2048, log2 lr -12..-4, seeds 0..2, loss
  2 + 4 w^-1/2 + 0.06 (log2 lr - m(w))^2 + N(0, 0.003^2),  m(w) = -6.3 - 0.45 log2(w/64) + 0.1 sin(log2 w)
(the optimum drifts with width, as under the standard parameterization); a run diverges when
log2 lr >= m(w) + 4.5, one more seed diverges at width 512, lr 2^-4, and width 256 has no run at 2^-12.

Definitions (per width, cells are means over seeds, +inf when any seed diverged):
  GRID:      own = min finite cell; transferred = cell at the smallest width's argmin.
  QUADRATIC: the smallest width's optimum refined by the parabola through its grid minimum and two
             neighbours (vertex of the Newton form; the middle point if it does not open upwards; no
             refinement at a grid edge or next to a non-finite cell); own = refined minimum where
             refined, else grid minimum; transferred = parabola through the 3 grid points nearest the
             transferred log2 lr (centred on the nearest, moved inwards at grid edges) evaluated there.
  The smallest width's transferred loss is its own optimum's (it transfers to itself).
  suboptimality = transferred - own; gap = own - own(widest).
  Power laws: least squares of log y on log width over finite y > 0, slope standard error
  sqrt(SSE / (m - 2) / Sxx).
"""
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "org", "lmworkbench", "analysis", "transfer")

widths = np.array([64, 128, 256, 512, 1024, 2048], dtype=float)
log2lr = np.arange(-12, -3, dtype=float)
seeds = [0, 1, 2]
rng = np.random.default_rng(20261207)


def optimum(w):
    return -6.3 - 0.45 * math.log2(w / 64) + 0.1 * math.sin(math.log2(w))


rows = []
for w in widths:
    for x in log2lr:
        for s in seeds:
            if w == 256 and x == -12:
                continue
            m = optimum(w)
            loss = 2 + 4 * w ** -0.5 + 0.06 * (x - m) ** 2 + rng.normal(0, 0.003)
            diverged = x >= m + 4.5 or (w == 512 and x == -4 and s == 2)
            rows.append((f"w{int(w)}-lr{int(x)}-s{s}", float(w), float(2.0 ** x), s, float(loss), bool(diverged)))

with open(os.path.join(OUT, "transfer-quality-sweep.csv"), "w") as f:
    f.write("run_id,width,lr,seed,loss,diverged\n")
    for r in rows:
        f.write(f"{r[0]},{r[1]!r},{r[2]!r},{r[3]},{'inf' if r[5] else repr(r[4])},{str(r[5]).lower()}\n")

# the table: mean over seeds, +inf if any seed diverged, NaN where no run
table = np.full((len(widths), len(log2lr)), np.nan)
for i, w in enumerate(widths):
    for j, x in enumerate(log2lr):
        cell = [r for r in rows if r[1] == w and r[2] == 2.0 ** x]
        if not cell:
            continue
        table[i, j] = np.inf if any(r[5] for r in cell) else np.mean([r[4] for r in cell])


def vertex(x0, y0, x1, y1, x2, y2):
    d1 = (y1 - y0) / (x1 - x0)
    d2 = (y2 - y1) / (x2 - x1)
    a = (d2 - d1) / (x2 - x0)
    if a <= 0:
        return x1, y1
    xv = (x0 + x1) / 2 - d1 / (2 * a)
    return xv, y0 + d1 * (xv - x0) + a * (xv - x0) * (xv - x1)


def grid_argmin(y):
    finite = np.where(np.isfinite(y), y, np.inf)
    return int(np.argmin(finite)) if np.isfinite(finite).any() else -1


def refined(y):
    k = grid_argmin(y)
    if k <= 0 or k == len(y) - 1 or not (np.isfinite(y[k - 1]) and np.isfinite(y[k + 1])):
        return None
    return vertex(log2lr[k - 1], y[k - 1], log2lr[k], y[k], log2lr[k + 1], y[k + 1])


def parabola_at(y, t):
    nearest = int(np.argmin(np.abs(log2lr - t)))
    if log2lr[nearest] == t:
        return y[nearest]
    if y[nearest] == np.inf:
        return np.inf
    c = min(max(nearest, 1), len(y) - 2)
    xs, ys = log2lr[c - 1:c + 2], y[c - 1:c + 2]
    if not np.isfinite(ys).all():
        return np.nan
    coefficients = np.polyfit(xs, ys, 2)
    return float(np.polyval(coefficients, t))


def power_law(x, y):
    keep = np.isfinite(y) & (y > 0)
    lx, ly = np.log(x[keep]), np.log(y[keep])
    m = len(lx)
    if m < 2:
        return {"exponent": None, "error": None, "prefactor": None, "points": m}
    slope, intercept = np.polyfit(lx, ly, 1)
    error = None
    if m > 2:
        sse = np.sum((ly - (slope * lx + intercept)) ** 2)
        error = math.sqrt(sse / (m - 2) / np.sum((lx - lx.mean()) ** 2))
    return {"exponent": float(slope), "error": error, "prefactor": float(math.exp(intercept)), "points": m}


def as_json(v):
    return None if np.isnan(v) else ("inf" if v == np.inf else float(v))


expected = {}
for mode in ("GRID", "QUADRATIC"):
    k0 = grid_argmin(table[0])
    if mode == "GRID":
        t = log2lr[k0]
        own = np.array([table[i, grid_argmin(table[i])] for i in range(len(widths))])
        transferred = table[:, k0]
    else:
        r0 = refined(table[0])
        t = r0[0] if r0 else log2lr[k0]
        own = np.array([(refined(table[i]) or (None, table[i, grid_argmin(table[i])]))[1]
                        for i in range(len(widths))])
        transferred = np.array([parabola_at(table[i], t) for i in range(len(widths))])
    transferred[0] = own[0]  # the smallest width transfers to itself
    sub = transferred - own
    gap = own - own[-1]
    expected[mode] = {
        "transferLog2Lr": float(t),
        "rows": [{"width": float(w), "ownLoss": as_json(o), "transferredLoss": as_json(tr),
                  "suboptimality": as_json(s), "gap": as_json(g)}
                 for w, o, tr, s, g in zip(widths, own, transferred, sub, gap)],
        "suboptimality": power_law(widths, sub),
        "gap": power_law(widths, gap),
    }

with open(os.path.join(OUT, "transfer-quality-expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
    f.write("\n")
print(json.dumps({m: {k: expected[m][k] for k in ("transferLog2Lr", "suboptimality", "gap")} for m in expected}, indent=1))
