# Sourced by the product tests. log_errors FILE... prints the ERROR entries (severity 4) of
# Eclipse .log files and the Java exceptions of console logs; prints nothing when clean.
log_errors() {
    local f
    for f in "$@"; do
        [ -f "$f" ] || continue
        awk -v file="$f" '
            /^!ENTRY / { show = ($3 == "4"); if (show) print file ": " $0; next }
            /^!ENTRY|^!SESSION/ { show = 0 }
            show && NF { print file ":   " $0 }
            /^(Exception|Caused by|java\.lang\.[A-Za-z]*Error)|^[A-Za-z.]*Exception: / && !show { print file ": " $0 }
        ' "$f"
    done
}
