"""Interleaved stdout/stderr writes with explicit flushes, print(file=...), sys.stderr.write, warnings, and a non-zero exit via sys.exit(message)."""
import sys
import warnings


def work(i):
    return sum(j * j for j in range(i)) % 1009


def main():
    for i in range(12):
        r = 0
        for k in range(200):
            r += work(k % 40 + i)
        if i % 3 == 0:
            print(f"err line {i}: {r}", file=sys.stderr)
            sys.stderr.flush()
        else:
            print(f"out line {i}: {r}")
            sys.stdout.flush()
    sys.stderr.write("raw stderr write\n")
    sys.stderr.flush()
    sys.stdout.write("raw stdout write\n")
    sys.stdout.flush()
    print("multi", "args", sep="|", end="<END>\n", file=sys.stderr, flush=True)
    print("unicode to stderr: é ✓ 日本", file=sys.stderr, flush=True)
    warnings.simplefilter("always")
    warnings.warn("this is a user warning")
    warnings.warn("deprecated thing", DeprecationWarning, stacklevel=2)
    sys.stderr.flush()
    print("after warnings", flush=True)
    sys.exit("fatal: exiting with a message (status 1)")


main()
