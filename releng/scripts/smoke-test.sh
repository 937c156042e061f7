#!/usr/bin/env bash
# Product smoke test: starts the materialized product with a fresh workspace, waits for the
# workbench window and the example project, closes it through File > Exit like a user, and fails
# if the window did not appear, the product did not exit cleanly, or an error was logged.
#
# usage: smoke-test.sh <product-dir> [window-title]
# LMW_SMOKE_SCREENSHOT=<file.png> also saves a screenshot of the started workbench.
set -u
PRODUCT="$(cd "$1" && pwd)"
TITLE="${2:-Learning Mechanics Workbench}"
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/x-display.sh"
. "$HERE/log-errors.sh"

WORK="$(mktemp -d /tmp/lmw-smoke.XXXXXX)"
WS="$WORK/workspace"
rm -f "$PRODUCT"/configuration/*.log
fail() { echo "SMOKE TEST FAILED: $*" >&2; echo "--- console ---" >&2; tail -n 60 "$WORK/console.log" >&2; exit 1; }

start=$(date +%s%N)
"$PRODUCT/lmw" -nosplash -consoleLog -data "$WS" >"$WORK/console.log" 2>&1 &
pid=$!

# The workbench shell is the mapped window named like the product; SWT also creates unmapped
# helper shells with the same name.
workbench_window() {
    local id
    for id in $(xdotool search --name "$TITLE" 2>/dev/null); do
        if xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable'; then
            echo "$id"
            return
        fi
    done
}

window=""
for _ in $(seq 1 600); do
    window="$(workbench_window)"
    [ -n "$window" ] && break
    kill -0 "$pid" 2>/dev/null || fail "the product exited before its window appeared"
    sleep 0.1
done
[ -n "$window" ] || { kill "$pid"; fail "no window titled '$TITLE' within 60 s"; }
shown=$(date +%s%N)
echo "smoke test: workbench window after $(( (shown - start) / 1000000 )) ms"

example="$WS/example-eos/example-eos.lmx"
for _ in $(seq 1 300); do
    [ -f "$example" ] && break
    sleep 0.1
done
[ -f "$example" ] || { kill "$pid"; fail "the example project was not created in the new workspace"; }
echo "smoke test: example project after $(( ($(date +%s%N) - start) / 1000000 )) ms"
sleep 3
if [ -n "${LMW_SMOKE_SCREENSHOT:-}" ]; then
    import -window root "$LMW_SMOKE_SCREENSHOT" && echo "smoke test: screenshot $LMW_SMOKE_SCREENSHOT"
fi

# File > Exit through the keyboard: the menu's last item, reached by wrapping upwards.
xdotool windowfocus --sync "$window" 2>/dev/null
xdotool key --clearmodifiers Escape
sleep 0.5
xdotool key --clearmodifiers alt+f
sleep 1
xdotool key --clearmodifiers Up
sleep 0.3
xdotool key --clearmodifiers Return
for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    fail "the workbench did not close through File > Exit within 30 s"
fi
wait "$pid"
rc=$?
[ "$rc" -eq 0 ] || fail "the product exited with code $rc"

errors="$(log_errors "$WS/.metadata/.log" "$PRODUCT"/configuration/*.log "$WORK/console.log")"
[ -z "$errors" ] || fail "errors were logged:
$errors"
# The training backend runs as a plain JVM on the installed bundles: train a tiny spec with it.
if ls -d "$PRODUCT"/plugins/org.lmworkbench.backend_*/ >/dev/null 2>&1; then
    cat >"$WORK/tiny.lmx" <<'SPEC'
{"name": "tiny", "model": {"width": 16, "depth": 1, "activation": "tanh"},
 "data": {"n_train": 64, "n_test": 16, "input_dim": 8},
 "optimizer": {"name": "gd", "lr": 0.05}, "training": {"steps": 20},
 "probes": {"metrics_every": 5, "sharpness": {"every": 10}}, "execution": {"device": "cpu"}}
SPEC
    "$PRODUCT/lmw" run "$WORK/tiny.lmx" --out "$WORK/tiny-run" >"$WORK/backend.log" 2>&1 \
        || { cat "$WORK/backend.log" >&2; fail "lmw run of a tiny spec failed"; }
    grep -q '"state" *: *"completed"' "$WORK/tiny-run/status.json" \
        || fail "the tiny run did not complete: $(cat "$WORK/tiny-run/status.json")"
    [ "$(wc -l <"$WORK/tiny-run/metrics.jsonl")" -ge 4 ] || fail "the tiny run logged too few metrics"
    [ -s "$WORK/tiny-run/probes/sharpness.jsonl" ] || fail "the tiny run recorded no sharpness"
    echo "smoke test: lmw run trained a tiny spec on the $(sed -n 's/.*"device" *: *"\([^"]*\)".*/\1/p' "$WORK/tiny-run/status.json") backend"
fi
echo "smoke test: OK (window '$TITLE', clean exit, no errors logged)"
rm -rf "$WORK"
