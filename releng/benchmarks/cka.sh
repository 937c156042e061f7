#!/usr/bin/env bash
# The linear CKA layer x layer matrix (12 x 12 layers, n 4096, width 1024) computed by the backend
# (CkaBenchmark: float64 and mixed precision) and by numpy (cka_numpy.py: centred once, ||X^T X||
# once per layer, feature form per pair, in float32 and float64) on the same activations, one after
# the other in each run, with the same number of threads; then the time ratios and the accuracy of
# each result against float64.
#
# usage: cka.sh [runs=1] [threads=2] [extra CkaBenchmark options, e.g. --layers 4]
# Build first: ./mvnw -B -q -o verify -DskipTests -pl bundles/org.lmworkbench.backend.tests -am
# Environment: LMW_PYTHON (a Python with numpy; see bench-common.sh), and those of run-benchmark.sh.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/bench-common.sh"
RUNS="${1:-1}"
THREADS="${2:-2}"
shift $(( $# < 2 ? $# : 2 ))
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export OMP_NUM_THREADS="$THREADS" OPENBLAS_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS"

mixed=(); f64=(); np32=(); np64=()
for run in $(seq 1 "$RUNS"); do
    echo "== run $run of $RUNS, load $(load1)"
    "$HERE/run-benchmark.sh" org.lmworkbench.backend.tests org.lmworkbench.backend.similarity.CkaBenchmark \
        --threads "$THREADS" --precision float64,mixed --npy-dir "$WORK" "$@" | tee "$WORK/java.txt"
    "$PYTHON" "$HERE/cka_numpy.py" --dir "$WORK" | tee "$WORK/numpy.txt"
    mixed+=("$(awk '/streamed Gram, mixed/ { print $(NF-6) }' "$WORK/java.txt")")
    f64+=("$(awk '/streamed Gram, float64/ { print $(NF-6) }' "$WORK/java.txt")")
    np32+=("$(awk '/numpy float32 :/ { print $(NF-1) }' "$WORK/numpy.txt")")
    np64+=("$(awk '/numpy float64 :/ { print $(NF-1) }' "$WORK/numpy.txt")")
    echo "   load after the run $(load1)"
done
m="$(median "${mixed[@]}")"; d="$(median "${f64[@]}")"; a="$(median "${np32[@]}")"; b="$(median "${np64[@]}")"
echo "== median of $RUNS run(s), $THREADS thread(s):"
echo "   backend mixed   $m s   numpy float32 $a s   numpy float32 / backend mixed = $(awk -v x="$a" -v y="$m" 'BEGIN { printf "%.2f", x / y }')"
echo "   backend float64 $d s   numpy float64 $b s   numpy float64 / backend float64 = $(awk -v x="$b" -v y="$d" 'BEGIN { printf "%.2f", x / y }')"
