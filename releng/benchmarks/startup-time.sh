#!/usr/bin/env bash
# Startup benchmark: starts the product N times on fresh workspaces and prints the time from the
# start of lmw until the workbench window is mapped, then the median. Needs an X display (starts
# a private Xvfb when DISPLAY is unset), xdotool and x11-utils. Beside the time it prints the CPU
# time the workbench JVM used until then, less skewed by other work on the machine. The
# first start of an installation also writes its class-data sharing archive (at exit), so later
# starts are the ones to compare; LMW_CDS=off measures without the archive.
#
# usage: startup-time.sh [product-dir] [runs]
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
PRODUCT="${1:-$HERE/../org.lmworkbench.product/target/products/org.lmworkbench.product/linux/gtk/x86_64/lmworkbench}"
RUNS="${2:-5}"
. "$HERE/../scripts/x-display.sh"

mapped_window() {
    local id
    for id in $(xdotool search --name "Learning Mechanics Workbench" 2>/dev/null); do
        xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable' && { echo "$id"; return; }
    done
}

times=()
cpus=()
for run in $(seq 1 "$RUNS"); do
    ws="$(mktemp -d /tmp/lmw-startup.XXXXXX)"
    start=$(date +%s%N)
    "$PRODUCT/lmw" -nosplash -data "$ws" >/dev/null 2>&1 &
    pid=$!
    while [ -z "$(mapped_window)" ]; do
        kill -0 "$pid" 2>/dev/null || { echo "run $run: the product exited before its window appeared" >&2; exit 1; }
        sleep 0.05
    done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    times+=("$ms")
    jvm=$(pgrep -P "$pid" java | head -n 1)
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$jvm/stat" 2>/dev/null)
    cpus+=("${cpu:-0}")
    echo "run $run: window after $ms ms, JVM CPU time $cpu ms (load average $(cut -d' ' -f1 /proc/loadavg))"
    kill "$pid"; wait "$pid" 2>/dev/null
    rm -rf "$ws"
    sleep 2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $RUNS starts: $(median "${times[@]}") ms (JVM CPU time $(median "${cpus[@]}") ms)"
