"""Checks that run_suite.py reports differences, and only differences.

The "interpreter under test" here is stock CPython behind a wrapper script;
broken variants add a sitecustomize.py that changes something a test module
checks, or that kills the worker process running one module, the way a
crashing JIT would. Each case runs the runner on three quick test modules.
"""

import re
import subprocess
from pathlib import Path

import pytest

RUN_SUITE = Path(__file__).resolve().parent / "run_suite.py"
STOCK = "/usr/bin/python3.11"
TESTS = ["test_bool", "test_int", "test_math"]
SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed$")

# sitecustomize.py contents that break one of TESTS.
WRONG_GCD = "import math\nmath.gcd = lambda *args: 0\n"
CRASH_IN_TEST_INT = """\
import os, signal, sys
# a regrtest worker's last argument ends with its test: '[{...}, "test_int"]'
if sys.argv[-1].endswith('"test_int"]'):
    os.kill(os.getpid(), signal.SIGSEGV)
"""

pytestmark = pytest.mark.skipif(
    not Path(STOCK).exists()
    or not Path("/usr/lib/python3.11/test/regrtest.py").exists(),
    reason="needs Debian's python3.11 and libpython3.11-testsuite")


def make_interpreter(tmp_path, sitecustomize=None):
    """A drop-in python3.11 command, optionally with a sitecustomize.py."""
    script = tmp_path / "python"
    env = ""
    if sitecustomize is not None:
        site_dir = tmp_path / "site"
        site_dir.mkdir()
        (site_dir / "sitecustomize.py").write_text(sitecustomize)
        env = f"PYTHONPATH={site_dir} "
    script.write_text(f'#!/bin/sh\n{env}exec {STOCK} "$@"\n')
    script.chmod(0o755)
    return script


def run_suite(tmp_path, interpreter):
    proc = subprocess.run(
        [STOCK, str(RUN_SUITE), "--pyston", str(interpreter),
         "--out", str(tmp_path / "out"), *TESTS],
        capture_output=True, text=True, timeout=300)
    print(proc.stdout, proc.stderr)
    last_line = proc.stdout.strip().splitlines()[-1]
    match = SUMMARY.match(last_line)
    assert match, f"unexpected last line: {last_line!r}"
    passed, failed = map(int, match.groups())
    return proc, passed, failed


def test_same_interpreter_passes(tmp_path):
    proc, passed, failed = run_suite(tmp_path, make_interpreter(tmp_path))
    assert (passed, failed) == (len(TESTS), 0)
    assert proc.returncode == 0
    assert (tmp_path / "out" / "pyston" / "run.xml").exists()


def test_wrong_result_fails(tmp_path):
    interpreter = make_interpreter(tmp_path, WRONG_GCD)
    proc, passed, failed = run_suite(tmp_path, interpreter)
    assert (passed, failed) == (len(TESTS) - 1, 1)
    assert proc.returncode != 0
    pyston_only = proc.stdout.split("Failing only under Pyston")[1]
    assert "test_math" in pyston_only
    assert "test.test_math.MathTests.testGcd" in pyston_only


def test_crash_fails(tmp_path):
    interpreter = make_interpreter(tmp_path, CRASH_IN_TEST_INT)
    proc, passed, failed = run_suite(tmp_path, interpreter)
    assert (passed, failed) == (len(TESTS) - 1, 1)
    assert proc.returncode != 0
    assert "test_int crashed" in proc.stdout
