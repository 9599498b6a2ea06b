"""The Python API (enable, disable, stats, configure) and PYSTON_* options."""
import json

import pytest

from conftest import PYSTON, REPO, STOCK, clean_env, run

STATS_KEYS = {"functions_compiled", "frames_jit", "frames_interp", "bailouts",
              "bailouts_by_reason", "code_bytes", "compile_seconds"}


def python_json(code, interpreter=PYSTON, **env):
    """Runs CODE, which prints one JSON value, and returns that value."""
    status, out, err = run([interpreter, "-c", code], env=clean_env(**env))
    assert status == 0, err.decode()
    return json.loads(out)


COUNT_CALLS = """
import json, pyston
def f():
    pass
before = pyston.stats()
for _ in range(1000):
    f()
after = pyston.stats()
delta = {k: after[k] - before[k] for k in ("frames_interp", "frames_jit", "functions_compiled")}
print(json.dumps({"keys": sorted(after), "delta": delta, "enabled": pyston.is_enabled(), "after": after}))
"""


def test_stats_keys_and_real_frame_counts():
    result = python_json(COUNT_CALLS)
    assert set(result["keys"]) >= STATS_KEYS
    assert result["enabled"] is True
    # the default threshold: 100 calls in the interpreter, then compiled
    assert result["delta"] == {"frames_interp": 100, "frames_jit": 900, "functions_compiled": 1}


def test_threshold_0_compiles_at_the_first_call():
    result = python_json(COUNT_CALLS, PYSTON_JIT_THRESHOLD="0")
    assert result["delta"] == {"frames_interp": 0, "frames_jit": 1000, "functions_compiled": 1}
    assert result["after"]["code_bytes"] > 0 and result["after"]["compile_seconds"] > 0


def test_pyston_jit_0_keeps_the_hook_out():
    result = python_json(COUNT_CALLS, PYSTON_JIT="0")
    assert result["enabled"] is False
    assert result["delta"] == {"frames_interp": 0, "frames_jit": 0, "functions_compiled": 0}


def test_enable_disable_in_a_stock_process():
    code = f"""
import json, sys
sys.path.insert(0, {str(REPO)!r})
import pyston
def f():
    pass
states = [pyston.is_enabled()]
states.append(pyston.enable())
f(); f()
frames = lambda: pyston.stats()["frames_interp"] + pyston.stats()["frames_jit"]
states.append(frames())
pyston.disable()
f()
states += [pyston.is_enabled(), frames()]
print(json.dumps(states))
"""
    # f, f and the frames lambda itself; nothing once disabled
    assert python_json(code, STOCK) == [False, True, 3, False, 3]


def test_configure_validates_and_reports_options():
    code = """
import json, pyston
out = [pyston.configure()]
out.append(pyston.configure(threshold=7))
errors = []
for kwargs in ({"threshold": -1}, {"threshold": 2**40}, {"threshold": "5"},
               {"bogus": 1}, {"stats": 2}, {"threshold": 3, "stats": 9}):
    try:
        pyston.configure(**kwargs)
    except (TypeError, ValueError) as e:
        errors.append(type(e).__name__)
out.append(errors)
out.append(pyston.configure())
try:
    pyston.configure(5)
except TypeError:
    out.append("positional rejected")
print(json.dumps(out))
"""
    default, set7, errors, final, positional = python_json(code)
    assert default == {"jit": 1, "threshold": 100, "stats": 0, "perf_map": 0, "dump_asm": 0}
    assert set7["threshold"] == 7
    assert errors == ["ValueError", "ValueError", "TypeError", "TypeError",
                      "ValueError", "ValueError"]
    assert final == set7  # a failed configure() changes nothing
    assert positional == "positional rejected"


def test_threshold_from_environment():
    code = "import json, pyston; print(json.dumps(pyston.configure()))"
    assert python_json(code, PYSTON_JIT_THRESHOLD="0")["threshold"] == 0
    assert python_json(code, PYSTON_JIT_THRESHOLD="")["threshold"] == 100


def test_pyston_stats_prints_at_exit():
    status, out, err = run([PYSTON, "-c", "def f(): pass\nf(); f(); print('done')"],
                           env=clean_env(PYSTON_STATS="1"))
    assert (status, out) == (0, b"done\n")
    lines = err.decode().splitlines()
    assert lines[0] == "pyston stats:"
    counters = dict(line.split()[:2] for line in lines[1:])
    assert set(counters) >= STATS_KEYS - {"bailouts_by_reason"}
    assert int(counters["frames_interp"]) >= 2


@pytest.mark.parametrize("variable,value", [
    ("PYSTON_JIT", "2"), ("PYSTON_JIT", "yes"), ("PYSTON_JIT_THRESHOLD", "-1"),
    ("PYSTON_JIT_THRESHOLD", "ten"), ("PYSTON_JIT_THRESHOLD", "99999999999"),
    ("PYSTON_STATS", "on"),
])
@pytest.mark.parametrize("flags", [[], ["-I"]])
def test_bad_option_stops_with_a_clear_message(variable, value, flags):
    status, out, err = run([PYSTON] + flags + ["-c", "print('ran')"],
                           env=clean_env(**{variable: value}))
    assert status == 1 and out == b""
    assert err.decode() == f"pyston: {variable} must be " + \
        err.decode().split(" must be ", 1)[1]
    assert f"not '{value}'" in err.decode() and "Traceback" not in err.decode()


def test_bad_option_makes_enable_raise_in_a_stock_process():
    code = f"import sys; sys.path.insert(0, {str(REPO)!r})\nimport pyston\ntry:\n" \
           " pyston.enable()\nexcept ValueError as e:\n print(e, pyston.is_enabled())"
    status, out, _ = run([STOCK, "-c", code], env=clean_env(PYSTON_JIT_THRESHOLD="x"))
    assert out == b"PYSTON_JIT_THRESHOLD must be an integer from 0 to 2147483647, not 'x' False\n"
