#!/usr/bin/python3.11
"""Compare CPython's regression suite between stock CPython and Pyston.

Runs the selected tests of CPython's own test suite (Debian package
libpython3.11-testsuite) twice, once under stock /usr/bin/python3.11 and once
under Pyston (bin/pyston, with PYSTON_JIT_THRESHOLD=0 unless already set, so
that the JIT compiles every function on its first call), then compares the
result of every test module and every test case between the two.

Both runs use `python3.11 -m test -jN --python CMD`: the regrtest driver stays
on stock CPython and only the worker processes run under CMD, so a crash of
the interpreter under test shows up as a failed module. Failed modules are
run a second time, the same way on both sides, and a module that passes then
counts as passed (flaky). regrtest's own -w cannot be used: it does not rerun
anything when --python is given.

A module's result is its outcome (passed, failed, skipped, ...) together with
the set of its failing test cases. The last line printed is
`N passed, M failed`: N modules whose result under Pyston equals stock and M
modules whose result differs. The exit status is 0 iff M == 0.

Usage:
    run_suite.py [--tests core|all] [-f FILE] [--pyston CMD] [--stock PYTHON]
                 [-j N] [--timeout S] [--out DIR] [-u RESOURCES] [-v]
                 [--no-rerun] [test names...]

Logs, JUnit XML and JSON summaries of each run are kept under --out.
Runs on stock python3.11 and uses only the standard library.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DRIVER = HERE / "regrtest_driver.py"
TEST_LISTS = {"core": HERE / "core.txt", "all": None}
STOCK_PYTHON = "/usr/bin/python3.11"

# Exported on these machines: with them test_cmd_line and test_compileall
# fail and ~97 import tests skip.
UNSET_ENV = ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")
# Test cases never run (regrtest -i): they hang on these machines.
IGNORED_CASES = ("ThreadedVSOCKSocketStreamTest",)
# Known, accepted differences, left out on both sides; see the file.
EXCLUDED_CASES_FILE = HERE / "excluded_cases.txt"
# Module outcomes (see regrtest_driver.OUTCOMES) that count as a pass, and
# those that count as a failure.
OK_OUTCOMES = {"passed", "env changed"}
FAILED_OUTCOMES = {"failed", "interrupted", "missing"}
OUTCOME_ORDER = ("passed", "env changed", "skipped", "no tests", "failed",
                 "interrupted", "missing")
MAX_LISTED_CASES = 15
# Pseudo module standing for a regrtest run that did not run any test.
RUNNER_ERROR = "(regrtest)"


# --------------------------------------------------------------------------
# Command line


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Compare CPython's test suite between stock CPython "
        "and Pyston.")
    parser.add_argument("tests", nargs="*", metavar="TEST",
                        help="test modules to run (default: --tests)")
    parser.add_argument("--tests", dest="test_set", choices=TEST_LISTS,
                        default="core",
                        help="core: the modules in core.txt; all: the whole "
                        "suite (default: core)")
    parser.add_argument("-f", "--fromfile", type=Path,
                        help="file listing test modules, one per line, "
                        "# comments allowed")
    parser.add_argument("--pyston", default=str(REPO / "bin" / "pyston"),
                        help="interpreter command under test, split like a "
                        "shell would (default: %(default)s)")
    parser.add_argument("--stock", default=STOCK_PYTHON,
                        help="stock CPython; also runs the regrtest driver "
                        "(default: %(default)s)")
    parser.add_argument("-j", "--jobs", type=int, default=2,
                        help="worker processes per run (default: 2)")
    parser.add_argument("--timeout", type=int, default=600,
                        help="seconds before a test module is killed "
                        "(default: 600)")
    parser.add_argument("--out", type=Path,
                        help="directory for logs and results (default: "
                        "build/cpython-suite/<date>-<time> in the repo)")
    parser.add_argument("-u", "--use", metavar="RESOURCES",
                        help="passed to regrtest -u, e.g. cpu,network")
    parser.add_argument("--no-rerun", dest="rerun", action="store_false",
                        help="do not rerun failed modules")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also show regrtest's output")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("-j must be at least 1: --python requires workers")
    if args.out is None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        args.out = REPO / "build" / "cpython-suite" / stamp
    args.out = args.out.resolve()  # regrtest runs in another directory
    return args


def read_test_list(path):
    """Test names in *path*: one per line, '#' starts a comment."""
    names = []
    for line in Path(path).read_text().splitlines():
        name = line.split("#", 1)[0].strip()
        if name:
            names.append(name)
    return names


def selected_tests(args):
    """Test names to pass to regrtest, or [] for the whole suite."""
    if args.tests:
        return args.tests
    if args.fromfile:
        tests = read_test_list(args.fromfile)
        if not tests:
            sys.exit(f"error: no test names in {args.fromfile}")
        return tests
    test_list = TEST_LISTS[args.test_set]
    return read_test_list(test_list) if test_list else []


def absolute_command(command):
    """Split *command* and make its relative paths absolute.

    regrtest starts its workers from the output directory, where a relative
    path like bin/pyston would not be found.
    """
    words = shlex.split(command)
    return [str(Path(word).resolve())
            if "/" in word and not os.path.isabs(word) and os.path.exists(word)
            else word
            for word in words]


# --------------------------------------------------------------------------
# Running regrtest


class Side:
    """One interpreter being tested: a name, a command and its environment."""

    def __init__(self, name, command, extra_env=None):
        self.name = name
        self.command = command
        self.env = {k: v for k, v in os.environ.items() if k not in UNSET_ENV}
        for key, value in (extra_env or {}).items():
            self.env.setdefault(key, value)

    def describe(self):
        jit = self.env.get("PYSTON_JIT_THRESHOLD")
        extra = f" (PYSTON_JIT_THRESHOLD={jit})" if jit is not None else ""
        return f"{shlex.join(self.command)}{extra}"

    def check_runs(self):
        """Fail early if the interpreter cannot even run a trivial program."""
        try:
            proc = subprocess.run(
                [*self.command, "-c", "import sys; print(sys.version)"],
                env=self.env, capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{self.describe()}: {exc}"
        if proc.returncode != 0:
            return (f"{self.describe()} exited with {proc.returncode}:\n"
                    f"{proc.stdout}{proc.stderr}")
        return None


def excluded_cases():
    return tuple(read_test_list(EXCLUDED_CASES_FILE))


def regrtest_command(args, side, tests, summary_path, xml_path):
    cmd = [*absolute_command(args.stock), str(DRIVER), str(summary_path),
           f"-j{args.jobs}", "--python", shlex.join(side.command),
           "--timeout", str(args.timeout), "--junit-xml", str(xml_path)]
    for case in IGNORED_CASES + excluded_cases():
        cmd += ["-i", case]
    if args.use:
        cmd += ["-u", args.use]
    return cmd + list(tests)


def run_logged(cmd, env, cwd, log_path, echo):
    """Run *cmd*, sending its output to *log_path* (and stdout if *echo*)."""
    with open(log_path, "w", buffering=1) as log:  # line buffered: tail -f
        log.write(f"$ {shlex.join(cmd)}\n")
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, text=True,
                                errors="replace", stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
        for line in proc.stdout:
            log.write(line)
            if echo:
                sys.stdout.write(line)
                sys.stdout.flush()
        return proc.wait()


def missing_module(text):
    """Result of a module that regrtest did not report on."""
    return {"result": "Missing", "outcome": "missing", "text": text,
            "duration": 0, "cases": {}}


def read_summary(path):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def run_regrtest(args, side, tests, label):
    """Run *tests* once on *side*; return the driver's summary dict.

    If regrtest ran no test at all (bad option, driver crash), the summary
    holds a failed pseudo-module named RUNNER_ERROR.
    """
    out_dir = args.out / side.name
    out_dir.mkdir(parents=True, exist_ok=True)
    summary_path = out_dir / f"{label}.json"
    log_path = out_dir / f"{label}.log"
    cmd = regrtest_command(args, side, tests, summary_path,
                           out_dir / f"{label}.xml")
    start = time.monotonic()
    exit_code = run_logged(cmd, side.env, out_dir, log_path, args.verbose)
    summary = read_summary(summary_path)
    if not summary or not summary["selected"]:
        error = (f"regrtest exited with {exit_code} without running any "
                 f"test; see {log_path}")
        print(f"{side.name}: {error}", flush=True)
        summary = {"selected": list(tests),
                   "modules": {RUNNER_ERROR: missing_module(error)}}
    summary["wall_time"] = time.monotonic() - start
    for name in summary["selected"]:
        summary["modules"].setdefault(
            name, missing_module(f"{name} did not run"))
    return summary


def needs_rerun(module):
    return module["outcome"] in FAILED_OUTCOMES


def run_side(args, side, tests):
    """Run *tests* on *side*, rerunning failed modules once.

    Returns (modules, wall time) where modules maps a module name to its
    final result; a module that failed first carries its first result
    under "first_try".
    """
    what = f"{len(tests)} test modules" if tests else "the whole suite"
    print(f"{side.name}: running {what} ...", flush=True)
    first = run_regrtest(args, side, tests, "run")
    modules = first["modules"]
    wall_time = first["wall_time"]
    failed = sorted(name for name, module in modules.items()
                    if needs_rerun(module))
    if failed and args.rerun and RUNNER_ERROR not in modules:
        print(f"{side.name}: rerunning {len(failed)} failed: "
              f"{' '.join(failed)}", flush=True)
        second = run_regrtest(args, side, failed, "rerun")
        wall_time += second["wall_time"]
        for name in failed:
            rerun = second["modules"][name]
            rerun["first_try"] = modules[name]["text"]
            modules[name] = rerun
    print(f"{side.name}: done in {format_seconds(wall_time)}", flush=True)
    return modules, wall_time


# --------------------------------------------------------------------------
# Comparing


def failed_cases(module):
    return sorted(case for case, status in module["cases"].items()
                  if status == "failed")


def skipped_cases(module):
    return {case for case, status in module["cases"].items()
            if status == "skipped"}


def is_failure(module):
    return module["outcome"] in FAILED_OUTCOMES


def result_key(module):
    """What must be equal between the two sides for a module to pass."""
    outcome = module["outcome"]
    if outcome in OK_OUTCOMES:
        outcome = "passed"
    return outcome, tuple(failed_cases(module))


def classify(name, stock, pyston):
    """Name of the comparison category of one module."""
    if name == RUNNER_ERROR:
        return "runner error"
    if result_key(stock) == result_key(pyston):
        return "both failed" if is_failure(stock) else "same"
    if is_failure(stock) and is_failure(pyston):
        return "both failed, differently"
    if is_failure(pyston):
        return "pyston only"
    if is_failure(stock):
        return "stock only"
    return "other"


def compare(stock_modules, pyston_modules):
    """Map category -> sorted list of (module name, stock, pyston)."""
    categories = {}
    for name in sorted(set(stock_modules) | set(pyston_modules)):
        stock = stock_modules.get(name, missing_module("did not run"))
        pyston = pyston_modules.get(name, missing_module("did not run"))
        category = classify(name, stock, pyston)
        categories.setdefault(category, []).append((name, stock, pyston))
    return categories


# --------------------------------------------------------------------------
# Reporting


def format_seconds(seconds):
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


def outcome_counts(modules):
    counts = {}
    for module in modules.values():
        counts[module["outcome"]] = counts.get(module["outcome"], 0) + 1
    return counts


def print_table(sides, results):
    """Outcome counts and wall time of each side, side by side."""
    counts = [outcome_counts(modules) for modules, _ in results]
    outcomes = [outcome for outcome in OUTCOME_ORDER
                if any(outcome in c for c in counts)]
    print(f"{'':14}" + "".join(f"{side.name:>10}" for side in sides))
    for outcome in outcomes:
        print(f"{outcome:14}" + "".join(f"{c.get(outcome, 0):>10}"
                                        for c in counts))
    print(f"{'wall time':14}" + "".join(f"{format_seconds(t):>10}"
                                        for _, t in results))


def print_cases(label, cases):
    if not cases:
        return
    print(f"      {label}:")
    for case in cases[:MAX_LISTED_CASES]:
        print(f"        {case}")
    if len(cases) > MAX_LISTED_CASES:
        print(f"        ... and {len(cases) - MAX_LISTED_CASES} more")


def rerun_note(module):
    if "first_try" not in module:
        return ""
    if is_failure(module):
        return ", again on rerun"
    return f", on rerun (first run: {module['first_try']})"


def print_module(name, stock, pyston):
    print(f"  {name}")
    for side_name, module in (("stock", stock), ("pyston", pyston)):
        print(f"    {side_name:7} {module['text']}{rerun_note(module)}")
    stock_failed = set(failed_cases(stock))
    pyston_failed = set(failed_cases(pyston))
    print_cases("failing only under pyston",
                sorted(pyston_failed - stock_failed))
    print_cases("failing only on stock", sorted(stock_failed - pyston_failed))
    print_cases("failing on both", sorted(stock_failed & pyston_failed))


SECTIONS = (
    ("runner error", "Runs where regrtest itself failed"),
    ("pyston only", "Failing only under Pyston"),
    ("both failed, differently", "Failing on both, with different failures"),
    ("stock only", "Failing only on stock"),
    ("other", "Other differences"),
    ("both failed", "Failing on both, identically (environmental)"),
)


def print_sections(categories):
    for category, title in SECTIONS:
        entries = categories.get(category, [])
        if entries:
            print(f"\n{title} ({len(entries)}):")
            for entry in entries:
                print_module(*entry)


def print_notes(sides, results):
    """Things that are not differences but worth knowing."""
    (stock_modules, _), (pyston_modules, _) = results
    for side, (modules, _) in zip(sides, results):
        flaky = sorted(name for name, module in modules.items()
                       if "first_try" in module and not is_failure(module))
        if flaky:
            print(f"\nPassed only on rerun under {side.name}: "
                  f"{' '.join(flaky)}")
    skipped_more = sum(
        len(skipped_cases(module) - skipped_cases(stock_modules[name]))
        for name, module in pyston_modules.items() if name in stock_modules)
    if skipped_more:
        print(f"\nTest cases skipped under pyston but not on stock: "
              f"{skipped_more} (see comparison.json)")


def write_comparison(args, categories):
    """Save the per-module comparison, with case-level details, as JSON."""
    report = {}
    for category, entries in categories.items():
        for name, stock, pyston in entries:
            report[name] = {
                "category": category,
                "stock": stock["text"],
                "pyston": pyston["text"],
                "failed_only_pyston": sorted(
                    set(failed_cases(pyston)) - set(failed_cases(stock))),
                "failed_only_stock": sorted(
                    set(failed_cases(stock)) - set(failed_cases(pyston))),
                "skipped_only_pyston": sorted(
                    skipped_cases(pyston) - skipped_cases(stock)),
            }
    path = args.out / "comparison.json"
    path.write_text(json.dumps(report, indent=1, sort_keys=True))
    return path


def report(args, sides, results):
    """Print the comparison; return the number of modules that differ."""
    categories = compare(results[0][0], results[1][0])
    print()
    print_table(sides, results)
    print_sections(categories)
    print_notes(sides, results)
    path = write_comparison(args, categories)
    print(f"\nDetails: {path}")
    print(f"Left out on both sides: {len(excluded_cases())} test case patterns "
          f"({EXCLUDED_CASES_FILE.relative_to(REPO)})")
    differ = sum(len(entries) for category, entries in categories.items()
                 if category not in ("same", "both failed"))
    same = sum(len(entries) for entries in categories.values()) - differ
    print(f"{same} passed, {differ} failed")
    return differ


# --------------------------------------------------------------------------


def main(argv=None):
    args = parse_args(argv)
    tests = selected_tests(args)
    sides = [
        Side("stock", absolute_command(args.stock)),
        Side("pyston", absolute_command(args.pyston),
             {"PYSTON_JIT_THRESHOLD": "0"}),
    ]
    for side in sides:
        error = side.check_runs()
        if error:
            print(f"error: cannot run {side.name}: {error}", file=sys.stderr)
            return 2
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"CPython test suite, {len(tests) or 'all'} modules, -j{args.jobs}, "
          f"timeout {args.timeout}s; results in {args.out}")
    for side in sides:
        print(f"  {side.name}: {side.describe()}")
    results = [run_side(args, side, tests) for side in sides]
    return 1 if report(args, sides, results) else 0


if __name__ == "__main__":
    sys.exit(main())
