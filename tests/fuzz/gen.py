#!/usr/bin/python3.11
"""Prints the fuzzer's program for a seed:  gen.py SEED [--without FEATURE...]"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzzgen import FEATURES, generate  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("seed", type=int)
    parser.add_argument("--without", action="append", default=[], choices=FEATURES)
    args = parser.parse_args()
    sys.stdout.write(generate(args.seed, args.without))


if __name__ == "__main__":
    main()
