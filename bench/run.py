"""Benchmark runner: bin/pyston against stock /usr/bin/python3.11.

Runs every ``bench/bm_*.py`` (see ``bench/harness.py`` for the protocol) in
fresh processes under each interpreter, alternating them (A B B A A B ...)
for several runs; each process first does untimed warm-up iterations and
then timed ones.  It compares the checksums the benchmarks print, so a fast
wrong answer fails the run, and reports per benchmark the median times, the
speed-up (the median of the rounds' ratios), the spread, peak RSS and the
JIT's compile time and code bytes (from ``pyston.stats()``).  It also
measures startup (``-c pass``) and a warm-up curve (time of each of the
first N iterations) for a few benchmarks.

Results go to ``build/bench/`` as JSON, a Markdown table and an SVG chart of
speed-ups; ``--update-docs`` also refreshes docs/benchmarks.md and
docs/benchmarks.svg.  ``--quick`` is a ~1 minute smoke run (tiny sizes, one
run per interpreter) that checks every benchmark runs and agrees on its
checksum; it asserts nothing about speed.

``--callgrind`` measures instructions instead of time: every benchmark runs
under ``valgrind --tool=callgrind`` with 1 warm-up + 1 and 1 warm-up + 3
iterations, and the difference of the two counts, halved, is the
instructions of one steady-state iteration.  The counts barely move from run
to run, so they are a second opinion when the shared machine makes timings
noisy.  Results go to ``build/bench/callgrind.{json,md}``.

Exit status: 0 if every benchmark ran under python3.11 and pyston with
matching checksums, 1 otherwise (pypy3 problems are only reported), 2 for
usage errors.  Run ``bench/run.py --help`` for the options.
"""

import argparse
import ast
import concurrent.futures
import datetime
import fnmatch
import glob
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import report

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)
STOCK = "/usr/bin/python3.11"
DEFAULT_CURVE = "fib,nbody,raytrace,json,jinja2"


# ---------------------------------------------------------------------------
# Benchmarks and interpreters


class Benchmark:
    """One bench/bm_NAME.py file and the literals it declares."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)[3:-3]
        consts = read_constants(path)
        self.default_size = consts.get("DEFAULT_SIZE")
        self.quick_size = consts.get("QUICK_SIZE")
        self.pypy = consts.get("PYPY", True)
        self.doc = consts.get("__doc__", "").strip().splitlines()[0:1]
        if self.default_size is None or self.quick_size is None:
            raise SystemExit("%s lacks DEFAULT_SIZE or QUICK_SIZE" % path)


def read_constants(path):
    """Top-level literal assignments (and the docstring) of a file."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    consts = {"__doc__": ast.get_docstring(tree) or ""}
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)):
            try:
                consts[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return consts


def discover():
    names = sorted(n for n in os.listdir(BENCH_DIR)
                   if n.startswith("bm_") and n.endswith(".py"))
    return [Benchmark(os.path.join(BENCH_DIR, n)) for n in names]


def select(benchmarks, patterns, excludes):
    def matches(bm, pats):
        return any(fnmatch.fnmatch(bm.name, p) or bm.name == p for p in pats)
    chosen = [b for b in benchmarks if not patterns or matches(b, patterns)]
    chosen = [b for b in chosen if not matches(b, excludes)]
    if not chosen:
        raise SystemExit("no benchmark matches %s" % " ".join(patterns))
    return chosen


class Interpreter:
    """A command that behaves like python3 (label is used in reports)."""

    def __init__(self, label, path, is_pypy=False):
        self.label = label
        self.path = path
        self.is_pypy = is_pypy
        self.version = ""

    def check(self):
        """Fill in the version; return an error string or None."""
        resolved = shutil.which(self.path)
        if resolved is None:
            return "%s: %s not found" % (self.label, self.path)
        try:
            out = subprocess.run(
                [self.path, "-c", "import sys; print(sys.version.split()[0],"
                 " sys.implementation.name)"],
                capture_output=True, text=True, timeout=60)
        except OSError as exc:
            return "%s: cannot run %s: %s" % (self.label, self.path, exc)
        if out.returncode != 0:
            return "%s: %s failed: %s" % (self.label, self.path,
                                          out.stderr.strip()[-500:])
        self.version = out.stdout.strip()
        return None

    def runs(self, bm):
        return bm.pypy or not self.is_pypy


# ---------------------------------------------------------------------------
# Running processes


class ProcessResult:
    def __init__(self, returncode, stdout, stderr, maxrss_kb, wall,
                 timed_out=False):
        self.timed_out = timed_out
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.maxrss_kb = maxrss_kb
        self.wall = wall


def child_env(extra_env=None):
    """The environment for benchmark processes, plus extra_env.

    PYTHONPATH is dropped so that a JIT enabled through it (as bin/pyston
    does for its own children) cannot leak into the baseline interpreter.
    """
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env.update(extra_env or {})
    return env


def run_process(argv, timeout, extra_env=None):
    """Run argv, returning its output and its own peak RSS (via wait4)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=err,
                                stdin=subprocess.DEVNULL, cwd=REPO,
                                env=child_env(extra_env))
        timed_out = []

        def kill():
            timed_out.append(True)
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            out = proc.stdout.read()
            proc.stdout.close()
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()     # e.g. ^C: do not leave the benchmark running
            raise
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return ProcessResult(proc.returncode, out.decode("utf-8", "replace"),
                         stderr, usage.ru_maxrss, wall, bool(timed_out))


def run_benchmark_process(interp, bm, size, iterations, timeout,
                          prefix=(), extra_env=None):
    """One process of one benchmark; returns a dict (with "error" on failure).

    prefix goes before the interpreter on the command line (a valgrind
    command, for --callgrind).
    """
    argv = list(prefix) + [interp.path, bm.path, "--size", str(size),
                           "--iterations", str(iterations)]
    try:
        res = run_process(argv, timeout, extra_env)
    except OSError as exc:
        return {"error": str(exc)}
    summary = None
    for line in res.stdout.splitlines():
        if line.startswith("{"):
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if record.get("summary"):
                summary = record
    if res.timed_out:
        return {"error": "timed out after %g s" % timeout,
                "rss_kb": res.maxrss_kb}
    if res.returncode != 0 or summary is None:
        tail = res.stderr.strip().splitlines()[-3:]
        return {"error": "exit %d: %s" % (res.returncode, " | ".join(tail)),
                "rss_kb": res.maxrss_kb}
    summary["rss_kb"] = res.maxrss_kb
    summary["wall"] = res.wall
    return summary


def measure_startup(interps, repeats, progress):
    """Median wall time of ``-c pass`` per interpreter, alternating them."""
    samples = {i.label: [] for i in interps}
    for r in range(repeats):
        for interp in interps:
            progress.update("startup %d/%d %s" % (r + 1, repeats, interp.label))
            res = run_process([interp.path, "-c", "pass"], 60)
            if res.returncode == 0:
                samples[interp.label].append(res.wall)
    return {label: {"median_ms": 1000 * statistics.median(s) if s else None,
                    "min_ms": 1000 * min(s) if s else None,
                    "samples_ms": [1000 * x for x in s]}
            for label, s in samples.items()}


# ---------------------------------------------------------------------------
# Aggregation


def spread(times):
    """Relative standard deviation in percent (0 for a single sample)."""
    if len(times) < 2:
        return 0.0
    return 100.0 * statistics.stdev(times) / statistics.median(times)


def summarize_interp(processes, warmup):
    """Combine one interpreter's processes for one benchmark."""
    errors = [p["error"] for p in processes if "error" in p]
    ok = [p for p in processes if "error" not in p]
    times = [t for p in ok for t in p["times"][warmup:]]
    # One median per round (None for a failed process), for paired ratios.
    rounds = [statistics.median(p["times"][warmup:])
              if "error" not in p and p["times"][warmup:] else None
              for p in processes]
    stats = [p["pyston"] for p in ok if p.get("pyston")]
    result = {
        "times": times,
        "median": statistics.median(times) if times else None,
        "round_medians": rounds,
        "spread": spread(times) if times else None,
        "rss_kb": max((p.get("rss_kb") or 0 for p in processes), default=0),
        "checksums": sorted({p["checksum"] for p in ok}),
        "error": errors[0] if errors else None,
        "pyston_stats": stats[-1] if stats else None,
    }
    if stats:
        result["compile_seconds"] = statistics.median(
            s.get("compile_seconds", 0) for s in stats)
        result["code_bytes"] = statistics.median(
            s.get("code_bytes", 0) for s in stats)
    return result


def ratio(base, other):
    """base time / other time: the median of the per-round ratios.

    Round r's two processes ran one right after the other, so a slow spell
    of the shared machine that starts or ends within a benchmark slows
    both sides of a pair alike, where it would tilt a ratio of the overall
    medians towards whichever side it caught more often.  Falls back to
    the overall medians when the rounds cannot be paired (old results).
    """
    if not (base and other and base["median"] and other["median"]):
        return None
    pairs = [b / o for b, o in zip(base.get("round_medians") or (),
                                   other.get("round_medians") or ())
             if b and o]
    if pairs:
        return statistics.median(pairs)
    return base["median"] / other["median"]


def judge(entry, stock, pyston, extra):
    """Set entry["status"]: "ok", or why the benchmark failed."""
    res = entry["results"]
    problems = []
    for label in (stock.label, pyston.label):
        if res[label]["error"]:
            problems.append("%s failed" % label)
    sums = set(res[stock.label]["checksums"]) | set(res[pyston.label]["checksums"])
    if not problems and len(sums) != 1:
        problems.append("checksum mismatch")
    leaked = res[stock.label]["pyston_stats"] or {}
    if leaked.get("functions_compiled") or leaked.get("frames_jit"):
        problems.append("the JIT ran in %s" % stock.label)
    entry["status"] = "; ".join(problems) or "ok"
    if extra is not None and extra.label in res:
        r = res[extra.label]
        if r["error"]:
            entry["extra_status"] = "failed"
        elif sums and set(r["checksums"]) != sums:
            entry["extra_status"] = "checksum mismatch"
        else:
            entry["extra_status"] = "ok"


def geomean(values):
    values = [v for v in values if v]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


# ---------------------------------------------------------------------------
# Instruction counts (--callgrind)

# Iterations of the two processes per interpreter: 1 warm-up + 1 or + 3.
CALLGRIND_SHORT, CALLGRIND_LONG = 2, 4


def callgrind_size(bm, scale):
    """The size for --callgrind: roughly `scale` times the quick work.

    It lies log10(scale) of the way from QUICK_SIZE to DEFAULT_SIZE on a log
    scale (scale 1 is QUICK_SIZE, 10 is DEFAULT_SIZE).  Most benchmarks do
    about ten times the work at DEFAULT_SIZE that they do at QUICK_SIZE, with
    work proportional to size, so this is QUICK_SIZE * scale for them; for
    those whose work grows faster than their size (fib, fannkuch, nqueens,
    mandelbrot, ...) QUICK_SIZE * scale would never finish.
    """
    quick, default = bm.quick_size, bm.default_size
    return max(1, round(quick * (default / quick) ** math.log10(scale)))


def valgrind_version():
    """valgrind's version string, or None when it cannot be run."""
    try:
        out = subprocess.run(["valgrind", "--version"], capture_output=True,
                             text=True, timeout=60)
    except OSError:
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def callgrind_total(out_dir):
    """Sum of the instruction totals of every callgrind output file."""
    total = 0
    for path in glob.glob(os.path.join(out_dir, "callgrind.out.*")):
        counts = {}
        with open(path, errors="replace") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("summary", "totals") and value.split():
                    counts[key] = int(value.split()[0])
        total += counts.get("summary", counts.get("totals", 0))
    return total


def log_tail(out_dir, lines=3):
    """The last lines of valgrind's logs but for its closing counts."""
    tail = []
    for path in sorted(glob.glob(os.path.join(out_dir, "valgrind.log.*"))):
        with open(path, errors="replace") as f:
            # Lines look like "==PID== text".
            text = (line.split("==", 2)[-1].strip() for line in f)
            tail += [t for t in text if t and not t.startswith(
                ("Events", "Collected", "I   refs"))]
    return " | ".join(tail[-lines:])


def callgrind_process(interp, bm, size, iterations, timeout):
    """One benchmark process under callgrind: its summary + "instructions".

    bin/pyston is a shell script that execs python3.11, hence
    --trace-children=yes; every process valgrind follows writes its own
    output file and the instructions are their sum.  valgrind's messages
    go to log files so that stderr stays the benchmark's.
    """
    with tempfile.TemporaryDirectory(prefix="pyston-callgrind-") as tmp:
        prefix = ["valgrind", "--tool=callgrind", "--trace-children=yes",
                  "--callgrind-out-file=%s/callgrind.out.%%p" % tmp,
                  "--log-file=%s/valgrind.log.%%p" % tmp]
        result = run_benchmark_process(interp, bm, size, iterations, timeout,
                                       prefix, {"PYTHONHASHSEED": "0"})
        if "error" in result:
            if result["error"].endswith(": "):  # nothing on stderr
                result["error"] += "valgrind: " + log_tail(tmp)
            return result
        result["instructions"] = callgrind_total(tmp)
        if not result["instructions"]:
            result["error"] = "no callgrind output; valgrind: " + log_tail(tmp)
    return result


def summarize_callgrind(short, long):
    """One interpreter's two callgrind processes for one benchmark."""
    processes = [short, long]
    errors = [p["error"] for p in processes if "error" in p]
    result = {
        "instructions": None,
        "totals": {str(CALLGRIND_SHORT): short.get("instructions"),
                   str(CALLGRIND_LONG): long.get("instructions")},
        "checksums": sorted({p["checksum"] for p in processes
                             if "error" not in p}),
        "error": errors[0] if errors else None,
        "pyston_stats": long.get("pyston"),
    }
    if not errors:
        steady = CALLGRIND_LONG - CALLGRIND_SHORT
        result["instructions"] = ((long["instructions"] -
                                   short["instructions"]) / steady)
    return result


def callgrind_one(bm, interps, args, progress):
    """Count one benchmark's instructions under each interpreter.

    The four valgrind processes (two per interpreter) run args.callgrind_jobs
    at a time, the longer ones first.
    """
    size = args.size or callgrind_size(bm, args.callgrind_scale)
    progress.update("%s: callgrind, size %s" % (bm.name, size))
    jobs = [(interp, n) for n in (CALLGRIND_LONG, CALLGRIND_SHORT)
            for interp in interps]
    with concurrent.futures.ThreadPoolExecutor(args.callgrind_jobs) as pool:
        futures = {(interp.label, n): pool.submit(
            callgrind_process, interp, bm, size, n, args.timeout)
            for interp, n in jobs}
    results = {i.label: summarize_callgrind(
        futures[i.label, CALLGRIND_SHORT].result(),
        futures[i.label, CALLGRIND_LONG].result()) for i in interps}
    return {"name": bm.name, "size": size, "results": results}


def instruction_ratio(entry, stock, pyston):
    """Stock instructions / pyston instructions, or None."""
    base = entry["results"][stock.label]["instructions"]
    jit = entry["results"][pyston.label]["instructions"]
    if entry["status"] == "ok" and base and jit and base > 0 and jit > 0:
        return base / jit
    return None


def describe_callgrind(entry, stock, pyston):
    res = entry["results"]
    text = "%-14s %s" % (entry["name"], entry["status"])
    for label in (stock.label, pyston.label):
        if res[label]["instructions"] is not None:
            text += "  %s %.1fM" % (label, res[label]["instructions"] / 1e6)
    if entry["ratio"]:
        text += "  ratio %.3f" % entry["ratio"]
    for label, r in sorted(res.items()):
        if r["error"]:
            text += "\n    %s: %s" % (label, r["error"])
    return text


def build_callgrind_results(args, interps, entries, started, valgrind):
    stock, pyston = interps
    return {
        "meta": {
            "mode": "callgrind",
            "date": started.strftime("%Y-%m-%d %H:%M UTC"),
            "duration_seconds": round(time.monotonic() - args.t0, 1),
            "commit": git_commit(),
            "machine": machine_info(),
            "valgrind": valgrind,
            "scale": args.callgrind_scale, "size": args.size,
            "jobs": args.callgrind_jobs,
            "iterations": [CALLGRIND_SHORT, CALLGRIND_LONG],
            "interpreters": {i.label: {"path": i.path, "version": i.version}
                             for i in interps},
            "baseline": stock.label, "jit": pyston.label,
        },
        "geomean_ratio": geomean(e["ratio"] for e in entries),
        "benchmarks": entries,
    }


def run_callgrind(chosen, args):
    """The --callgrind mode: instruction counts instead of times."""
    valgrind = valgrind_version()
    if valgrind is None:
        raise SystemExit("error: --callgrind needs valgrind "
                         "(apt-get install valgrind)")
    stock, pyston, _ = make_interpreters(args)
    started = datetime.datetime.now(datetime.timezone.utc)
    progress = Progress(len(chosen))
    entries = []
    for bm in chosen:
        entry = callgrind_one(bm, (stock, pyston), args, progress)
        judge(entry, stock, pyston, None)
        entry["ratio"] = instruction_ratio(entry, stock, pyston)
        entries.append(entry)
        progress.finish(describe_callgrind(entry, stock, pyston))
    results = build_callgrind_results(args, (stock, pyston), entries,
                                      started, valgrind)
    os.makedirs(args.out, exist_ok=True)
    paths = [os.path.join(args.out, name)
             for name in ("callgrind.json", "callgrind.md")]
    with open(paths[0], "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
    markdown = report.callgrind_markdown(results)
    with open(paths[1], "w") as f:
        f.write(markdown)
    print(markdown)
    print("wrote %s" % ", ".join(paths))
    failed = [e["name"] for e in entries if e["status"] != "ok"]
    if failed:
        print("FAILED: %s" % ", ".join(failed), file=sys.stderr)
        return 1
    return 0


# ---------------------------------------------------------------------------
# Progress


class Progress:
    """A single updating status line on a terminal; plain lines otherwise."""

    def __init__(self, total):
        self.total = total
        self.done = 0
        self.start = time.monotonic()
        self.tty = sys.stderr.isatty()

    def prefix(self):
        elapsed = int(time.monotonic() - self.start)
        return "[%2d/%d %2d:%02d]" % (self.done, self.total, elapsed // 60,
                                      elapsed % 60)

    def update(self, text):
        if self.tty:
            line = "%s %s" % (self.prefix(), text)
            sys.stderr.write("\r\x1b[K" + line[:shutil.get_terminal_size().columns - 1])
            sys.stderr.flush()

    def finish(self, text):
        self.done += 1
        if self.tty:
            sys.stderr.write("\r\x1b[K")
        sys.stderr.write("%s %s\n" % (self.prefix(), text))
        sys.stderr.flush()


# ---------------------------------------------------------------------------
# Main flow


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Run Pyston's benchmarks against stock CPython 3.11.",
        epilog="Benchmarks: " + " ".join(b.name for b in discover()))
    parser.add_argument("benchmarks", nargs="*", metavar="NAME",
                        help="benchmarks to run (names or glob patterns; "
                             "default: all)")
    parser.add_argument("-x", "--exclude", action="append", default=[],
                        metavar="NAME", help="skip these benchmarks")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: tiny sizes, 1 run per interpreter, "
                             "no warm-up curve")
    parser.add_argument("-r", "--runs", type=int,
                        help="processes per interpreter per benchmark "
                             "(default 4; quick 1)")
    parser.add_argument("-n", "--iterations", type=int,
                        help="timed iterations per process (default 3; quick 2)")
    parser.add_argument("-w", "--warmup", type=int,
                        help="untimed warm-up iterations per process "
                             "(default 1; quick 0)")
    parser.add_argument("--size", type=int,
                        help="override every benchmark's size (for one "
                             "benchmark at a time)")
    parser.add_argument("--pyston", default=os.path.join(REPO, "bin", "pyston"),
                        help="the JIT interpreter (default: bin/pyston)")
    parser.add_argument("--python", default=STOCK,
                        help="the baseline interpreter (default: %(default)s)")
    parser.add_argument("--vs", metavar="INTERP",
                        help="add a third interpreter, e.g. pypy3")
    parser.add_argument("--startup-runs", type=int,
                        help="repetitions of `-c pass` (default 20; quick 3; "
                             "0 to skip)")
    parser.add_argument("--curve", default=None, metavar="NAMES",
                        help="comma-separated benchmarks for the warm-up "
                             "curve (default %s; quick: none; '' for none)"
                             % DEFAULT_CURVE)
    parser.add_argument("--curve-iterations", type=int, default=15,
                        help="iterations in the warm-up curve (default 15)")
    parser.add_argument("--timeout", type=float, default=900,
                        help="seconds allowed per process (default 900)")
    parser.add_argument("-o", "--out", default=os.path.join(REPO, "build", "bench"),
                        help="output directory (default build/bench)")
    parser.add_argument("--update-docs", action="store_true",
                        help="also write docs/benchmarks.md and "
                             "docs/benchmarks.svg")
    parser.add_argument("--list", action="store_true",
                        help="list the benchmarks and exit")
    parser.add_argument("--callgrind", action="store_true",
                        help="count instructions of one steady-state "
                             "iteration with valgrind instead of timing "
                             "(python3.11 and pyston only)")
    parser.add_argument("--callgrind-scale", type=float, default=2,
                        metavar="N",
                        help="--callgrind size: about N times the work of "
                             "QUICK_SIZE (1 = QUICK_SIZE, 10 = DEFAULT_SIZE; "
                             "default %(default)g)")
    parser.add_argument("--callgrind-jobs", type=int, default=2, metavar="N",
                        help="valgrind processes at a time (default "
                             "%(default)s)")
    args = parser.parse_args(argv)
    if args.callgrind:
        check_callgrind_args(parser, args)
    quick = args.quick
    defaults = {"runs": (1, 4), "iterations": (2, 3), "warmup": (0, 1),
                "startup_runs": (3, 20)}
    for name, (q, full) in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, q if quick else full)
    if args.curve is None:
        args.curve = "" if quick else DEFAULT_CURVE
    if args.runs < 1 or args.iterations < 1 or args.warmup < 0:
        parser.error("--runs and --iterations must be >= 1, --warmup >= 0")
    return args


def check_callgrind_args(parser, args):
    """Reject the options that have no meaning with --callgrind."""
    unused = [flag for flag, value in (
        ("--quick", args.quick), ("--runs", args.runs),
        ("--iterations", args.iterations), ("--warmup", args.warmup),
        ("--vs", args.vs), ("--startup-runs", args.startup_runs),
        ("--curve", args.curve), ("--update-docs", args.update_docs))
        if value not in (None, False)]
    if unused:
        parser.error("%s cannot be used with --callgrind" % ", ".join(unused))
    if args.callgrind_scale <= 0 or args.callgrind_jobs < 1:
        parser.error("--callgrind-scale must be > 0, --callgrind-jobs >= 1")


def make_interpreters(args):
    stock = Interpreter("python3.11", args.python)
    pyston = Interpreter("pyston", args.pyston)
    extra = None
    if args.vs:
        extra = Interpreter(os.path.basename(args.vs), args.vs,
                            is_pypy="pypy" in os.path.basename(args.vs))
    errors = [e for e in (stock.check(), pyston.check()) if e]
    if errors:
        raise SystemExit("error: " + "; ".join(errors) +
                         "\n(build bin/pyston first, or pass --pyston PATH)")
    if extra is not None:
        err = extra.check()
        if err:
            raise SystemExit("error: " + err)
    return stock, pyston, extra


def bench_one(bm, interps, args, progress):
    """Run one benchmark, alternating interpreters; return its entry."""
    size = args.size or (bm.quick_size if args.quick else bm.default_size)
    iterations = args.warmup + args.iterations
    processes = {i.label: [] for i in interps if i.runs(bm)}
    for run in range(args.runs):
        # ABBA order: a drift within a round favours neither side.
        for interp in (interps if run % 2 == 0 else interps[::-1]):
            if not interp.runs(bm):
                continue
            progress.update("%s: %s run %d/%d" % (bm.name, interp.label,
                                                  run + 1, args.runs))
            processes[interp.label].append(run_benchmark_process(
                interp, bm, size, iterations, args.timeout))
    results = {label: summarize_interp(p, args.warmup)
               for label, p in processes.items()}
    return {"name": bm.name, "size": size, "results": results,
            "pypy_supported": bm.pypy}


def describe_entry(entry, stock, pyston, extra):
    res = entry["results"]
    text = "%-14s %s" % (entry["name"], entry["status"])
    speedup = ratio(res[stock.label], res[pyston.label])
    if speedup:
        text += "  pyston %.2fx" % speedup
    if extra is not None and extra.label in res:
        extra_speedup = ratio(res[stock.label], res[extra.label])
        text += "  %s %s" % (extra.label, "%.2fx" % extra_speedup
                             if extra_speedup else entry.get("extra_status"))
    for label, r in sorted(res.items()):
        if r["error"]:
            text += "\n    %s: %s" % (label, r["error"])
    return text


def warmup_curves(benchmarks, interps, args, progress):
    """Time each of the first N iterations for a few benchmarks."""
    wanted = [n.strip() for n in args.curve.split(",") if n.strip()]
    by_name = {b.name: b for b in benchmarks}
    curves = {}
    for name in wanted:
        bm = by_name.get(name)
        if bm is None:
            continue
        curves[name] = {}
        for interp in interps:
            if not interp.runs(bm):
                continue
            progress.update("warm-up curve %s: %s" % (name, interp.label))
            result = run_benchmark_process(
                interp, bm, args.size or bm.default_size,
                args.curve_iterations, args.timeout)
            curves[name][interp.label] = result.get("times") or []
    return curves


def git_commit():
    def git(*cmd):
        out = subprocess.run(["git", "-C", REPO] + list(cmd),
                             capture_output=True, text=True)
        return out.stdout.strip() if out.returncode == 0 else ""
    commit = git("rev-parse", "--short=12", "HEAD") or "unknown"
    if git("status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    return commit


def machine_info():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = "%.1f GiB" % (kb / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        pass
    osname = ""
    try:
        osname = platform.freedesktop_os_release().get("PRETTY_NAME", "")
    except (OSError, AttributeError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem,
            "os": osname, "kernel": platform.release(),
            "machine": platform.machine()}


def build_results(args, interps, entries, startup, curves, started):
    stock, pyston = interps[0], interps[1]
    extra = interps[2] if len(interps) > 2 else None
    ok = [e for e in entries if e["status"] == "ok"]
    speedups = {}
    for e in entries:
        res = e["results"]
        e["speedup"] = ratio(res[stock.label], res[pyston.label])
        if extra is not None:
            e["speedup_extra"] = (ratio(res[stock.label], res[extra.label])
                                  if e.get("extra_status") == "ok" else None)
    speedups[pyston.label] = geomean(e["speedup"] for e in ok)
    if extra is not None:
        speedups[extra.label] = geomean(e.get("speedup_extra") for e in ok)
    peak = {i.label: max((e["results"][i.label]["rss_kb"] for e in entries
                          if i.label in e["results"]), default=0)
            for i in interps}
    jit = [e["results"][pyston.label] for e in entries]
    compile_total = sum(r.get("compile_seconds") or 0 for r in jit)
    have_stats = any(r.get("pyston_stats") for r in jit)
    return {
        "meta": {
            "date": started.strftime("%Y-%m-%d %H:%M UTC"),
            "duration_seconds": round(time.monotonic() - args.t0, 1),
            "commit": git_commit(),
            "machine": machine_info(),
            "quick": args.quick,
            "runs": args.runs, "iterations": args.iterations,
            "warmup": args.warmup,
            "interpreters": {i.label: {"path": i.path, "version": i.version}
                             for i in interps},
            "baseline": stock.label, "jit": pyston.label,
            "extra": extra.label if extra else None,
        },
        "geomean_speedup": speedups,
        "peak_rss_kb": peak,
        "jit_totals": {
            "stats_available": have_stats,
            "compile_seconds": compile_total if have_stats else None,
            "code_bytes": sum(r.get("code_bytes") or 0 for r in jit)
            if have_stats else None,
        },
        "startup": startup,
        "warmup_curves": curves,
        "benchmarks": entries,
    }


def write_outputs(results, args):
    os.makedirs(args.out, exist_ok=True)
    prefix = "quick-" if args.quick else ""
    paths = {kind: os.path.join(args.out, prefix + name) for kind, name in
             (("json", "results.json"), ("md", "results.md"),
              ("svg", "speedups.svg"))}
    with open(paths["json"], "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
    markdown = report.markdown(results, chart="speedups.svg")
    with open(paths["md"], "w") as f:
        f.write(markdown)
    with open(paths["svg"], "w") as f:
        f.write(report.svg_chart(results))
    if args.update_docs:
        report.update_docs(results, os.path.join(REPO, "docs"))
    return paths, markdown


def main(argv=None):
    args = parse_args(argv)
    args.t0 = time.monotonic()
    benchmarks = discover()
    if args.list:
        for bm in benchmarks:
            print("%-14s size %-6s quick %-5s callgrind %-6s %s%s" % (
                bm.name, bm.default_size, bm.quick_size,
                callgrind_size(bm, args.callgrind_scale),
                "" if bm.pypy else "[not on pypy] ", " ".join(bm.doc)))
        return 0
    chosen = select(benchmarks, args.benchmarks, args.exclude)
    if args.callgrind:
        return run_callgrind(chosen, args)
    stock, pyston, extra = make_interpreters(args)
    interps = [i for i in (pyston, stock, extra) if i is not None]
    started = datetime.datetime.now(datetime.timezone.utc)
    progress = Progress(len(chosen))
    startup = {}
    if args.startup_runs:
        startup = measure_startup(interps, args.startup_runs, progress)
    entries = []
    for bm in chosen:
        entry = bench_one(bm, interps, args, progress)
        judge(entry, stock, pyston, extra)
        entries.append(entry)
        progress.finish(describe_entry(entry, stock, pyston, extra))
    in_order = [stock, pyston] + ([extra] if extra else [])
    curves = warmup_curves(chosen, in_order, args, progress) if args.curve else {}
    results = build_results(args, in_order, entries, startup, curves, started)
    paths, markdown = write_outputs(results, args)
    print(markdown)
    print("wrote %s" % ", ".join(sorted(paths.values())))
    failed = [e["name"] for e in entries if e["status"] != "ok"]
    if failed:
        print("FAILED: %s" % ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
