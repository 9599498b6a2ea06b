"""Run a program with the JIT on when -E, -I or -S keep the start-up shim out.

pyston/launcher.py starts `python3.11 [options] -c "<import this; main()>"
KIND [TARGET] ARGS...`.  main() enables the JIT, then runs the script, -m
module, -c command or stdin as CPython's Modules/main.c (pymain_run_python)
would: the same sys.argv, sys.path[0], __main__ and exit status.
"""
import os
import sys


def _set_path0(value):
    """Replace the '' that -c put first on sys.path (absent under -P/-I)."""
    if not sys.flags.safe_path and sys.path and sys.path[0] == "":
        sys.path[0] = value


def _report(exc, code):
    """Print EXC like PyErr_Print (Python/pythonrun.c), starting the
    traceback at the program's own frame, and exit like pymain does."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code is not code:
        tb = tb.tb_next
    exc = exc.with_traceback(tb)
    sys.last_type, sys.last_value, sys.last_traceback = type(exc), exc, tb
    sys.excepthook(type(exc), exc, tb)
    if sys.flags.inspect:
        return  # the REPL starts next, as it does under stock -i
    if isinstance(exc, KeyboardInterrupt):
        # pymain re-raises an unhandled SIGINT so the parent sees the signal.
        import signal
        sys.stdout.flush()
        sys.stderr.flush()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    raise SystemExit(1)


def _run_source(source, filename, main_globals, set_file):
    """Runs SOURCE in __main__, as _PyRun_SimpleFileObject (SET_FILE: __file__
    is set for the run only) or PyRun_SimpleStringFlags do."""
    set_file = set_file and "__file__" not in main_globals
    if set_file:
        main_globals.update(__file__=filename, __cached__=None)
    code = None
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
        exec(code, main_globals)
    except SystemExit:
        raise
    except BaseException as exc:
        _report(exc, code)
    finally:
        if set_file:
            main_globals.pop("__file__", None)
            main_globals.pop("__cached__", None)


def _read_script(path):
    """The script's bytes, or exit 2 with pymain_run_file_obj's message."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as err:
        sys.stderr.write(f"{sys.orig_argv[0]}: can't open file "
                         f"{os.path.abspath(path)!r}: [Errno {err.errno}] "
                         f"{err.strerror}\n")
        raise SystemExit(2)


def main(root):
    # PYTHONPATH names pyston/_boot for child processes; under -S (without
    # -E) it reached sys.path too.
    for entry in (root, os.path.join(root, "pyston", "_boot")):
        while entry in sys.path:
            sys.path.remove(entry)
        sys.path_importer_cache.pop(entry, None)
    from pyston import _start
    _start.start()

    kind, *rest = sys.argv[1:]
    main_globals = sys.modules["__main__"].__dict__
    if kind == "-c":
        sys.argv = ["-c"] + rest[1:]
        _run_source(rest[0], "<string>", main_globals, set_file=False)
    elif kind == "-m":
        import runpy
        sys.argv = ["-m"] + rest[1:]
        _set_path0(os.getcwd())
        runpy._run_module_as_main(rest[0])
    elif kind == "script" and _is_importer_path(rest[0]):
        # A directory or zip file with a __main__.py (pymain_run_module).
        sys.argv = rest
        path0 = os.path.abspath(rest[0])
        if not sys.flags.safe_path and sys.path and sys.path[0] == "":
            sys.path[0] = path0
        else:
            sys.path.insert(0, path0)
        import runpy
        runpy._run_module_as_main("__main__", alter_argv=False)
    elif kind == "script":
        path = rest[0]
        sys.argv = rest
        _set_path0(os.path.dirname(os.path.realpath(path)))
        from importlib.machinery import SourceFileLoader
        filename = os.path.abspath(path)
        source = _read_script(path)
        main_globals["__loader__"] = SourceFileLoader("__main__", filename)
        _run_source(source, filename, main_globals, set_file=True)
    elif kind == "-":  # rest is ["-", args...], or empty for a piped REPL
        sys.argv = rest or [""]
        _run_source(sys.stdin.read(), "<stdin>", main_globals, set_file=True)
    else:  # the REPL: -i was added, so it starts when this returns
        sys.argv = [""]
        _print_header()


def _is_importer_path(path):
    import zipfile
    return os.path.isdir(path) or zipfile.is_zipfile(path)


def _print_header():
    """The REPL banner, as pymain_header (Modules/main.c) prints it."""
    if sys.flags.quiet:
        return
    sys.stderr.write(f"Python {sys.version} on {sys.platform}\n")
    if not sys.flags.no_site:
        sys.stderr.write('Type "help", "copyright", "credits" or "license" '
                         'for more information.\n')
