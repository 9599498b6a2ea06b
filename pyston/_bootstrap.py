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


def _run_source(source, filename, main_globals):
    code = compile(source, filename, "exec", dont_inherit=True)
    try:
        exec(code, main_globals)
    except SystemExit:
        raise
    except BaseException as exc:
        _report(exc, code)


def main(root):
    sys.path.remove(root)
    sys.path_importer_cache.pop(root, None)
    from pyston import _start
    _start.start()

    kind, *rest = sys.argv[1:]
    main_globals = sys.modules["__main__"].__dict__
    if kind == "-c":
        sys.argv = ["-c"] + rest[1:]
        _run_source(rest[0], "<string>", main_globals)
    elif kind == "-m":
        import runpy
        sys.argv = ["-m"] + rest[1:]
        _set_path0(os.getcwd())
        runpy._run_module_as_main(rest[0])
    elif kind == "script":
        path = rest[0]
        sys.argv = rest
        _set_path0(os.path.dirname(os.path.realpath(path)))
        from importlib.machinery import SourceFileLoader
        filename = os.path.abspath(path)
        main_globals.update(__file__=filename, __cached__=None,
                            __loader__=SourceFileLoader("__main__", filename))
        with open(path, "rb") as f:
            source = f.read()
        _run_source(source, filename, main_globals)
    elif kind == "-":  # rest is ["-", args...], or empty for a piped REPL
        sys.argv = rest or [""]
        _run_source(sys.stdin.read(), "<stdin>", main_globals)
    else:  # the REPL: -i was added, so it starts when this returns
        sys.argv = [""]
