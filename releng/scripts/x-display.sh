# Sourced by the product tests: makes sure an X display is there, starting a private Xvfb when
# DISPLAY is unset (CI runs Maven under xvfb-run, a developer may have a real display).
if [ -z "${DISPLAY:-}" ]; then
    for n in $(seq 91 120); do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break
    done
    Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
    LMW_XVFB_PID=$!
    export DISPLAY=":$n"
    for _ in $(seq 1 50); do
        xdpyinfo >/dev/null 2>&1 && break
        sleep 0.1
    done
    trap 'kill $LMW_XVFB_PID 2>/dev/null' EXIT
fi
