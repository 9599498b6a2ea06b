"""`from M import name`: attributes, submodules found through sys.modules
during a circular import, and each ImportError message of import_from."""
import os
import shutil
import sys
import tempfile

FILES = {
    "pkg/__init__.py": "from . import a\n",
    "pkg/a.py": "from . import b\n",
    "pkg/b.py": (
        "try:\n"
        "    from pkg.a import missing\n"
        "except ImportError as e:\n"
        "    print('circular:', e.msg.replace(ROOT, '<tmp>'), e.name)\n"
        "from . import a as again\n"
        "print('b sees a:', again.__name__)\n"
    ),
}


def main(root):
    for name, text in FILES.items():
        os.makedirs(os.path.join(root, os.path.dirname(name)), exist_ok=True)
        with open(os.path.join(root, name), "w") as f:
            f.write(text.replace("ROOT", repr(root)))
    sys.path.insert(0, root)
    for mod in ("os", "math", "sys"):
        try:
            exec(f"from {mod} import nope")
        except ImportError as e:
            print(type(e).__name__, e, e.name, e.path is not None)
    from os import path, sep
    print(path.__name__, sep)
    import pkg
    from pkg import a
    print(a.__name__, pkg.a is a)


root = tempfile.mkdtemp()
try:
    main(root)
finally:
    shutil.rmtree(root)
