#!/usr/bin/python3.11
"""Differential fuzzer: generates N programs from consecutive seeds, runs each
under stock CPython and under the JIT (bin/pyston, PYSTON_JIT_THRESHOLD=0),
and reports every difference in output or exit status, crash, sanitizer
report or hang.  Failing programs are reduced to small reproducers, saved
in --repro-dir.  The last line printed is `N passed, M failed`; the exit
status is 0 iff M == 0.

    fuzz.py -n 1000 [--seed S] [-j 2] [--candidate CMD] [--without FEATURE]

Program SEED is `tests/fuzz/gen.py SEED`; a saved program is checked again
with `tests/fuzz/check.py FILE`."""
import argparse
import shlex
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from fuzzgen import FEATURES, generate  # noqa: E402
from reduce import reduce  # noqa: E402
from runner import FAILURES, PYSTON, REPO, check  # noqa: E402


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-n", type=int, default=100, help="programs to run (default 100)")
    p.add_argument("--seed", type=int, default=None,
                   help="first seed (default: from the clock, printed)")
    p.add_argument("-j", "--jobs", type=int, default=2)
    p.add_argument("--timeout", type=float, default=20.0, help="seconds per run")
    p.add_argument("--candidate", default=PYSTON, help="interpreter command under test")
    p.add_argument("--without", action="append", default=[], choices=FEATURES,
                   help="leave a feature out of the programs")
    p.add_argument("--reduce", type=int, default=3, metavar="K",
                   help="reduce the first K failures (default 3; 0: none)")
    p.add_argument("--reduce-seconds", type=float, default=300)
    p.add_argument("--repro-dir", type=Path, default=HERE / "repros")
    p.add_argument("--out", type=Path, default=REPO / "build" / "fuzz",
                   help="where failing programs are kept whole")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    return p.parse_args(argv)


class Progress:
    """Counts verdicts from the worker threads; prints a line now and then."""

    def __init__(self, total, quiet):
        self.total, self.quiet = total, quiet
        self.lock = threading.Lock()
        self.counts = {}
        self.frames = {"frames_jit": 0, "frames_interp": 0, "bailouts": 0}
        self.done = 0
        self.start = self.last = time.monotonic()

    def add(self, kind, stats):
        with self.lock:
            self.counts[kind] = self.counts.get(kind, 0) + 1
            for key in ("frames_jit", "frames_interp", "bailouts"):
                self.frames[key] += (stats or {}).get(key, 0)
            self.done += 1
            now = time.monotonic()
            if not self.quiet and (now - self.last > 10 or self.done == self.total):
                self.last = now
                print(f"fuzz: {self.done}/{self.total} programs, {self.rate():.1f}/s, "
                      f"{self.failed()} failed", flush=True)

    def rate(self):
        return self.done / max(time.monotonic() - self.start, 1e-9)

    def failed(self):
        return sum(n for kind, n in self.counts.items() if kind != "pass")


def run_one(seed, args, candidate, workdir, progress):
    path = workdir / f"fuzz_{seed}.py"
    path.write_text(generate(seed, args.without))
    verdict = check(path, candidate, args.timeout)
    progress.add(verdict.kind, verdict.stats)
    if verdict.kind == "pass":
        path.unlink()
    else:
        print(f"FAIL seed {seed}: {verdict.kind}\n{indent(verdict.detail)}", flush=True)
    return seed, verdict, path


def indent(text, limit=1500):
    return "\n".join("    " + line for line in text[-limit:].splitlines())


def reduce_failure(seed, verdict, path, args, candidate):
    """Reduces the program of a failure; saves and returns the reproducer
    (None if the failure does not happen again)."""
    wanted = verdict.signature()
    source = path.read_text()
    probe = Path(tempfile.mkdtemp(prefix="reduce_", dir=args.out)) / f"fuzz_{seed}.py"

    def still_fails(text):
        probe.write_text(text)
        return check(probe, candidate, args.timeout).signature() == wanted

    if not still_fails(source):
        print(f"seed {seed}: the failure did not happen again (flaky?): not reduced", flush=True)
        return None
    print(f"reducing seed {seed} ({verdict.kind}, {len(source.splitlines())} lines)...", flush=True)
    start = time.monotonic()
    small = reduce(source, still_fails, budget_seconds=args.reduce_seconds)
    final = check(probe_write(probe, small), candidate, args.timeout)
    args.repro_dir.mkdir(parents=True, exist_ok=True)
    target = args.repro_dir / f"{verdict.kind}_seed{seed}.py"
    target.write_text(repro_header(seed, verdict, final, source, small, args) + "\n\n" + small)
    print(f"reduced seed {seed}: {len(source.splitlines())} -> {len(small.splitlines())} lines "
          f"in {time.monotonic() - start:.0f}s: {target.relative_to(REPO) if target.is_relative_to(REPO) else target}",
          flush=True)
    return target


def probe_write(probe, text):
    probe.write_text(text)
    return probe


def repro_header(seed, verdict, final, source, small, args):
    detail = (final.detail if final.failed else verdict.detail).strip().splitlines()[:12]
    without = "".join(f" --without {f}" for f in args.without)
    return (f'"""Fuzzer reproducer: seed {seed}, {verdict.kind}; reduced from '
            f'{len(source.splitlines())} to {len(small.splitlines())} lines.\n\n'
            + "\n".join(line.replace('"""', "'''") for line in detail) + "\n\n"
            f"Original program: tests/fuzz/gen.py {seed}{without}\n"
            f"Check again:      tests/fuzz/check.py <this file>\n"
            "Once the bug is fixed, move this file to tests/lang/ (with a first\n"
            'line naming the bug) so that make test keeps it fixed."""\n')


def main(argv=None):
    args = parse_args(argv)
    if args.seed is None:
        args.seed = int(time.time()) % 10_000_000 * 1000
    candidate = shlex.split(args.candidate)
    args.out.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="run_", dir=args.out))
    print(f"fuzz: {args.n} programs from seed {args.seed}, candidate {args.candidate}, "
          f"{args.jobs} jobs", flush=True)
    progress = Progress(args.n, args.quiet)
    seeds = range(args.seed, args.seed + args.n)
    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda s: run_one(s, args, candidate, workdir, progress), seeds))
    elapsed = time.monotonic() - progress.start
    failures = [(s, v, p) for s, v, p in results if v.kind != "pass"]

    reduced = []
    for seed, verdict, path in pick_for_reduction(failures, args.reduce):
        repro = reduce_failure(seed, verdict, path, args, candidate)
        if repro:
            reduced.append(repro)

    passed = args.n - len(failures)
    kinds = ", ".join(f"{k} {progress.counts[k]}" for k in FAILURES + ("invalid",)
                      if progress.counts.get(k))
    print(f"fuzz: {args.n} programs in {elapsed:.1f}s ({args.n / elapsed:.1f} programs/s), "
          f"seeds {args.seed}..{args.seed + args.n - 1}" + (f"; failures: {kinds}" if kinds else ""))
    f = progress.frames
    frames = f["frames_jit"] + f["frames_interp"]
    if frames:
        print(f"fuzz: compiled code ran {100 * f['frames_jit'] / frames:.1f}% of "
              f"{frames} frames; {f['bailouts']} bailouts to the interpreter")
    if failures:
        print("fuzz: distinct failures (count, first seed, kind, detail):")
        for (kind, detail), seeds in group(failures).items():
            print(f"    {len(seeds):5d}  {seeds[0]}  {kind}: {detail}")
        print(f"fuzz: failing programs kept in {workdir}")
        print("fuzz: failing seeds: " + " ".join(str(s) for s, _, _ in failures[:50]))
    else:
        workdir.rmdir()
    for path in reduced:
        print(f"fuzz: reproducer {path}")
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


def group(failures):
    """Failures by kind and the first line of their detail."""
    groups = {}
    for seed, verdict, _ in failures:
        first = (verdict.detail.strip().splitlines() or [""])[0][:100]
        groups.setdefault((verdict.kind, first), []).append(seed)
    return groups


def pick_for_reduction(failures, k):
    """Up to K failures, one of each kind first (invalid programs are
    generator bugs: not reduced)."""
    real = [f for f in failures if f[1].kind != "invalid"]
    firsts = {f[1].kind: f for f in reversed(real)}
    chosen = list(firsts.values())
    chosen += [f for f in real if f not in chosen]
    return sorted(chosen[:k], key=lambda f: f[0])


if __name__ == "__main__":
    sys.exit(main())
