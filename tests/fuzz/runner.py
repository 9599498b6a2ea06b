"""Runs one program under stock CPython and under a candidate interpreter
(bin/pyston with the JIT compiling everything at the first call) and
classifies the outcome.

A verdict is one of:
  pass       same exit status, stdout and stderr, and the JIT was on
  invalid    stock itself failed, printed to stderr or timed out: a bug in
             the generator, not in the JIT
  mismatch   different stdout, stderr or exit status
  crash      the candidate died from a signal
  sanitizer  the candidate printed an AddressSanitizer/UBSan report
  hang       the candidate timed out
  nojit      the candidate printed no stats block: the JIT was not on
"""
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))
from conftest import PYSTON, REPO, STOCK, clean_env  # noqa: E402
from difftest import split_stats  # noqa: E402

SANITIZER_MARKS = (b"ERROR: AddressSanitizer", b"ERROR: LeakSanitizer", b"runtime error:")
FAILURES = ("mismatch", "crash", "sanitizer", "hang", "nojit")


@dataclass
class Outcome:
    status: int          # exit status, -N for signal N, None on timeout
    stdout: bytes
    stderr: bytes
    seconds: float


@dataclass
class Verdict:
    kind: str
    detail: str = ""
    stock: Outcome = None
    candidate: Outcome = None
    stats: dict = None   # the candidate's pyston stats

    @property
    def failed(self):
        return self.kind in FAILURES

    def signature(self):
        """What a reduced program must still show: the kind, and for a crash
        the signal."""
        if self.kind == "crash":
            return (self.kind, self.candidate.status)
        return (self.kind,)


def execute(argv, env, timeout):
    """Runs ARGV in its own process group (killed whole on timeout)."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=env, cwd=REPO, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
        status = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        status = None
    return Outcome(status, out, err, time.monotonic() - start)


def candidate_env(extra=None):
    return clean_env(PYSTON_JIT_THRESHOLD="0", PYSTON_STATS="1", **(extra or {}))


def check(path, candidate=(PYSTON,), timeout=20.0, env=None):
    """Runs PATH under stock and CANDIDATE (an argv prefix); returns a Verdict."""
    stock = execute([STOCK, str(path)], clean_env(), timeout)
    if stock.status is None:
        return Verdict("invalid", f"stock timed out after {timeout}s", stock)
    if stock.status != 0 or stock.stderr:
        return Verdict("invalid", f"stock exited {stock.status}: {stock.stderr[-500:]!r}", stock)
    cand = execute([*candidate, str(path)], candidate_env(env), timeout)
    err, stats = split_stats(cand.stderr)
    verdict = lambda kind, detail: Verdict(kind, detail, stock, cand, stats)
    if cand.status is None:
        return verdict("hang", f"the candidate timed out after {timeout}s")
    if any(mark in cand.stderr for mark in SANITIZER_MARKS):
        return verdict("sanitizer", cand.stderr[-3000:].decode(errors="replace"))
    if cand.status < 0:
        return verdict("crash", f"the candidate died from signal {-cand.status}: "
                                f"{err[-1000:].decode(errors='replace')}")
    if (cand.status, cand.stdout, err) != (stock.status, stock.stdout, stock.stderr):
        return verdict("mismatch", describe_mismatch(stock, cand.status, cand.stdout, err))
    if stats is None:
        return verdict("nojit", "the candidate printed no pyston stats: the JIT was not on")
    return verdict("pass", "")


def describe_mismatch(stock, status, out, err):
    lines = []
    if status != stock.status:
        lines.append(f"exit status: stock {stock.status}, candidate {status}")
    want, got = stock.stdout.splitlines(), out.splitlines()
    for n, (a, b) in enumerate(zip(want, got)):
        if a != b:
            lines.append(f"stdout line {n + 1}:\n  stock:     {a[:300]!r}\n  candidate: {b[:300]!r}")
            break
    else:
        if len(want) != len(got):
            lines.append(f"stdout: stock {len(want)} lines, candidate {len(got)} lines")
    if err != stock.stderr:
        lines.append(f"stderr: candidate {err[-1000:]!r}")
    return "\n".join(lines)
