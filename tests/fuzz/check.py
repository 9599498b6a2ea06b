#!/usr/bin/python3.11
"""Runs one program (a saved reproducer or any deterministic program) under
stock CPython and under the JIT, as the fuzzer does, and prints the verdict.

    check.py FILE [--candidate CMD] [--timeout S]      exit status 0 iff it passes"""
import argparse
import shlex
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from runner import PYSTON, check  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("file", type=Path)
    p.add_argument("--candidate", default=PYSTON)
    p.add_argument("--timeout", type=float, default=60.0)
    args = p.parse_args()
    verdict = check(args.file.resolve(), shlex.split(args.candidate), args.timeout)
    print(f"{args.file}: {verdict.kind}")
    if verdict.detail:
        print(verdict.detail)
    return 0 if verdict.kind == "pass" else 1


if __name__ == "__main__":
    sys.exit(main())
