#!/usr/bin/env bash
# Chart benchmark: a PlotChart receiving a live run of 1,000,000 points per series in chunks of
# 1000 (as the Runs view feeds it), then timing append + redraw at 1M points, a full redraw, the
# log-y toggle, a resize, and the heap used. See org.lmworkbench.ui.charts.bench.ChartBenchmark.
# Needs the build (`./mvnw -B verify -DskipTests`: the product for SWT/SWTChart/JFace, the charts
# bundles' classes) and an X display (starts a private Xvfb when DISPLAY is unset).
#
# usage: chart-benchmark.sh [series (2)] [points per series (1000000)] [chunk (1000)]
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$HERE/../.."
PLUGINS="${LMW_PLUGINS:-$ROOT/releng/org.lmworkbench.product/target/products/org.lmworkbench.product/linux/gtk/x86_64/lmworkbench/plugins}"
. "$HERE/../scripts/x-display.sh"

cp=""
for name in org.eclipse.swt_ org.eclipse.swt.gtk.linux.x86_64_ org.eclipse.swtchart_ org.eclipse.jface_ \
        org.eclipse.equinox.common_ org.eclipse.core.commands_ org.eclipse.osgi_; do
    jar=$(ls "$PLUGINS"/"$name"*.jar 2>/dev/null | head -1)
    [ -n "$jar" ] || { echo "no $name*.jar in $PLUGINS: build the product first (./mvnw -B verify -DskipTests)" >&2; exit 1; }
    cp="$cp:$jar"
done
for b in org.lmworkbench.ui.charts org.lmworkbench.ui.charts.tests; do
    classes="$ROOT/bundles/$b/target/classes"
    [ -d "$classes" ] || { echo "no $classes: build first (./mvnw -B verify -DskipTests)" >&2; exit 1; }
    cp="$cp:$classes"
done
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
exec "$JAVA" -Xmx1g -cp "${cp#:}" org.lmworkbench.ui.charts.bench.ChartBenchmark "$@"
