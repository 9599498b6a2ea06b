"""Pyflakes: check a fixed, sorted list of standard-library modules.

Uses Debian's python3-pyflakes the way a linter run would: each file of
/usr/lib/python3.11 (``size`` modules spread evenly over the sorted list,
skipping a few enormous ones) is parsed and checked, collecting messages with a
custom reporter.  Not run on pypy3, whose 3.9 parser cannot read 3.11
code.  Checksum: the number of files, and of messages by type.
"""

import os

import harness

DEFAULT_SIZE = 35
QUICK_SIZE = 4
PYPY = False

STDLIB = "/usr/lib/python3.11"
SKIP = {"pydoc_data", "_pydecimal.py", "turtle.py"}


class CountingReporter:
    def __init__(self):
        self.counts = {}
        self.errors = 0

    def unexpectedError(self, filename, message):
        self.errors += 1

    def syntaxError(self, filename, message, lineno, offset, text):
        self.errors += 1

    def flake(self, message):
        name = type(message).__name__
        self.counts[name] = self.counts.get(name, 0) + 1


def stdlib_files(count):
    """``count`` modules spread evenly over the sorted list of all of them."""
    names = sorted(n for n in os.listdir(STDLIB)
                   if n.endswith(".py") and n not in SKIP)
    step = max(1, len(names) // count)
    return [os.path.join(STDLIB, n) for n in names[::step][:count]]


def run(size):
    from pyflakes.api import check
    reporter = CountingReporter()
    files = stdlib_files(size)
    for path in files:
        with open(path, encoding="utf-8") as f:
            check(f.read(), path, reporter)
    return "%d %d %s" % (len(files), reporter.errors,
                         sorted(reporter.counts.items()))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
