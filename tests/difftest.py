"""Differential testing: run a program under stock CPython and under a
candidate interpreter (bin/pyston, JIT compiling everything at first call)
and list every difference in stdout, stderr and exit status.

The candidate runs with PYSTON_STATS=1; the stats block it prints at exit is
cut off stderr before the comparison and returned, so that tests can check
the JIT really ran."""
from conftest import PYSTON, REPO, STOCK, clean_env, run

CANDIDATE = [PYSTON]
STATS_HEADER = b"pyston stats:\n"


def split_stats(stderr):
    """(stderr without the trailing stats block, the stats as a dict or None)."""
    head, sep, block = stderr.rpartition(STATS_HEADER)
    if not sep:
        return stderr, None
    stats = {}
    for line in block.decode().splitlines():
        name, value = line.split()
        stats[name] = float(value) if "." in value else int(value)
    return head, stats


def compare(program, candidate=CANDIDATE, timeout=120):
    """Runs PROGRAM (a path relative to the repo) under both interpreters.
    Returns (list of differences, the candidate's stats or None)."""
    expected = run([STOCK, program], cwd=REPO, timeout=timeout)
    env = clean_env(PYSTON_JIT_THRESHOLD="0", PYSTON_STATS="1")
    status, out, err = run(candidate + [program], cwd=REPO, env=env, timeout=timeout)
    err, stats = split_stats(err)
    problems = []
    for what, want, got in (("exit status", expected[0], status),
                            ("stdout", expected[1], out), ("stderr", expected[2], err)):
        if want != got:
            problems.append(f"{what} differs:\n--- stock\n{want!r}\n+++ candidate\n{got!r}")
    if stats is None:
        problems.append("the candidate printed no pyston stats: the JIT was not on")
    return problems, stats
