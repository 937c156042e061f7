#!/usr/bin/env bash
# Sweep benchmark: the product's `lmw sweep` of the example project's mup-transfer sweep (12 runs of
# 20 steps, activations of both hidden layers at every step) and of a 48-run variant (the same grid
# over 4 seeds), with --parallel 2 and --parallel 1, against ONE PyTorch process training the same
# runs one after another (sweep_torch.py; its whole wall time, Python and torch start-up included),
# side by side in one session. Each measurement waits for a quiet machine (1-minute load below
# LMW_BENCH_MAX_LOAD, polled within a budget of LMW_BENCH_WAIT seconds for the whole benchmark) and
# is repeated; medians and ratios
# to PyTorch are printed, with the load at the start of each measurement.
#
# The first `lmw sweep` after an installation resolves the backend's class path from the manifests
# and records the workers' class-data-sharing archive; it is timed separately ("first use") with an
# empty cache folder (XDG_CACHE_HOME points at a scratch folder for the whole benchmark).
#
# usage: sweep-benchmark.sh [repetitions=3]
# Build the product first:  ./mvnw -B -q verify -DskipTests
# Environment: LMW_PRODUCT (product folder holding lmw; default: this build's), LMW_TORCH_PYTHON (a
# python with torch, see sweep_torch.py for how to make a venv; default python3), LMW_BENCH_MAX_LOAD
# (1.5), LMW_BENCH_WAIT (1200 s), JAVA_HOME or LMW_JAVA (Java 21+, as for lmw).
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
REPS="${1:-3}"
PRODUCT="${LMW_PRODUCT:-$ROOT/releng/org.lmworkbench.product/target/products/org.lmworkbench.product/linux/gtk/x86_64/lmworkbench}"
PY="${LMW_TORCH_PYTHON:-python3}"
MAX_LOAD="${LMW_BENCH_MAX_LOAD:-1.5}"
WAIT="${LMW_BENCH_WAIT:-1200}"
SPEC="$ROOT/bundles/org.lmworkbench.core/src/org/lmworkbench/core/spec/mup-transfer.lmx"

[ -x "$PRODUCT/lmw" ] || { echo "sweep-benchmark: no product at $PRODUCT; build it: ./mvnw -B -q verify -DskipTests" >&2; exit 2; }
"$PY" -c "import torch, numpy" 2>/dev/null || {
    echo "sweep-benchmark: $PY cannot import torch; make a venv (see releng/benchmarks/sweep_torch.py):" >&2
    echo "  python3 -m venv --system-site-packages ~/lmw-bench-venv && ~/lmw-bench-venv/bin/pip install --index-url https://download.pytorch.org/whl/cpu torch numpy" >&2
    echo "then run with LMW_TORCH_PYTHON=~/lmw-bench-venv/bin/python" >&2
    exit 2
}

WORK="$(mktemp -d "${TMPDIR:-/tmp}/lmw-sweep-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export XDG_CACHE_HOME="$WORK/cache"
cp "$SPEC" "$WORK/mup12.lmx"
"$PY" - "$SPEC" "$WORK/mup48.lmx" <<'EOF'
import json, sys
spec = json.load(open(sys.argv[1]))
spec["name"] = "mup-seeds"
spec["sweep"]["seed"] = [0, 1, 2, 3]
json.dump(spec, open(sys.argv[2], "w"), indent=2)
EOF

load() { cut -d' ' -f1 /proc/loadavg; }

# Waits until the 1-minute load is below MAX_LOAD, from a budget of WAIT seconds for the whole
# benchmark; once the budget is spent, measurements go on at whatever the load is (and say so).
wait_quiet() {
    while awk -v l="$(load)" -v m="$MAX_LOAD" 'BEGIN { exit !(l >= m) }'; do
        if [ "$WAIT" -le 0 ]; then
            return
        fi
        sleep 10
        WAIT=$((WAIT - 10))
        [ "$WAIT" -le 0 ] && echo "sweep-benchmark: load $(load) still >= $MAX_LOAD; measuring anyway" >&2
    done
}

# Wall seconds of one command (its output goes to $WORK/last.log); fails the benchmark if it fails.
seconds() {
    local start end
    start=$(date +%s%N)
    if ! "$@" >"$WORK/last.log" 2>&1; then
        echo "sweep-benchmark: failed: $*" >&2
        tail -n 20 "$WORK/last.log" >&2
        exit 1
    fi
    end=$(date +%s%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run_torch() { rm -rf "$WORK/out"; seconds "$PY" "$HERE/sweep_torch.py" "$1" --out "$WORK/out"; }
run_lmw() { rm -rf "$WORK/out"; seconds "$PRODUCT/lmw" sweep "$1" --out "$WORK/out" --parallel "$2"; }

echo "sweep benchmark: $(nproc) cores, product $PRODUCT, $("$PY" -c 'import torch; print("torch", torch.__version__)')"
rm -f "$PRODUCT"/configuration/org.lmworkbench.backend/classpath-* 2>/dev/null || true
wait_quiet
first_load=$(load)
first=$(run_lmw "$WORK/mup12.lmx" 2)
echo "first use (class path resolved, class-data archive recorded): lmw sweep mup-transfer --parallel 2: $first s (load $first_load)"

declare -A results
for spec in mup12 mup48; do
    for ((r = 1; r <= REPS; r++)); do
        for what in torch p2 p1; do
            wait_quiet
            l=$(load)
            case "$what" in
                torch) s=$(run_torch "$WORK/$spec.lmx") ;;
                p2) s=$(run_lmw "$WORK/$spec.lmx" 2) ;;
                p1) s=$(run_lmw "$WORK/$spec.lmx" 1) ;;
            esac
            echo "  $spec $what repetition $r: $s s (load $l)"
            results[$spec.$what]="${results[$spec.$what]:-} $s"
        done
    done
done

echo
printf '%-22s %12s %16s %8s %16s %8s\n' "sweep" "PyTorch (s)" "lmw -p 2 (s)" "ratio" "lmw -p 1 (s)" "ratio"
for spec in mup12 mup48; do
    t=$(echo "${results[$spec.torch]}" | median)
    p2=$(echo "${results[$spec.p2]}" | median)
    p1=$(echo "${results[$spec.p1]}" | median)
    name=$([ "$spec" = mup12 ] && echo "mup-transfer (12 runs)" || echo "mup-seeds (48 runs)")
    printf '%-22s %12.2f %16.2f %8.2f %16.2f %8.2f\n' "$name" "$t" "$p2" "$(awk -v a="$p2" -v b="$t" 'BEGIN { print a / b }')" \
        "$p1" "$(awk -v a="$p1" -v b="$t" 'BEGIN { print a / b }')"
done
echo "medians of $REPS repetitions; ratio = lmw / PyTorch (below 1: lmw is faster)"
