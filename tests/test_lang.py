"""tests/lang/*.py under bin/pyston (JIT threshold 0) must print exactly what
/usr/bin/python3.11 prints, and exit with the same status."""
import os
import stat

import pytest

from conftest import REPO, STOCK
from difftest import compare

PROGRAMS = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "tests" / "lang").glob("*.py"))


def test_there_are_enough_programs():
    assert len(PROGRAMS) >= 20


# The only hand-overs to the interpreter that ordinary code may cause: a
# trace function switched on, the one ASYNC_GEN_WRAP that shows compiled
# code the wrapper type (src/runtime/ops_async.c), and coroutines made while
# sys.set_coroutine_origin_tracking_depth() is on (generator_creation.py).
EXPLAINED_BAILOUTS = {"bailouts[tracing]": None,
                      "bailouts[unsupported_opcode:ASYNC_GEN_WRAP]": 1,
                      "bailouts[unsupported_opcode:RETURN_GENERATOR]": None}


@pytest.mark.parametrize("program", PROGRAMS)
def test_program_matches_stock(program):
    problems, stats = compare(program)
    assert not problems, "\n".join(problems)
    assert stats["frames_interp"] + stats["frames_jit"] > 0
    for reason, count in stats.items():
        if reason.startswith("bailouts["):
            assert reason in EXPLAINED_BAILOUTS, (reason, count)
            limit = EXPLAINED_BAILOUTS[reason]
            assert limit is None or count <= limit, (reason, count)


def wrapper(tmp_path, name, body):
    """A deliberately wrong interpreter: a shell script around stock."""
    path = tmp_path / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return [str(path)]


def test_harness_catches_a_wrong_result(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import builtins\n_sorted = builtins.sorted\n"
        "builtins.sorted = lambda *a, **k: _sorted(*a, **k)[::-1]\n")
    wrong = wrapper(tmp_path, "wrong-sorted",
                    f'PYTHONPATH={site} exec {REPO}/bin/pyston "$@"')
    failing = [p for p in PROGRAMS if compare(p, wrong)[0]]
    assert len(failing) >= 3, failing


def test_harness_catches_a_wrong_exit_status(tmp_path):
    wrong = wrapper(tmp_path, "wrong-status", f'{REPO}/bin/pyston "$@"; exit 0')
    assert any(p.startswith("exit status") for p in compare("tests/lang/uncaught_exception.py", wrong)[0])
    assert not compare("tests/lang/uncaught_exception.py")[0]


def test_harness_catches_a_missing_jit():
    problems, stats = compare(PROGRAMS[0], [STOCK])
    assert stats is None and any("JIT was not on" in p for p in problems)
