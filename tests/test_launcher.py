"""bin/pyston behaves like /usr/bin/python3.11, with the JIT on.

Each command line runs under both interpreters; what the program observes
(argv, sys.path, flags, __main__, output, exit status) must be equal, and
the JIT must be on under bin/pyston only."""
import os
import shutil
import pytest

from conftest import PYSTON, REPO, STOCK, clean_env, run

PROBE = "tests/launcher/probe.py"
PROBE_CODE = open(REPO / PROBE).read()

# (name, arguments after the interpreter, stdin)
COMMAND_LINES = [
    ("script", [PROBE, "a", "-c", "--x"], None),
    ("script-flags", ["-u", "-O", "-B", "-Wignore::DeprecationWarning", "-X", "dev", PROBE], None),
    ("clustered-flags", ["-uOB", "-Xutf8", PROBE, "b"], None),
    ("command", ["-c", PROBE_CODE, "x", "y"], None),
    ("module", ["-m", "tests.launcher.probe", "z"], None),
    ("stdin-dash", ["-", "q"], PROBE_CODE),
    ("stdin-piped", [], PROBE_CODE),
    ("directory", ["tests/launcher", "d"], None),
    ("E-script", ["-E", PROBE, "a"], None),
    ("I-script", ["-I", PROBE, "a"], None),
    ("S-command", ["-S", "-c", PROBE_CODE, "s"], None),
    ("IO-cluster-script", ["-IO", PROBE], None),
    ("E-stdin", ["-E"], PROBE_CODE),
    ("I-directory", ["-I", "tests/launcher"], None),
    ("s-P-script", ["-s", "-P", PROBE], None),
    ("W-looks-like-E", ["-WError", PROBE], None),
]


@pytest.fixture(scope="module", autouse=True)
def directory_main():
    main = REPO / "tests" / "launcher" / "__main__.py"
    shutil.copy(REPO / PROBE, main)
    yield
    main.unlink()


def both(args, stdin=None, env=None):
    stock = run([STOCK] + args, cwd=REPO, stdin=stdin, env=env)
    ours = run([PYSTON] + args, cwd=REPO, stdin=stdin, env=env)
    return stock, ours


@pytest.mark.parametrize("name,args,stdin", COMMAND_LINES, ids=[c[0] for c in COMMAND_LINES])
def test_command_line_matches_stock(name, args, stdin):
    stdin = stdin.encode() if stdin else None
    stock, ours = both(args, stdin)
    assert stock[2].endswith(b"jit: False\n")
    assert ours[2].endswith(b"jit: True\n"), ours[2].decode()
    assert ours[0] == stock[0]
    assert ours[1].decode() == stock[1].decode()


@pytest.mark.parametrize("args,status", [
    (["-c", "raise KeyError(1)"], 1),
    (["-c", "import sys; sys.exit(3)"], 3),
    (["-c", "import sys; sys.exit('message')"], 1),
    (["-I", "-c", "def f(): 1/0\nf()"], 1),
    (["-E", "-c", "import sys; sys.exit(4)"], 4),
    (["-S", "tests/launcher/no-such-file.py"], 2),
    (["-c"], 2),
    (["--no-such-option"], 2),
    (["-I", "-c", "raise SystemExit(5)"], 5),
    (["-I", "-m", "tests.launcher.probe"], 1),
    (["-E", "-c", "x = ("], 1),
    (["-E", "tests/launcher/bad_syntax.py"], 1),
])
def test_exit_status_and_stderr_match_stock(args, status):
    stock, ours = both(args)
    assert stock[0] == status
    assert ours == stock


def test_interactive_flag_reads_stdin_like_stock():
    stdin = b"print(x * 2)\n"
    for flags in ([], ["-E"]):
        stock, ours = both(flags + ["-i", "-c", "x = 21"], stdin)
        assert ours == stock


def test_repl_on_a_terminal_matches_stock():
    import pty
    outputs = []
    for argv in ([STOCK], [PYSTON], [PYSTON, "-I"]):
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(REPO)
            os.execve(argv[0], argv, clean_env(TERM="dumb"))
        os.write(fd, b"print(6 * 7)\nimport sys; sys.exit(9)\n")
        data = b""
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        _, status = os.waitpid(pid, 0)
        outputs.append((os.waitstatus_to_exitcode(status), b"42" in data, data.split(b"\n")[0]))
    assert outputs[0][0] == 9 and outputs[0][1]
    assert outputs[1] == outputs[0] == outputs[2]


def test_child_through_sys_executable_runs_with_jit():
    code = ("import subprocess, sys; subprocess.run([sys.executable, '-c', "
            "'import sys; p = sys.modules.get(\"pyston\"); print(bool(p and p.is_enabled()))'])")
    assert run([PYSTON, "-c", code])[1] == b"True\n"
    assert run([STOCK, "-c", code])[1] == b"False\n"


def test_launcher_through_a_symlink(tmp_path):
    link = tmp_path / "python"
    link.symlink_to(PYSTON)
    status, out, err = run([str(link), "-c", "import pyston; print(pyston.is_enabled())"])
    assert (status, out) == (0, b"True\n"), err


def test_pythonpath_from_user_is_kept_and_boot_dir_hidden(tmp_path):
    (tmp_path / "sitecustomize.py").write_text("import builtins; builtins.USER_SITECUSTOMIZE = 1\n")
    env = clean_env(PYTHONPATH=str(tmp_path))
    code = "import sys; print(USER_SITECUSTOMIZE, [p for p in sys.path if 'pyston' in p])"
    stock, ours = both(["-c", code], env=env)
    assert stock == (0, b"1 []\n", b"")
    assert ours == stock


def test_venv_and_pip(tmp_path):
    venv = tmp_path / "venv"
    status, out, err = run([PYSTON, "-m", "venv", str(venv)])
    assert status == 0, err
    assert (venv / "bin" / "python").exists()
    status, out, err = run([PYSTON, "-m", "pip", "--version"])
    assert status == 0 and out.startswith(b"pip "), err


def test_jit_off_with_pyston_jit_0():
    code = "import pyston; print(pyston.is_enabled(), pyston.enable())"
    assert run([PYSTON, "-c", code], env=clean_env(PYSTON_JIT="0"))[1] == b"False False\n"
