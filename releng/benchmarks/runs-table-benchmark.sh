#!/usr/bin/env bash
# Runs table benchmark: N generated run folders (default 10,000) read into the runs table's model
# and shown in its virtual tree on a real SWT shell; reports the time to first paint, the whole
# read, a refresh, sorting, filtering and grouping until painted, and the heap. See
# org.lmworkbench.ui.views.table.RunsTableBenchmark (perf/ folder of org.lmworkbench.ui.tests).
# Needs the modules built (./mvnw -B -q -o verify -DskipTests -pl bundles/org.lmworkbench.ui.tests -am)
# and an X display (starts a private Xvfb when DISPLAY is unset). Third-party jars come from a
# built product's plugins/ folder when there is one, else from the local Maven repository.
#
# usage: runs-table-benchmark.sh [runs (10000)] [repeats (5)]
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PLUGINS="${LMW_PLUGINS:-$ROOT/releng/org.lmworkbench.product/target/products/org.lmworkbench.product/linux/gtk/x86_64/lmworkbench/plugins}"
M2="${M2_REPO:-$HOME/.m2/repository}"
. "$HERE/../scripts/x-display.sh"

# The newest jar of a bundle: from the product's plugins/, else from the Maven repository.
jar_of() {
    local name="$1" m2path="$2" jar=""
    if [ -d "$PLUGINS" ]; then
        jar="$(ls "$PLUGINS"/"$name"_*.jar 2>/dev/null | sort -V | tail -n 1)"
    fi
    if [ -z "$jar" ]; then
        jar="$(ls "$M2"/"$m2path"/*/*.jar 2>/dev/null | grep -v -- '-sources' | sort -V | tail -n 1)"
    fi
    [ -n "$jar" ] || { echo "runs-table-benchmark: no $name jar (product plugins/ or $M2/$m2path)" >&2; exit 2; }
    echo "$jar"
}

cp=""
cp="$cp:$(jar_of org.eclipse.swt.gtk.linux.x86_64 org/eclipse/platform/org.eclipse.swt.gtk.linux.x86_64)"
cp="$cp:$(jar_of org.eclipse.osgi org/eclipse/platform/org.eclipse.osgi)"
cp="$cp:$(jar_of com.google.gson com/google/code/gson/gson)"
for b in org.lmworkbench.core org.lmworkbench.workspace org.lmworkbench.ui org.lmworkbench.ui.tests; do
    classes="$ROOT/bundles/$b/target/classes"
    [ -d "$classes" ] || { echo "runs-table-benchmark: no $classes: build first" >&2; exit 2; }
    cp="$cp:$classes"
done
JAVA="${LMW_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
# shellcheck disable=SC2086
exec "$JAVA" -Xmx1g ${LMW_BENCH_VMARGS:-} -cp "${cp#:}" org.lmworkbench.ui.views.table.RunsTableBenchmark "$@"
