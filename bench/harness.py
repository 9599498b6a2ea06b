"""Shared in-process harness for the Pyston benchmarks.

The protocol every ``bench/bm_NAME.py`` follows:

* It defines ``run(size)``, which does one iteration of the benchmark's work
  and returns a deterministic checksum (an int or a str) of that work.
* It defines the literals ``DEFAULT_SIZE`` (an iteration takes roughly
  0.2-1 s on stock CPython 3.11) and ``QUICK_SIZE`` (a few milliseconds).
* It may define ``PYPY = False`` when it cannot run on Debian's pypy3
  (Python 3.9 syntax, or a package pypy3 lacks); the runner reads these
  literals with ``ast`` without importing the file.
* It ends with ``if __name__ == "__main__": harness.main(run, DEFAULT_SIZE)``.

Command line of a benchmark file (the runner drives it)::

    python bench/bm_NAME.py [--size N] [--iterations N]

Output is one JSON object per line on stdout: one per iteration
(``{"iteration": i, "seconds": t}``), then a summary line with
``"summary": true``, the checksum, all times, and ``pyston.stats()`` when the
``pyston`` module can be imported (``null`` otherwise).  Every iteration must
produce the same checksum; a benchmark whose iterations disagree fails.

Benchmarks must stay Python 3.9 compatible unless marked ``PYPY = False``.
"""

import argparse
import gc
import hashlib
import json
import sys
import time


def digest(text):
    """Return a short stable hex digest of a str (or bytes)."""
    if isinstance(text, str):
        text = text.encode("utf-8")
    return hashlib.sha256(text).hexdigest()[:16]


class Lcg:
    """A tiny deterministic random generator, identical on every interpreter.

    (``random.Random`` would do on CPython, but its methods have changed
    across versions; this one never does.)
    """

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFF

    def next(self):
        """Return the next 31-bit integer."""
        self.state = (self.state * 25214903917 + 11) & 0xFFFFFFFFFFFF
        return self.state >> 17

    def below(self, n):
        """Return an integer in range(n)."""
        return self.next() % n

    def random(self):
        """Return a float in [0, 1)."""
        return self.next() / 2147483648.0

    def choice(self, seq):
        """Return one element of a sequence."""
        return seq[self.below(len(seq))]

    def shuffle(self, items):
        """Shuffle a list in place (Fisher-Yates)."""
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


def _parse_args(default_size, argv):
    parser = argparse.ArgumentParser(description="Run one benchmark.")
    parser.add_argument("--size", type=int, default=default_size,
                        help="problem size (default %(default)s)")
    parser.add_argument("--iterations", type=int, default=1,
                        help="number of timed iterations (default 1)")
    return parser.parse_args(argv)


def _pyston_stats():
    """Return pyston.stats() as a dict, or None when the JIT is absent."""
    try:
        import pyston
        return dict(pyston.stats())
    except Exception:
        return None


def _emit(record):
    sys.stdout.write(json.dumps(record, sort_keys=True) + "\n")
    sys.stdout.flush()


def _time_one(run, size):
    gc.collect()
    start = time.perf_counter()
    checksum = run(size)
    return time.perf_counter() - start, checksum


def main(run, default_size, argv=None):
    """Parse argv, time ``run(size)`` repeatedly and print JSON lines."""
    args = _parse_args(default_size, argv)
    times = []
    checksum = None
    for i in range(args.iterations):
        seconds, result = _time_one(run, args.size)
        result = str(result)
        if checksum is not None and result != checksum:
            sys.stderr.write("checksum changed between iterations: %r != %r\n"
                             % (result, checksum))
            sys.exit(3)
        checksum = result
        times.append(seconds)
        _emit({"iteration": i, "seconds": seconds})
    _emit({
        "summary": True,
        "size": args.size,
        "checksum": checksum,
        "times": times,
        "implementation": sys.implementation.name,
        "version": "%d.%d.%d" % sys.version_info[:3],
        "pyston": _pyston_stats(),
    })
