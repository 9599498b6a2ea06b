"""Instructions of module and class bodies: import * (with and without
__all__, into exec's namespaces), annotations, the REPL's expression printing
(PRINT_EXPR), and mapping patterns (MATCH_KEYS)."""
import sys

from string import *
print(sorted(k for k in dir() if k.startswith("ascii")))

x: int = 1
y: "later"
print(__annotations__)


class C:
    a: int
    b: str = "b"
    print(sorted(__annotations__))


class WithCell:
    c: int = 3
    def m(self):
        return __class__.__name__, __class__.__annotations__


print(WithCell().m())
ns = {}
exec("from os.path import *", ns, ns)
print("join" in ns, "_get_sep" in ns)
mod_locals = Locals = type("Locals", (dict,), {})
loc = Locals()
exec("from math import *\nfrom json import *", {}, loc)
print(sorted(k for k in loc if k in ("pi", "loads", "dumps", "JSONDecodeError")))

ns = {}
exec("from collections import *\nz: float = 2.0", ns)
print("OrderedDict" in ns, ns["__annotations__"])

loc = Locals()
exec("q: int = 5", {}, loc)
print(loc)

for line in ("1 + 1", "None", "'text'", "[i * i for i in range(4)]", "if 1:\n  5\n  6\n"):
    exec(compile(line, "<repl>", "single"))
print("_ is", _)
old_hook = sys.displayhook
sys.displayhook = lambda v: print("hook saw", repr(v))
for line in ("40 + 2", "'s'", "None"):
    exec(compile(line, "<repl>", "single"))
del sys.displayhook
try:
    exec(compile("3", "<repl>", "single"))
except RuntimeError as e:
    print("RuntimeError", e)
sys.displayhook = old_hook


class Mapping(dict):
    def get(self, key, default=None):
        print("get", key)
        return super().get(key, default)


def match(subject):
    match subject:
        case {"a": 1, "b": b}:
            return "ab", b
        case {"a": a, **rest}:
            return "a", a, rest
        case {}:
            return "empty mapping"
        case _:
            return "other"


for subject in ({"a": 1, "b": 2}, {"a": 5, "c": 3}, {}, Mapping(a=1, b=9), [1], {"b": 1}):
    print(match(subject))
try:
    exec("match {'k': 1}:\n    case {'k': 1, 'k': 2}:\n        pass")
except SyntaxError as e:
    print("SyntaxError", e.msg)
key = "k"
def dup(s, k1, k2):
    class K:
        a = k1
        b = k2
    match s:
        case {K.a: 1, K.b: 2}:
            return "matched"
    return "no"
try:
    print(dup({"k": 1, "j": 2}, "k", "k"))
except ValueError as e:
    print("ValueError", e)
