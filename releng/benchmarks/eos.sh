#!/usr/bin/env bash
# An edge-of-stability run end to end: `lmw run` of the backend (a fresh JVM, libtorch load, training,
# sharpness by Lanczos every 25 steps, trace, metrics, checkpoints) against PyTorch + scipy's eigsh
# doing the same work on the same data and initial parameters (eos_torch.py, Python and torch start-up
# included), one after the other in each run; then both wall times, their Hessian-vector product
# counts and last sharpness, and the ratio.
#
# usage: eos.sh [runs=1] [spec=bundles/org.lmworkbench.backend/examples/eos-tanh-mlp.lmx] [run index=0]
# Build first: ./mvnw -B -q -o verify -DskipTests -pl bundles/org.lmworkbench.backend.tests -am
# Environment: LMW_PYTHON (a Python with the CPU build of torch, numpy and scipy; see
# bench-common.sh), and those of run-benchmark.sh.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
. "$HERE/bench-common.sh"
RUNS="${1:-1}"
SPEC="${2:-$ROOT/bundles/org.lmworkbench.backend/examples/eos-tanh-mlp.lmx}"
INDEX="${3:-0}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# The spec says one thread; the anchor's BLAS (scipy) gets one too.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

"$HERE/run-benchmark.sh" org.lmworkbench.backend.tests org.lmworkbench.backend.bench.RunInputs "$SPEC" "$INDEX" "$WORK"
now() { date +%s.%N; }
backend=(); anchor=()
for run in $(seq 1 "$RUNS"); do
    echo "== run $run of $RUNS, load $(load1)"
    rm -rf "$WORK/backend" "$WORK/torch"
    start="$(now)"
    "$HERE/run-benchmark.sh" org.lmworkbench.backend.tests org.lmworkbench.backend.cli.Main run "$WORK/spec.json" \
        --out "$WORK/backend" --threads 1 > "$WORK/backend.txt"
    b="$(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }')"
    "$PYTHON" - "$WORK/backend" <<'PY'
import json, os, sys
run = sys.argv[1]
def lines(name):
    path = os.path.join(run, "probes", name)
    return [json.loads(l) for l in open(path)] if os.path.exists(path) else []
sharp, trace = lines("sharpness.jsonl"), lines("trace.jsonl")
hvps = sum(l.get("hvp_count", l.get("hvps", 0)) for l in sharp + trace)
last = sharp[-1]
print(f"backend (lmw run): {len(sharp)} sharpness and {len(trace)} trace measurements, {hvps} Hessian-vector "
      f"products, last sharpness {max(last['eigenvalues']):.4f}")
PY
    start="$(now)"
    "$PYTHON" "$HERE/eos_torch.py" "$WORK/spec.json" "$WORK/inputs.npz" "$WORK/torch"
    a="$(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }')"
    echo "   wall time: backend $b s, PyTorch + scipy $a s; load after the run $(load1)"
    backend+=("$b"); anchor+=("$a")
done
b="$(median "${backend[@]}")"; a="$(median "${anchor[@]}")"
echo "== median of $RUNS run(s): backend $b s, PyTorch + scipy $a s, PyTorch / backend = $(awk -v x="$a" -v y="$b" 'BEGIN { printf "%.2f", x / y }')"
