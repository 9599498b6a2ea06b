"""Prints what a program can see of how it was started, for test_launcher."""
import json
import sys

import __main__

observed = {
    "argv": sys.argv,
    "path": sys.path,
    "name": __name__,
    "file": getattr(__main__, "__file__", None),
    "flags": list(sys.flags),
    "xoptions": sys._xoptions,
    "warnoptions": sys.warnoptions,
    "executable": sys.executable,
}
print(json.dumps(observed, sort_keys=True))
pyston = sys.modules.get("pyston")
print("jit:", bool(pyston and pyston.is_enabled()), file=sys.stderr)
