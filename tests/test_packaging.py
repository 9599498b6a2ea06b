"""pip install into a python3.11 venv, the `pyston` console command, and the
opt-in autoload .pth file."""
import shutil

import pytest

from conftest import REPO, STOCK, clean_env, run

PROBE = "import sys; p = sys.modules.get('pyston'); print(bool(p and p.is_enabled()), p and p.__file__)"


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    # --system-site-packages: Debian's setuptools needs Debian's wheel for
    # --no-build-isolation, and there is no network to fetch one.
    root = tmp_path_factory.mktemp("venv")
    source = root / "src"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        "build", "*.so", "__pycache__", ".git", "*.egg-info"))
    env = root / "env"
    status, _, err = run([STOCK, "-m", "venv", "--system-site-packages", str(env)])
    assert status == 0, err
    status, out, err = run([str(env / "bin/python"), "-m", "pip", "install", "-q",
                            "--no-build-isolation", str(source)], cwd=root, timeout=300)
    assert status == 0, (out + err).decode()
    return env


def test_console_command_runs_with_jit(venv):
    status, out, err = run([str(venv / "bin/pyston"), "-c", PROBE], cwd="/")
    enabled, where = out.decode().split()
    assert status == 0 and enabled == "True", err
    assert where.startswith(str(venv))  # the installed copy, not the repo


def test_console_command_with_isolated_flag(venv):
    status, out, err = run([str(venv / "bin/pyston"), "-I", "-c", PROBE], cwd="/")
    assert out.split()[0] == b"True", err


def test_autoload_install_and_uninstall(venv):
    python = str(venv / "bin/python")
    assert run([python, "-c", PROBE], cwd="/")[1].split()[0] == b"False"
    status, out, err = run([python, "-m", "pyston", "autoload", "install"], cwd="/")
    assert status == 0 and b"installed" in out, err
    assert run([python, "-c", PROBE], cwd="/")[1].split()[0] == b"True"
    assert run([python, "-c", PROBE], cwd="/", env=clean_env(PYSTON_JIT="0"))[1].split()[0] == b"False"
    status, out, _ = run([python, "-m", "pyston", "autoload", "status"], cwd="/")
    assert b"autoload installed" in out
    assert run([python, "-m", "pyston", "autoload", "uninstall"], cwd="/")[0] == 0
    assert run([python, "-c", PROBE], cwd="/")[1].split()[0] == b"False"


def test_autoload_refuses_the_system_python():
    status, _, err = run([STOCK, "-m", "pyston", "autoload", "install"], cwd=REPO)
    assert status == 1 and b"not in a virtual environment" in err
