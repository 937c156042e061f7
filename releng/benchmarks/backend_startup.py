"""Where a backend JVM's time goes when it trains one small run, and what a warm worker and the
class-data-sharing archive save.

One run of the example mup-transfer sweep (width 32, 20 Adam steps, activations at every step) is
trained by `lmw run` in a fresh JVM, without and with an application class-data archive, and inside
a warm `lmw worker`. The fresh JVMs log class loading with time stamps (-Xlog:class+load), which
splits their life into phases by the first class of each phase; the run's log.txt marks training.

usage: python3 backend_startup.py [--product DIR] [--reps 5]
Build the product first (./mvnw -B -q verify -DskipTests). Plain python3, no packages needed. Wait
for a quiet machine: the phases are wall times.
"""
import argparse
import datetime
import glob
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PRODUCT = os.path.join(ROOT, "releng/org.lmworkbench.product/target/products/org.lmworkbench.product/linux/gtk/x86_64/lmworkbench")
SPEC = os.path.join(ROOT, "bundles/org.lmworkbench.core/src/org/lmworkbench/core/spec/mup-transfer.lmx")
MAIN = "org.lmworkbench.backend.cli.Main"
PHASES = [
    ("JVM boot to main()", "org.lmworkbench.backend.cli.Main "),
    ("command line, spec, JSON (class loading)", "ai.djl.engine.Engine "),
    ("DJL engine and libtorch load", "org.lmworkbench.backend.engine.DeviceChoice "),
    ("data and model set-up", "starting"),
    ("step 0 and the first step (cold code)", "at step 1 "),
    ("19 more steps, captures, checkpoint", "run completed"),
    ("JVM exit", None),
]


def java():
    for candidate in (os.environ.get("LMW_JAVA"), os.path.join(os.environ.get("JAVA_HOME", ""), "bin/java"), "java"):
        if candidate and (shutil.which(candidate) or os.path.isfile(candidate)):
            return candidate
    raise SystemExit("no java: set JAVA_HOME")


def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def fresh_run(jvm, classpath, spec, work, options, keep=None):
    """Trains the spec in a fresh JVM; returns the phase durations in seconds."""
    out = keep or tempfile.mkdtemp(dir=work)
    if not keep:
        os.rmdir(out)
    classes = os.path.join(work, "classes.log")
    start = time.time()
    subprocess.run([jvm, "--enable-native-access=ALL-UNNAMED", *options,
                    "-Xlog:class+load:file=%s:uptime,time" % classes, "-cp", classpath, MAIN, "run", spec,
                    "--out", out], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.time()
    loads = open(classes).read().splitlines()
    first = loads[0]
    jvm_start = instant(first[1:first.index("]")]) - float(first[first.index("][") + 2:first.index("s]")])
    marks = [0.0]
    log = open(os.path.join(out, "log.txt")).read().splitlines()
    for _, marker in PHASES[:-1]:
        found = None
        if marker.startswith("org.") or marker.startswith("ai."):
            for line in loads:
                if "] " + marker in line:
                    found = float(line[line.index("][") + 2:line.index("s]")])
                    break
        else:
            for line in log:
                if marker in line:
                    found = instant(line.split()[0]) - jvm_start
                    break
        marks.append(found)
    marks.append(end - start)
    return [b - a for a, b in zip(marks, marks[1:])]


def queued(folder, template):
    """A queued run folder with the resolved spec of an earlier run, as the planner makes one."""
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    shutil.copy(os.path.join(template, "spec.json"), folder)
    spec = json.load(open(os.path.join(template, "spec.json")))
    status = {"state": "queued", "created": datetime.datetime.now(datetime.timezone.utc).isoformat().replace(
        "+00:00", "Z"), "last_step": 0, "total_steps": spec["training"]["steps"]}
    json.dump(status, open(os.path.join(folder, "status.json"), "w"))


def warm_worker(jvm, classpath, template, work, options, runs):
    """Seconds from spawn to ready, of the first run and (median) of the later runs in one worker."""
    start = time.time()
    p = subprocess.Popen([jvm, "--enable-native-access=ALL-UNNAMED", *options, "-cp", classpath, MAIN, "worker"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    p.stdout.readline()
    ready = time.time() - start
    times = []
    for i in range(runs):
        folder = os.path.join(work, "worker-run")
        queued(folder, template)
        t0 = time.time()
        p.stdin.write(json.dumps({"op": "train", "run": "r%d" % i, "dir": folder, "args": []}) + "\n")
        p.stdin.flush()
        while True:
            line = p.stdout.readline()
            if line.startswith('{"event":"finished"'):
                break
        times.append(time.time() - t0)
    p.stdin.write('{"op":"quit"}\n')
    p.stdin.close()
    p.wait()
    return ready, times[0], statistics.median(times[1:])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--product", default=os.environ.get("LMW_PRODUCT", PRODUCT))
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    jvm = java()
    plugins = os.path.join(args.product, "plugins")
    core = glob.glob(os.path.join(plugins, "org.lmworkbench.core_*.jar"))[0]
    classpath = subprocess.run([jvm, "-cp", core, "org.lmworkbench.core.exec.PluginsClassPath", plugins],
                               check=True, capture_output=True, text=True).stdout.strip()
    work = tempfile.mkdtemp(prefix="lmw-startup-")
    try:
        spec = json.load(open(SPEC))
        del spec["sweep"]
        spec["model"]["width"] = 32
        spec["optimizer"]["lr"] = 0.001953125
        spec["execution"]["device"] = "cpu"
        single = os.path.join(work, "single.lmx")
        json.dump(spec, open(single, "w"))
        archive = os.path.join(work, "app.jsa")
        template = os.path.join(work, "template")
        fresh_run(jvm, classpath, single, work, ["-XX:ArchiveClassesAtExit=" + archive], keep=template)

        columns = {}
        shared = ["-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off"]
        for name, options in (("fresh JVM", []), ("fresh JVM + CDS", shared)):
            samples = [fresh_run(jvm, classpath, single, work, options) for _ in range(args.reps)]
            columns[name] = [statistics.median(s[i] for s in samples) for i in range(len(PHASES))]
        workers = {}
        for name, options in (("worker", []), ("worker + CDS", shared)):
            samples = [warm_worker(jvm, classpath, template, work, options, 6) for _ in range(args.reps)]
            workers[name] = [statistics.median(s[i] for s in samples) for i in range(3)]

        print("one mup-transfer run (width 32, 20 Adam steps, activations every step), medians of %d, load %s"
              % (args.reps, open("/proc/loadavg").read().split()[0]))
        print("%-44s %10s %16s" % ("fresh JVM per run: phase (s)", "no CDS", "with CDS"))
        for i, (phase, _) in enumerate(PHASES):
            print("%-44s %10.3f %16.3f" % (phase, columns["fresh JVM"][i], columns["fresh JVM + CDS"][i]))
        print("%-44s %10.3f %16.3f" % ("total", sum(columns["fresh JVM"]), sum(columns["fresh JVM + CDS"])))
        print("%-44s %10s %16s" % ("backend worker (s)", "no CDS", "with CDS"))
        for i, what in enumerate(("start to ready (JVM, classes, libtorch)", "first run", "each later run")):
            print("%-44s %10.3f %16.3f" % (what, workers["worker"][i], workers["worker + CDS"][i]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
