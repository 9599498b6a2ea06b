"""The `pyston` command: /usr/bin/python3.11 with the JIT on from the start.

bin/pyston (a shell script, for speed) handles the common case itself; this
module is the console command of a pip-installed Pyston and the slow path of
bin/pyston for command lines with -E, -I or -S.  It must run with nothing
but the standard library: bin/pyston runs it under `python3.11 -I -S`.

The JIT starts through PYTHONPATH: pyston/_boot comes first on it, and
site.py imports pyston/_boot/sitecustomize.py, which enables the JIT.  -E and
-I make CPython ignore PYTHONPATH and -S skips site.py, so with those flags
the program runs under a small bootstrap (pyston/_bootstrap.py) given to
`-c`, which enables the JIT and then runs the script, -m module, -c command,
stdin or REPL as CPython would.  See docs/launcher.md.
"""
import os
import sys

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
BOOT_DIR = os.path.join(PACKAGE_DIR, "_boot")

# CPython 3.11's command-line grammar (Python/getopt.c): a ':' follows the
# short options that take an argument.
SHORT_OPTIONS = "bBc:dEhiIJm:OPqRsStuvVW:xX:?"
LONG_OPTIONS_WITH_ARG = ("--check-hash-based-pycs",)
# Flags that turn off the PYTHONPATH route into the JIT.
BOOTSTRAP_FLAGS = set("EIS")


class CommandLine:
    """A python3.11 command line split into options and what to run."""

    def __init__(self, args):
        self.options = []  # one list item per option, its argument after it
        self.flags = set()  # the short options seen
        self.kind = None  # "-c", "-m", "script", "-" or None for the REPL
        self.target = None  # the command, module or script path
        self.args = []  # what follows the target
        self.valid = True
        self._parse(list(args))

    def _parse(self, args):
        i = 0
        while i < len(args):
            arg = args[i]
            i += 1
            if arg == "--":
                break
            if arg in ("--help", "--version") or arg.startswith("--help-"):
                self.flags.add("h")
                self.options.append(arg)
                continue
            if arg in LONG_OPTIONS_WITH_ARG:
                if i >= len(args):
                    self.valid = False
                    return
                self.options += [arg, args[i]]
                i += 1
                continue
            if not arg.startswith("-") or arg == "-" or arg.startswith("--"):
                if arg.startswith("--"):
                    self.valid = False  # unknown long option
                i -= 1
                break
            j = 1
            while j < len(arg):
                flag = arg[j]
                j += 1
                spec = SHORT_OPTIONS.find(flag)
                if spec < 0 or flag == "-":
                    self.valid = False
                    return
                self.flags.add(flag)
                if not SHORT_OPTIONS[spec + 1:spec + 2] == ":":
                    self.options.append("-" + flag)
                    continue
                value = arg[j:]
                if not value:
                    if i >= len(args):
                        self.valid = False
                        return
                    value = args[i]
                    i += 1
                if flag in "cm":
                    self.kind, self.target, self.args = "-" + flag, value, args[i:]
                    return
                self.options += ["-" + flag, value]
                break
        rest = args[i:]
        if rest:
            self.kind = "-" if rest[0] == "-" else "script"
            self.target, self.args = rest[0], rest[1:]

    def needs_bootstrap(self):
        """Whether PYTHONPATH cannot carry the JIT in (-E, -I, -S)."""
        return self.valid and "h" not in self.flags and "V" not in self.flags \
            and bool(self.flags & BOOTSTRAP_FLAGS)


def jit_environment(environ):
    """The environment with pyston/_boot first on PYTHONPATH (once)."""
    env = dict(environ)
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    if BOOT_DIR not in paths:
        env["PYTHONPATH"] = os.pathsep.join([BOOT_DIR] + paths)
    return env


def bootstrap_argv(python, line, stdin_is_tty):
    """The command that runs LINE through pyston/_bootstrap.py."""
    root = os.path.dirname(PACKAGE_DIR)
    code = (f"import sys;sys.path.insert(0,{root!r});"
            f"from pyston import _bootstrap;_bootstrap.main({root!r})")
    kind, target = line.kind, line.target
    options = list(line.options)
    if kind is None:
        if stdin_is_tty:
            options.append("-i")  # the REPL starts once the bootstrap is done
        else:
            kind = "-"  # CPython runs a piped stdin as a script
    tail = [kind or "repl"] + ([target] if target is not None else []) + line.args
    return [python] + options + ["-c", code] + tail


def main(args=None):
    args = sys.argv[1:] if args is None else args
    python = os.environ.get("PYSTON_PYTHON") or sys.executable
    env = jit_environment(os.environ)
    line = CommandLine(args)
    if line.needs_bootstrap():
        argv = bootstrap_argv(python, line, os.isatty(0))
    else:
        argv = [python] + list(args)
    os.execve(python, argv, env)


if __name__ == "__main__":
    main()
