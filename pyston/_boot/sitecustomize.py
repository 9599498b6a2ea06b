"""Start-up shim: bin/pyston puts this directory first on PYTHONPATH, so site.py
imports this module at start-up.  It turns the JIT on, then steps aside:
removes its directory from sys.path and imports the sitecustomize it shadows
(Debian's, or one further along PYTHONPATH), so that the program sees the
same sys.path and site set-up as under stock CPython.  The environment keeps
PYTHONPATH, so child processes start with the JIT too.
"""
import sys


def _boot():
    here = __file__.rpartition("/")[0]
    package_root = here.rpartition("/")[0].rpartition("/")[0]
    while here in sys.path:
        sys.path.remove(here)
    sys.path_importer_cache.pop(here, None)
    # Another Python (a child process of a different version) may inherit
    # PYTHONPATH: it must be left alone.
    if sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11):
        sys.path.insert(0, package_root)
        try:
            from pyston import _start
        finally:
            sys.path.remove(package_root)
            sys.path_importer_cache.pop(package_root, None)
        _start.start()
    del sys.modules["sitecustomize"]


_boot()
del _boot
try:
    import sitecustomize  # noqa: F401  (the one this module shadows)
except ImportError as exc:
    if exc.name != "sitecustomize":
        raise
