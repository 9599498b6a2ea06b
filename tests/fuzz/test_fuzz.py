"""The fuzzer's own tests: the generator makes valid, deterministic,
varied programs; the runner classifies outcomes; the reducer shrinks a
failure; fuzz.py reports failures and its summary line."""
import os
import stat
import subprocess

import pytest

from conftest import PYSTON, REPO, STOCK
from fuzzgen import FEATURES, generate
from reduce import reduce
from runner import check

MARKERS = {"arith": "def arith", "compare": "def cmp", "closures": "nonlocal",
           "classes": "@property", "control": "log.append(", "comprehensions": "def comp",
           "unpacking": "def unpack", "match": "match s:", "calls": "def callee",
           "rebind": "def rbloop", "recursion": "RecursionError", "deep_recursion": "_down("}


def wrapper(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return [str(path)]


def test_same_seed_same_program():
    assert generate(7) == generate(7) and generate(7) != generate(8)


def test_every_feature_is_generated_and_can_be_left_out():
    sources = [generate(seed) for seed in range(300)]
    for feature in FEATURES:
        assert any(MARKERS[feature] in s for s in sources), feature
    assert not any(MARKERS["deep_recursion"] in generate(s, ["deep_recursion"]) for s in range(300))


@pytest.mark.parametrize("seed", range(8))
def test_programs_are_valid_and_hash_seed_independent(tmp_path, seed):
    path = tmp_path / "p.py"
    path.write_text(generate(seed))
    runs = [subprocess.run([STOCK, str(path)], capture_output=True, timeout=60,
                           env=dict(os.environ, PYTHONHASHSEED=hs)) for hs in ("1", "2")]
    assert runs[0].returncode == 0 and runs[0].stderr == b"", runs[0].stderr
    assert runs[0].stdout == runs[1].stdout
    assert len(runs[0].stdout.splitlines()) >= 50


def test_runner_verdicts(tmp_path):
    path = tmp_path / "p.py"
    path.write_text(generate(3))
    assert check(path).kind == "pass"
    assert check(path, [STOCK]).kind == "nojit"
    assert check(path, wrapper(tmp_path, "segv", "kill -SEGV $$")).kind == "crash"
    assert check(path, wrapper(tmp_path, "hang", "sleep 30"), timeout=1).kind == "hang"
    wrong = wrapper(tmp_path, "wrong", f'{PYSTON} "$@" | sed 1d')
    assert check(path, wrong).kind == "mismatch"
    bad = tmp_path / "bad.py"
    bad.write_text("raise SystemExit(1)\n")
    assert check(bad).kind == "invalid"


def test_reducer_shrinks_a_failure(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import builtins\n_sorted = builtins.sorted\n"
        "builtins.sorted = lambda *a, **k: _sorted(*a, **k)[::-1]\n")
    wrong = wrapper(tmp_path, "wrong-sorted", f'PYTHONPATH={site} exec {PYSTON} "$@"')
    lines = [f"x{n} = {n} * 3" for n in range(20)] + ["print(sorted([x3, x1, x2]))"] + \
            [f"print(x{n})" for n in range(20)]
    source = "def main():\n" + "".join(f"    {line}\n" for line in lines) + "main()\n"
    probe = tmp_path / "probe.py"

    def still_fails(text):
        probe.write_text(text)
        return check(probe, wrong).kind == "mismatch"
    assert still_fails(source)
    small = reduce(source, still_fails, budget_seconds=120)
    assert still_fails(small)
    assert len([line for line in small.splitlines() if line.strip()]) <= 5, small


def test_fuzz_reports_failures_and_the_summary_line(tmp_path):
    wrong = wrapper(tmp_path, "wrong", f'{PYSTON} "$@" | sed 1d')[0]
    proc = subprocess.run([STOCK, str(REPO / "tests/fuzz/fuzz.py"), "-n", "3", "--seed", "5", "-q",
                           "--candidate", wrong, "--reduce", "0", "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[-1] == "0 passed, 3 failed", proc.stdout
    assert "programs/s" in proc.stdout and "FAIL seed 5: mismatch" in proc.stdout
