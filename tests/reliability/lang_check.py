#!/usr/bin/python3.11
"""Runs every tests/lang program under stock CPython and under a candidate
interpreter (e.g. the AddressSanitizer build, build/asan/bin/pyston-asan),
with the differential harness of tests/difftest.py: stdout, stderr and exit
status must be equal, so a sanitizer report or a crash is a failure.  The
last line printed is `N passed, M failed`.

    lang_check.py [--candidate CMD] [-j N] [PROGRAM...]"""
import argparse
import shlex
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))
from conftest import PYSTON, REPO  # noqa: E402
from difftest import compare  # noqa: E402


def check(program, candidate, timeout):
    try:
        problems, _ = compare(program, candidate, timeout=timeout)
    except Exception as e:  # a timeout
        problems = [f"{type(e).__name__}: {e}"]
    return program, problems


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("programs", nargs="*")
    p.add_argument("--candidate", default=PYSTON)
    p.add_argument("-j", "--jobs", type=int, default=2)
    p.add_argument("--timeout", type=float, default=300)
    args = p.parse_args()
    programs = args.programs or sorted(str(q.relative_to(REPO)) for q in (TESTS / "lang").glob("*.py"))
    candidate = shlex.split(args.candidate)
    start = time.monotonic()
    failed = 0
    with ThreadPoolExecutor(args.jobs) as pool:
        for program, problems in pool.map(lambda q: check(q, candidate, args.timeout), programs):
            print(f"{'FAIL' if problems else 'ok  '} {program}", flush=True)
            for problem in problems:
                print("    " + problem[-3000:].replace("\n", "\n    "))
            failed += bool(problems)
    print(f"lang_check: {len(programs)} programs in {time.monotonic() - start:.0f}s, "
          f"candidate {args.candidate}")
    print(f"{len(programs) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
