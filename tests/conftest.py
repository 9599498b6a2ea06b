"""Shared paths and helpers for the pytest suites."""
import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYSTON = str(REPO / "bin" / "pyston")
STOCK = "/usr/bin/python3.11"



def clean_env(**overrides):
    """The environment both interpreters run in: no PYSTON_* settings from
    outside, plus OVERRIDES (a value of None removes the variable)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYSTON_")}
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(argv, env=None, cwd=None, stdin=None, timeout=120):
    """Runs ARGV; returns (exit status, stdout, stderr), outputs as bytes."""
    proc = subprocess.run(argv, input=stdin, capture_output=True,
                          env=env or clean_env(), cwd=cwd, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr
