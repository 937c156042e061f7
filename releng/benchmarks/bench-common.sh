# Shared by the side-by-side benchmark drivers (sourced, not run): the Python that runs the anchors,
# the load line printed with every run, and the median of a list of numbers.
#
# The anchors need a Python with numpy, and for PyTorch anchors the CPU build of torch (the product
# itself never needs Python). On these machines:
#     python3 -m venv --system-site-packages V && V/bin/pip install --no-deps "torch==2.13.0+cpu"
# then point LMW_PYTHON at V/bin/python.

PYTHON="${LMW_PYTHON:-python3}"

# The 1-minute load average, to read every timing against.
load1() {
    cut -d ' ' -f 1 /proc/loadavg
}

# Median of the numbers given as arguments.
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
