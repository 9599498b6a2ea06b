"""Turn the JIT on at interpreter start-up, as PYSTON_* variables ask.

Called by every way of starting with the JIT on: the start-up shim that
bin/pyston puts on PYTHONPATH, the autoload .pth file, and the bootstrap
used with -E/-I/-S.
"""
import sys


def start():
    """Enable the JIT, or stop the program if a PYSTON_* variable is bad."""
    import pyston
    try:
        pyston.enable()
    except ValueError as err:  # a bad PYSTON_* value
        sys.stderr.write(f"pyston: {err}\n")
        sys.stderr.flush()
        # Mirrors CPython, which exits with status 1 on a bad PYTHON* value.
        # sys.exit() cannot be used: site.py would turn it into a fatal error.
        import os
        os._exit(1)
