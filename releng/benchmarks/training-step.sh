#!/usr/bin/env bash
# The training step (784-512-512-10 ReLU MLP, batch 128, cross entropy, SGD, one thread) of the
# backend (TrainingBenchmark, through the same StepRunner as training) and of PyTorch eager
# (training_step_torch.py) one after the other in each run; then steps/s and the ratio
# backend / PyTorch in float32 and float64, by wall time and by CPU time of the training thread.
#
# usage: training-step.sh [runs=1] [steps=3000]
# Build first: ./mvnw -B -q -o verify -DskipTests -pl bundles/org.lmworkbench.backend.tests -am
# Environment: LMW_PYTHON (a Python with the CPU build of torch; see bench-common.sh), and those of
# run-benchmark.sh.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/bench-common.sh"
RUNS="${1:-1}"
STEPS="${2:-3000}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

declare -A rates
for run in $(seq 1 "$RUNS"); do
    echo "== run $run of $RUNS, load $(load1)"
    "$HERE/run-benchmark.sh" org.lmworkbench.backend.tests org.lmworkbench.backend.bench.TrainingBenchmark \
        "$STEPS" 1 | tee "$OUT/java.txt"
    "$PYTHON" "$HERE/training_step_torch.py" "$STEPS" 1 | tee "$OUT/torch.txt"
    for dtype in float32 float64; do
        # "... <dtype>: <rate> steps/s wall (<cpu rate> per thread-CPU s) ..."
        rates[java-$dtype-wall]+=" $(awk -v t="$dtype:" '$0 ~ "^MLP" && $0 ~ t { for (i = 1; i <= NF; i++) if ($i == t) print $(i + 1) }' "$OUT/java.txt")"
        rates[java-$dtype-cpu]+=" $(awk -v t="$dtype:" '$0 ~ "^MLP" && $0 ~ t { for (i = 1; i <= NF; i++) if ($i == t) print substr($(i + 4), 2) }' "$OUT/java.txt")"
        rates[torch-$dtype-wall]+=" $(awk -v t="$dtype:" '$0 ~ "^torch MLP" && $0 ~ t { for (i = 1; i <= NF; i++) if ($i == t) print $(i + 1) }' "$OUT/torch.txt")"
        rates[torch-$dtype-cpu]+=" $(awk -v t="$dtype:" '$0 ~ "^torch MLP" && $0 ~ t { for (i = 1; i <= NF; i++) if ($i == t) print substr($(i + 4), 2) }' "$OUT/torch.txt")"
    done
    echo "   load after the run $(load1)"
done
echo "== median of $RUNS run(s), steps/s (backend / PyTorch):"
for dtype in float32 float64; do
    for clock in wall cpu; do
        # shellcheck disable=SC2086
        j="$(median ${rates[java-$dtype-$clock]})"
        # shellcheck disable=SC2086
        t="$(median ${rates[torch-$dtype-$clock]})"
        printf '   %-8s %-4s backend %7.1f  PyTorch %7.1f  ratio %.2f\n' "$dtype" "$clock" "$j" "$t" \
            "$(awk -v x="$j" -v y="$t" 'BEGIN { print x / y }')"
    done
done
