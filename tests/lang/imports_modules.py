"""Imports: stdlib import forms, importlib, in-memory modules via a custom meta_path finder, __name__, module attributes, reload, circular-ish access."""
import importlib
import importlib.abc
import importlib.util
import sys
import types

SOURCES = {
    "virt_a": "NAME = __name__\nimport virt_b\ndef get():\n    return virt_b.VALUE * 2\nCOUNT = 0\n"
              "def bump():\n    global COUNT\n    COUNT += 1\n    return COUNT\n",
    "virt_b": "VALUE = 21\nLOADS = globals().get('LOADS', 0) + 1\n__all__ = ['VALUE']\n_private = 1\n",
    "virt_pkg": "PKG = True\n",
    "virt_pkg.sub": "from . import helper\nfrom .helper import twice\nRESULT = twice(5)\nPARENT = __package__\n",
    "virt_pkg.helper": "def twice(x):\n    return x * 2\n",
    "virt_err": "x = 1\nraise ImportError('virt_err refuses to load')\n",
}
load_log = []


class MemLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        name = module.__name__
        load_log.append(name)
        code = compile(SOURCES[name], f"<virt {name}>", "exec")
        exec(code, module.__dict__)


class MemFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname in SOURCES:
            is_pkg = fullname == "virt_pkg"
            spec = importlib.util.spec_from_loader(fullname, MemLoader(), is_package=is_pkg)
            return spec
        return None


def stdlib_forms():
    import json
    import collections.abc as cabc
    from os import path as osp
    from math import pi as PI, tau
    import xml.etree.ElementTree as ET
    out = [json.dumps({"b": [1, 2.5, None, True], "a": "é"}, sort_keys=True), json.loads('{"x": [1, {"y": null}]}'),
           cabc.Mapping.__name__, osp.join("a", "b"), round(PI + tau, 6), ET.fromstring("<r><c k='v'/></r>")[0].get("k"),
           json.__name__, cabc.__name__, "json" in sys.modules, type(json).__name__, json.__spec__.name,
           hasattr(json, "__file__"), importlib.import_module("string").ascii_lowercase[:5],
           importlib.import_module(".decoder", "json").__name__]
    try:
        import does_not_exist_module_xyz  # noqa
    except ModuleNotFoundError as e:
        out.append(f"ModuleNotFoundError: {e} name={e.name}")
    try:
        from json import no_such_name  # noqa
    except ImportError as e:
        out.append(f"ImportError: {str(e).split(' (')[0]} name={e.name}")
    return out


def virtual_modules():
    sys.meta_path.insert(0, MemFinder())
    try:
        out = []
        import virt_a
        out.append((virt_a.NAME, virt_a.get(), sys.modules["virt_b"].LOADS, load_log[:]))
        total = 0
        for _ in range(500):
            total += virt_a.bump()
        out.append((total, virt_a.COUNT))
        import virt_b
        virt_b.VALUE = 50
        out.append(virt_a.get())
        importlib.reload(virt_b)
        out.append((virt_a.get(), virt_b.LOADS, load_log[:]))
        ns = {}
        exec("from virt_b import *", ns)
        out.append(sorted(k for k in ns if k != "__builtins__"))
        from virt_pkg import sub
        out.append((sub.RESULT, sub.PARENT, sub.__name__, "virt_pkg.helper" in sys.modules, load_log[-3:]))
        try:
            import virt_err  # noqa
        except ImportError as e:
            out.append((str(e), "virt_err" in sys.modules))
        m = types.ModuleType("made_by_hand", "doc here")
        m.f = lambda: "hand"
        sys.modules["made_by_hand"] = m
        import made_by_hand
        out.append((made_by_hand.f(), made_by_hand.__doc__, made_by_hand.__name__, repr(made_by_hand)))
        del sys.modules["made_by_hand"]
        return out
    finally:
        sys.meta_path.pop(0)
        for k in list(sys.modules):
            if k.startswith("virt_"):
                del sys.modules[k]


def module_getattr():
    m = types.ModuleType("lazy")
    calls = []

    def __getattr__(name):
        calls.append(name)
        if name == "computed":
            return 99
        raise AttributeError(f"module 'lazy' has no attribute {name!r}")
    m.__getattr__ = __getattr__
    m.__dir__ = lambda: ["computed", "x"]
    out = [m.computed, getattr(m, "missing", "dflt"), dir(m), calls]
    return out


def main():
    print(__name__, __doc__.split(":")[0], type(sys.modules[__name__]).__name__, __spec__, __package__,
          __file__.endswith("imports_modules.py"), __builtins__.__name__ if hasattr(__builtins__, "__name__") else "dict")
    for x in stdlib_forms():
        print(x)
    for x in virtual_modules():
        print(x)
    print(module_getattr())
    # import inside a hot function (cached in sys.modules)
    def hot(n):
        s = 0
        for i in range(n):
            import math
            from operator import add
            s = add(s, math.floor(i / 3))
        return s
    print(hot(2000))
    import __main__
    print(__main__.__name__, __main__.main is main, "hot" in dir(__main__))


main()


# module.__dict__ (a member of ModuleType that wins over the module's own
# dict) at one site for many modules, a module __getattr__, a subclass
import types as _types


def module_dict_of(mod):
    return mod.__dict__


_plain = _types.ModuleType("plain")
_plain.x = 1
for _ in range(300):
    module_dict_of(_plain), module_dict_of(sys), module_dict_of(_types)
print(sorted(module_dict_of(_plain)), module_dict_of(sys) is sys.__dict__)
_hooked = _types.ModuleType("hooked")
_hooked.__getattr__ = lambda name: "via __getattr__ " + name
_hooked.__dict__["__dict__"] = "a shadowing key"
print(sorted(module_dict_of(_hooked)), _hooked.missing)


class _ModuleSub(_types.ModuleType):
    @property
    def __dict__(self):
        return "the subclass's __dict__"


print(module_dict_of(_ModuleSub("sub")))
