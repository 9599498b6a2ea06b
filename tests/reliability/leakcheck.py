"""Runs a program repeatedly inside the interpreter under test and measures
what each run leaves behind: sys.gettotalrefcount() and
sys.getallocatedblocks() deltas, as regrtest's -R (huntrleaks) does for a
test module.  Needs a debug build of CPython (python3.11-dbg).

    python3.11-dbg leakcheck.py PROGRAM [WARMUPS RUNS]

The program is compiled once and executed WARMUPS + RUNS times (default
3 + 3) as __main__ in a fresh namespace, its stdout and stderr discarded,
SystemExit and any exception caught, atexit handlers dropped.  After
each run: gc, caches cleared,
then the counts.  The last line printed is `LEAKCHECK {json}` with the
deltas of the last RUNS runs."""
import atexit
import builtins
import contextlib
import gc
import io
import json
import linecache
import re
import sys


def clear_caches():
    sys._clear_type_cache()
    re.purge()
    linecache.clearcache()
    for _ in range(3):
        gc.collect()


def counts():
    clear_caches()
    return sys.gettotalrefcount(), sys.getallocatedblocks()


def run_once(code, path):
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": builtins}
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        try:
            exec(code, namespace)
        except BaseException:  # SystemExit, the program's uncaught exception
            pass
    atexit._clear()  # handlers the program registered would keep it alive


def main():
    path = sys.argv[1]
    warmups, runs = (int(a) for a in sys.argv[2:4]) if len(sys.argv) > 2 else (3, 3)
    with open(path, encoding="utf-8") as f:
        code = compile(f.read(), path, "exec")
    sys.argv = [path]
    refs, blocks = [], []
    before = counts()
    for n in range(warmups + runs):
        run_once(code, path)
        after = counts()
        if n >= warmups:
            refs.append(after[0] - before[0])
            blocks.append(after[1] - before[1])
        before = counts()  # after the appends: they may allocate
    print("LEAKCHECK " + json.dumps({"refs": refs, "blocks": blocks}), flush=True)


if __name__ == "__main__":
    main()
