"""The reliability harness catches planted bugs.  `make test-planted` builds
the JIT with tests/reliability/planted_bugs.h compiled in (build/planted,
build/planted-asan) and runs these tests; under plain pytest they skip.

Each bug is selected at run time by PYSTON_PLANT; the same build without it
must pass, so the failures come from the bug and nothing else:
  wrong-result  the differential fuzzer finds it and reduces a reproducer;
  leak          the refcount check (leakcheck.py, and regrtest -R 3:3) on
                the debug interpreter finds it;
  oob           AddressSanitizer finds it, in tests/lang and in the fuzzer."""
import os
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, STOCK

BUILD = os.environ.get("PYSTON_PLANTED_BUILD")
pytestmark = pytest.mark.skipif(not BUILD, reason="needs the planted builds: make test-planted")
PLANTED = f"{BUILD}/planted/bin/pyston"
PLANTED_ASAN = f"{BUILD}/planted-asan/bin/pyston-asan"


def tool(script, *args):
    """Runs a harness script; returns (exit status, stdout + stderr)."""
    proc = subprocess.run([STOCK, str(REPO / script), *args], capture_output=True, text=True,
                          cwd=REPO, timeout=900)
    return proc.returncode, proc.stdout + proc.stderr


def last_line(output):
    return output.strip().splitlines()[-1]


def test_fuzzer_catches_a_wrong_result(tmp_path):
    repros = tmp_path / "repros"
    fuzz = ["-n", "12", "--seed", "1000", "--repro-dir", str(repros), "-q"]
    status, out = tool("tests/fuzz/fuzz.py", *fuzz, "--reduce", "1",
                       "--candidate", f"env PYSTON_PLANT=wrong-result {PLANTED}")
    assert status == 1 and "mismatch" in out, out
    assert last_line(out).startswith(tuple(f"{n} passed" for n in range(12))), out
    (repro,) = repros.glob("mismatch_seed*.py")
    assert len(repro.read_text().splitlines()) < 60, repro.read_text()
    status, out = tool("tests/fuzz/check.py", str(repro),
                       "--candidate", f"env PYSTON_PLANT=wrong-result {PLANTED}")
    assert status == 1 and "mismatch" in out, out
    # Without the bug, the same build passes the same programs.
    assert tool("tests/fuzz/check.py", str(repro), "--candidate", PLANTED)[0] == 0
    status, out = tool("tests/fuzz/fuzz.py", *fuzz, "--candidate", PLANTED)
    assert status == 0 and last_line(out) == "12 passed, 0 failed", out


def test_refleak_check_catches_a_leaked_reference():
    args = ["--dbg", "/usr/bin/python3.11-dbg", "--programs", "tests/lang/exceptions_try.py",
            "tests/lang/generators.py", "--tests", str(Path(__file__).parent / "planted_suite.txt")]
    status, out = tool("tests/reliability/refleaks.py", *args,
                       "--pyston", f"env PYSTON_PLANT=leak {PLANTED}")
    assert status == 1, out
    lines = out.splitlines()
    lang = lines.index(next(l for l in lines if "tests/lang/exceptions_try.py" in l))
    assert lines[lang].startswith("FAIL") and "memory blocks" in "".join(lines[lang:lang + 3]), out
    assert "FAIL test_raise" in out, out
    # Without the bug: no leak (other failures, such as a refcount total
    # that compiled code miscounts, are the tool's business, not this test's).
    status, out = tool("tests/reliability/refleaks.py", *args, "--pyston", PLANTED)
    assert "leaked" not in out, out


def test_asan_catches_an_out_of_bounds_write():
    programs = ["tests/lang/lists_tuples.py", "tests/lang/unpacking_walrus_misc.py"]
    status, out = tool("tests/reliability/lang_check.py", *programs,
                       "--candidate", f"env PYSTON_PLANT=oob {PLANTED_ASAN}")
    assert status == 1 and "heap-buffer-overflow" in out, out
    assert "planted_bugs.h" in out, out  # the report points at the bug
    status, out = tool("tests/fuzz/fuzz.py", "-n", "4", "--seed", "1000", "-q", "--reduce", "0",
                       "--candidate", f"env PYSTON_PLANT=oob {PLANTED_ASAN}")
    assert status == 1 and "sanitizer" in out and last_line(out) == "0 passed, 4 failed", out
    assert tool("tests/reliability/lang_check.py", *programs, "--candidate", PLANTED_ASAN)[0] == 0


def test_normal_build_has_no_planted_bugs():
    """PYSTON_PLANT does nothing to the JIT that make builds."""
    env = dict(os.environ, PYSTON_PLANT="wrong-result,leak,oob", PYSTON_JIT_THRESHOLD="0")
    code = "def f(): return 2 ** 64\nprint(f(), [f() for _ in range(3)][0])"
    out = subprocess.run([str(REPO / "bin" / "pyston"), "-c", code], env=env,
                         capture_output=True, text=True).stdout
    assert out == "18446744073709551616 18446744073709551616\n"
