"""python -m pyston autoload {install,uninstall,status} [--site-packages DIR]

The autoload is a .pth file in a virtual environment's site-packages: every
start of that environment's plain `python` then runs with the JIT on.
"""
import argparse
import os
import sys
import sysconfig

PTH_NAME = "pyston-autoload.pth"
PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pth_line(root):
    """The .pth line: site.py executes lines that start with `import`."""
    return (f"import sys; sys.path.insert(0, {root!r}); "
            f"from pyston import _start; sys.path.remove({root!r}); "
            f"_start.start()\n")


def default_site_packages():
    if sys.prefix == sys.base_prefix:
        sys.exit("pyston: not in a virtual environment; the autoload would "
                 "change the system's python3.11. Run this with the "
                 "environment's python, or pass --site-packages DIR.")
    return sysconfig.get_paths()["purelib"]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m pyston")
    commands = parser.add_subparsers(dest="command", required=True)
    autoload = commands.add_parser("autoload", help="JIT every start of a venv's python")
    autoload.add_argument("action", choices=["install", "uninstall", "status"])
    autoload.add_argument("--site-packages", metavar="DIR",
                          help="where to write the .pth file (default: this venv's)")
    args = parser.parse_args(argv)

    site_dir = args.site_packages or default_site_packages()
    path = os.path.join(site_dir, PTH_NAME)
    if args.action == "install":
        with open(path, "w") as f:
            f.write(pth_line(PACKAGE_ROOT))
        print(f"pyston: autoload installed: {path}")
    elif args.action == "uninstall":
        if os.path.exists(path):
            os.remove(path)
            print(f"pyston: autoload removed: {path}")
        else:
            print(f"pyston: no autoload in {site_dir}")
    else:
        state = "installed" if os.path.exists(path) else "not installed"
        print(f"pyston: autoload {state}: {path}")


if __name__ == "__main__":
    main()
