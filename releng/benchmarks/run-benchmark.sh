#!/usr/bin/env bash
# Runs a benchmark program kept in a test fragment's perf/ folder (they are compiled with the
# fragment but are not tests, and the product does not ship them) in a plain JVM, with the class
# path of the built modules: the fragment's and its host's target/classes, the other headless
# bundles' target/classes, the backend's lib/*.jar and the third-party jars. Those come from a built
# product's plugins/ folder when there is one (LMW_PRODUCT, or the build's own), else from the local
# Maven repository in the versions of the target platform.
#
# usage: run-benchmark.sh <module> <MainClass> [args...]
#   <module>     a test fragment, e.g. org.lmworkbench.backend.tests (or its path)
#   <MainClass>  e.g. org.lmworkbench.backend.bench.TrainingBenchmark
# Build first, e.g.: ./mvnw -B -q -o verify -DskipTests -pl bundles/org.lmworkbench.backend.tests -am
# Environment: LMW_JAVA or JAVA_HOME (Java 21+), LMW_BENCH_VMARGS (extra JVM options, e.g. -Xmx4g),
# LMW_PRODUCT (a materialized product folder), M2_REPO (default ~/.m2/repository).
set -eu

[ $# -ge 2 ] || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
MODULE="$(basename "$1")"
MAIN="$2"
shift 2

if [ -n "${LMW_JAVA:-}" ]; then JAVA="$LMW_JAVA"
elif [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"
else JAVA="java"; fi

classes() {
    local dir="$ROOT/bundles/$1/target/classes"
    [ -d "$dir" ] || { echo "run-benchmark: $dir is missing; build $1 first" >&2; exit 2; }
    echo "$dir"
}

[ -d "$ROOT/bundles/$MODULE" ] || { echo "run-benchmark: no module bundles/$MODULE" >&2; exit 2; }
HOST="$(sed -n 's/^Fragment-Host: *\([^;]*\).*/\1/p' "$ROOT/bundles/$MODULE/META-INF/MANIFEST.MF" | tr -d '\r ')"
CP="$(classes "$MODULE")"
[ -n "$HOST" ] && CP="$CP:$(classes "$HOST")"
for bundle in org.lmworkbench.backend org.lmworkbench.analysis org.lmworkbench.core; do
    [ "$bundle" = "$HOST" ] && continue
    [ -d "$ROOT/bundles/$bundle/target/classes" ] && CP="$CP:$ROOT/bundles/$bundle/target/classes"
done
for jar in "$ROOT"/bundles/org.lmworkbench.backend/lib/*.jar; do
    [ -f "$jar" ] && CP="$CP:$jar"
done

# Third-party bundles the headless layers use, by symbolic name and Maven coordinates.
THIRD_PARTY="com.google.gson=com.google.code.gson:gson
com.fasterxml.jackson.core.jackson-core=com.fasterxml.jackson.core:jackson-core
org.apache.commons.math3=org.apache.commons:commons-math3
picocli=info.picocli:picocli
org.apache.commons.commons-csv=org.apache.commons:commons-csv
org.apache.commons.commons-io=commons-io:commons-io
org.apache.commons.commons-codec=commons-codec:commons-codec"

PRODUCT="${LMW_PRODUCT:-$ROOT/releng/org.lmworkbench.product/target/products/org.lmworkbench.product/linux/gtk/x86_64/lmworkbench}"
M2="${M2_REPO:-$HOME/.m2/repository}"
TARGET="$ROOT/targetplatform/org.lmworkbench.target.target"

# The version the target platform pins for an artifact; for Commons IO and Codec, which it does not
# list, the version Commons CSV's manifest imports.
version() {
    local v
    v="$(grep -o "<artifactId>$1</artifactId><version>[^<]*" "$TARGET" | head -n 1 | sed 's/.*<version>//')"
    if [ -z "$v" ]; then
        local csv pkg
        csv="$(ls "$M2"/org/apache/commons/commons-csv/"$(version commons-csv)"/commons-csv-*.jar)"
        case "$1" in
            commons-io) pkg='org\.apache\.commons\.io' ;;
            commons-codec) pkg='org\.apache\.commons\.codec\.binary' ;;
        esac
        v="$(unzip -p "$csv" META-INF/MANIFEST.MF | tr -d '\r\n ' | grep -o "$pkg;version=\"[0-9.]*\"" | head -n 1 \
            | sed 's/.*version="//; s/"//')"
    fi
    echo "$v"
}

while IFS='=' read -r name coordinates; do
    jar=""
    if [ -d "$PRODUCT/plugins" ]; then
        jar="$(ls -d "$PRODUCT"/plugins/"$name"_* 2>/dev/null | sort -V | tail -n 1)"
    fi
    if [ -z "$jar" ]; then
        group="${coordinates%%:*}"
        artifact="${coordinates##*:}"
        v="$(version "$artifact")"
        jar="$M2/${group//.//}/$artifact/$v/$artifact-$v.jar"
    fi
    [ -e "$jar" ] || { echo "run-benchmark: $name not found (looked for $jar)" >&2; exit 2; }
    CP="$CP:$jar"
done <<< "$THIRD_PARTY"

# shellcheck disable=SC2086
exec "$JAVA" --enable-native-access=ALL-UNNAMED ${LMW_BENCH_VMARGS:-} \
    -cp "$CP" "$MAIN" "$@"
