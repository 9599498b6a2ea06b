"""Pyston: a just-in-time compiler for stock CPython 3.11.

    import pyston
    pyston.enable()        # run Python code through the JIT from now on
    pyston.stats()         # counters: functions compiled, frames run, ...
    pyston.configure(threshold=0)   # compile every function at its first call
    pyston.disable()

``bin/pyston`` (or the ``pyston`` console command) runs a program with the
JIT on from the start; see docs/launcher.md.
"""
from ._jit import configure, disable, enable, is_enabled, stats

__all__ = ["configure", "disable", "enable", "is_enabled", "stats"]
