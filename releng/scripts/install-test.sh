#!/usr/bin/env bash
# Update-site install test: installs the workbench feature from the built update site with the
# p2 director into a copy of a product that lacks it (and lacks its third-party bundles), then
# starts the result and checks that every workbench bundle becomes ACTIVE.
#
# usage: install-test.sh <bare-product-dir> <site-repository-dir> <work-dir>
set -u
BARE="$(cd "$1" && pwd)"
SITE="$(cd "$2" && pwd)"
WORK="$3"
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/log-errors.sh"

rm -rf "$WORK" && mkdir -p "$WORK"
cp -a "$BARE" "$WORK/product"
P="$WORK/product"
fail() { echo "INSTALL TEST FAILED: $*" >&2; exit 1; }

if ls "$P"/plugins/org.lmworkbench.ui_* >/dev/null 2>&1; then
    fail "the bare product already contains org.lmworkbench.ui"
fi
"$P/lmw" -nosplash -consoleLog -data "$WORK/ws-director" -application org.eclipse.equinox.p2.director \
    -repository "file:$SITE" -installIU org.lmworkbench.feature.feature.group,org.lmworkbench.backend.feature.feature.group \
    >"$WORK/director.log" 2>&1
rc=$?
cat "$WORK/director.log"
[ "$rc" -eq 0 ] || fail "the p2 director exited with code $rc"
for b in org.lmworkbench.core org.lmworkbench.workspace org.lmworkbench.launching org.lmworkbench.ui \
        org.lmworkbench.ui.sharpness org.lmworkbench.ui.similarity org.lmworkbench.ui.fit org.lmworkbench.ui.transfer \
        org.lmworkbench.ui.theory org.lmworkbench.rcp org.lmworkbench.backend com.google.gson org.apache.commons.math3 \
        com.google.protobuf org.apache.commons.commons-csv picocli; do
    ls "$P/plugins/${b}_"* >/dev/null 2>&1 || fail "$b was not installed into $P/plugins"
done

"$P/lmw" -nosplash -consoleLog -data "$WORK/ws-check" -application org.lmworkbench.rcp.bundlecheck \
    org.lmworkbench.core org.lmworkbench.analysis org.lmworkbench.workspace org.lmworkbench.launching \
    org.lmworkbench.ui org.lmworkbench.ui.sharpness org.lmworkbench.ui.similarity org.lmworkbench.ui.fit \
    org.lmworkbench.ui.transfer org.lmworkbench.ui.theory org.lmworkbench.rcp >"$WORK/check.log" 2>&1
rc=$?
cat "$WORK/check.log"
[ "$rc" -eq 0 ] || fail "bundle check exited with code $rc"
for b in org.lmworkbench.workspace org.lmworkbench.launching org.lmworkbench.ui org.lmworkbench.ui.sharpness \
        org.lmworkbench.ui.similarity org.lmworkbench.ui.fit org.lmworkbench.ui.transfer org.lmworkbench.ui.theory; do
    grep -q "^$b .* ACTIVE" "$WORK/check.log" || fail "$b is not ACTIVE"
done
errors="$(log_errors "$WORK/ws-check/.metadata/.log" "$P"/configuration/*.log)"
[ -z "$errors" ] || fail "errors were logged:
$errors"
# The backend is installed as a folder whose lib/ jars form the command-line JVM's classpath.
[ -d "$(ls -d "$P"/plugins/org.lmworkbench.backend_* | head -n 1)" ] || fail "org.lmworkbench.backend was not installed unpacked"
"$P/lmw" fit --help >"$WORK/fit-help.log" 2>&1 || { cat "$WORK/fit-help.log"; fail "lmw fit --help failed in the installed product"; }
echo "install test: OK (feature installed from $SITE, workbench bundles active)"
