#!/usr/bin/python3.11
"""Refcount and memory-block leak hunting on Debian's debug interpreter
(python3.11-dbg, which counts every reference): the JIT, compiling every
function at its first call, must leak nothing that stock CPython does not.

Two parts, each run under the stock debug interpreter and under Pyston on
it (PYSTON_PYTHON=python3.11-dbg bin/pyston, PYSTON_JIT_THRESHOLD=0):
  lang   each tests/lang program run 3 + 3 times in one process by
         leakcheck.py, which reports refcount and block deltas of the last 3;
  suite  CPython test modules (refleak_tests.txt) under regrtest's
         -R 3:3 (huntrleaks), which reports the modules that leak.
A leak is what regrtest calls one: every measured delta >= 1.  A program or
module fails if it leaks under Pyston and not under stock (or more), or if
it fails under Pyston only.  A program whose reference deltas are all
negative under Pyston only fails too: compiled code is then changing
refcounts the debug build does not count, and leaks would be hidden
(regrtest says nothing about negative deltas, so the lang part is where
this shows).  The last line is `N passed, M failed`.

    refleaks.py [--only lang|suite] [--tests FILE] [--pyston CMD] [--dbg PYTHON]"""
import argparse
import json
import re
import shlex
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
sys.path.insert(0, str(TESTS))
from conftest import PYSTON, REPO, clean_env  # noqa: E402
from difftest import split_stats  # noqa: E402

LEAK_LINE = re.compile(r"^(test_\w+) leaked \[([-\d, ]*)\] (references|memory blocks|file descriptors)",
                       re.M)
UNSET = ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--only", choices=("lang", "suite"))
    p.add_argument("--tests", type=Path, default=HERE / "refleak_tests.txt",
                   help="CPython test modules, one per line")
    p.add_argument("--programs", nargs="*", help="tests/lang programs (default: all)")
    p.add_argument("--pyston", default=PYSTON, help="the launcher under test")
    p.add_argument("--dbg", default="/usr/bin/python3.11-dbg", help="the debug interpreter")
    p.add_argument("-j", "--jobs", type=int, default=2)
    p.add_argument("--timeout", type=float, default=1800)
    return p.parse_args(argv)


def sides(args):
    """(name, argv prefix, environment) of the stock and the Pyston runs."""
    stock_env = clean_env(**{k: None for k in UNSET})
    pyston_env = clean_env(PYSTON_PYTHON=args.dbg, PYSTON_JIT_THRESHOLD="0",
                           **{k: None for k in UNSET})
    return [("stock", [args.dbg], stock_env), ("pyston", shlex.split(args.pyston), pyston_env)]


def leaks(deltas):
    return bool(deltas) and all(d >= 1 for d in deltas)


def worse(stock, pyston):
    """Whether PYSTON's deltas show a leak that STOCK's do not (or a bigger one)."""
    return leaks(pyston) and (not leaks(stock) or sum(pyston) > sum(stock))


def miscounted(stock, pyston):
    """Every delta below zero under Pyston only: references released that
    the debug build never counted (compiled code that changes ob_refcnt
    without _Py_RefTotal), which would hide leaks as well."""
    negative = lambda deltas: bool(deltas) and all(d <= -1 for d in deltas)
    return negative(pyston) and not negative(stock)


MISCOUNTED = ("reference count total drifts down by {} per run (stock {}): compiled code "
              "changes refcounts without updating _Py_RefTotal, so leaks cannot be seen")


# --------------------------------------------------------------------------
# tests/lang programs, measured in-process by leakcheck.py


def leakcheck(program, argv, env, timeout, want_stats):
    cmd = [*argv, str(HERE / "leakcheck.py"), program]
    if want_stats:
        env = dict(env, PYSTON_STATS="1")
    try:
        proc = subprocess.run(cmd, capture_output=True, env=env, cwd=REPO, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout}s"}
    lines = [l for l in proc.stdout.decode(errors="replace").splitlines() if l.startswith("LEAKCHECK ")]
    if proc.returncode != 0 or not lines:
        return {"error": f"exit status {proc.returncode}: {proc.stderr[-1500:].decode(errors='replace')}"}
    result = json.loads(lines[-1][len("LEAKCHECK "):])
    if want_stats and split_stats(proc.stderr)[1] is None:
        result["error"] = "no pyston stats: the JIT was not on"
    return result


def check_program(program, args):
    (_, s_argv, s_env), (_, p_argv, p_env) = sides(args)
    stock = leakcheck(program, s_argv, s_env, args.timeout, False)
    pyston = leakcheck(program, p_argv, p_env, args.timeout, True)
    problems = []
    if "error" in pyston and "error" not in stock:
        problems.append(f"fails under pyston only: {pyston['error']}")
    for key, what in (("refs", "references"), ("blocks", "memory blocks")):
        if worse(stock.get(key, []), pyston.get(key, [])):
            problems.append(f"leaked {pyston[key]} {what} (stock {stock.get(key)})")
    if miscounted(stock.get("refs", []), pyston.get("refs", [])):
        problems.append(MISCOUNTED.format(pyston["refs"], stock.get("refs")))
    return program, stock, pyston, problems


def run_lang(args):
    programs = args.programs or sorted(str(p.relative_to(REPO)) for p in (TESTS / "lang").glob("*.py"))
    failed = 0
    with ThreadPoolExecutor(args.jobs) as pool:
        for program, stock, pyston, problems in pool.map(lambda p: check_program(p, args), programs):
            status = "FAIL" if problems else "ok  "
            print(f"{status} {program}: refs {pyston.get('refs')} blocks {pyston.get('blocks')}"
                  f" (stock {stock.get('refs')} {stock.get('blocks')})", flush=True)
            for problem in problems:
                print("    " + problem)
            failed += bool(problems)
    return len(programs), failed


# --------------------------------------------------------------------------
# CPython's suite under regrtest -R 3:3


def regrtest(argv, env, tests, args):
    cmd = [*argv, "-m", "test", "-R", "3:3", f"-j{args.jobs}", "--timeout", str(int(args.timeout)),
           *tests]
    proc = subprocess.run(cmd, capture_output=True, env=env, cwd=REPO)
    text = proc.stdout.decode(errors="replace") + proc.stderr.decode(errors="replace")
    found = {}
    for name, deltas, what in LEAK_LINE.findall(text):
        found[(name, what)] = [int(d) for d in deltas.split(",") if d.strip()]
    return found, failed_tests(text), text


def failed_tests(text):
    """Test modules in regrtest's `N tests failed:` summary block."""
    names = set()
    for block in re.findall(r"^\d+ tests? failed:\n((?:    .*\n)+)", text, re.M):
        names.update(block.split())
    return names


def run_suite(args):
    tests = [t.strip() for t in args.tests.read_text().splitlines()
             if t.strip() and not t.startswith("#")]
    results = {}
    for name, argv, env in sides(args):
        start = time.monotonic()
        results[name] = regrtest(argv, env, tests, args)
        print(f"suite: {len(tests)} modules with -R 3:3 under {name} in "
              f"{time.monotonic() - start:.0f}s", flush=True)
    (s_leaks, s_failed, _), (p_leaks, p_failed, p_text) = results["stock"], results["pyston"]
    failed = 0
    for test in tests:
        problems = [f"leaked {d} {what} (stock {s_leaks.get((test, what))})"
                    for (name, what), d in sorted(p_leaks.items())
                    if name == test and worse(s_leaks.get((test, what), []), d)]
        if test in p_failed and test not in s_failed and not problems:
            problems.append("fails under pyston only")
        print(f"{'FAIL' if problems else 'ok  '} {test}", flush=True)
        for problem in problems:
            print("    " + problem)
        failed += bool(problems)
    if failed:
        print("suite: pyston's regrtest output ends with:\n" + p_text[-3000:])
    return len(tests), failed


def check_setup(args):
    """The debug interpreter and the extension built for it are there."""
    _, (_, argv, env) = sides(args)
    proc = subprocess.run([*argv, "-c", "import sys, pyston; print(pyston.is_enabled(), "
                           "hasattr(sys, 'gettotalrefcount'))"], capture_output=True, env=env)
    if proc.stdout.split() != [b"True", b"True"]:
        sys.exit(f"refleaks: {args.pyston} on {args.dbg} does not run the JIT "
                 f"(python3.11-dbg installed? make dbg?):\n{proc.stderr.decode()}")


def main(argv=None):
    args = parse_args(argv)
    check_setup(args)
    start = time.monotonic()
    total = failed = 0
    for part, run in (("lang", run_lang), ("suite", run_suite)):
        if args.only in (None, part):
            n, f = run(args)
            total, failed = total + n, failed + f
    print(f"refleaks: {total} programs and modules in {time.monotonic() - start:.0f}s")
    print(f"{total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
