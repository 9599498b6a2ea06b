"""Comprehensions and generator expressions: list, set, dict, nested `for`,
conditions, the walrus operator, closures over the enclosing function,
genexps consumed by builtins, sorted with key functions."""
from ..exprs import Exprs
from .args import arg


def make(ctx):
    c = ctx
    name = c.fresh("comp")
    d = c.defs
    with d.block(f"def {name}(n, k):"):
        d.line("data = [(x * 7 + k) % 23 - 5 for x in range(n % 9 + 2)]")
        r = []
        for q in range(c.rng.randrange(2, 6)):
            e = Exprs(c, {"x": "int", "k": "int"})
            kind = c.pick(["list", "list", "set", "dict", "nested", "genexp", "walrus", "sorted"])
            cond = f" if {c.pick(['x % 2', 'x > k', 'x != 3', 'not x % 3'])}" if c.chance(0.5) else ""
            if kind == "list":
                d.line(f"r{q} = [{e.num(2)} for x in data{cond}]")
            elif kind == "set":
                d.line(f"r{q} = {{{e.int_(1)} % 7 for x in data{cond}}}")
            elif kind == "dict":
                d.line(f"r{q} = {{x: {e.num(1)} for x in data{cond}}}")
            elif kind == "nested":
                d.line(f"r{q} = [(x, y) for x in data[:4]{cond} for y in range(x % 3) if y != x]")
            elif kind == "genexp":
                d.line(f"r{q} = ({c.pick(['sum', 'any', 'all', 'tuple', 'list'])}"
                       f"({e.int_(1)} for x in data{cond}), {c.pick(['max', 'min'])}((x * k for x in data), default=0))")
            elif kind == "walrus":
                d.line(f"r{q} = [y for x in data if (y := {e.int_(1)}) % 3 != 1]")
            else:
                d.line(f"r{q} = sorted(data, key=lambda x: ({e.num(1)}, x), reverse={c.pick(['True', 'False'])})")
            r.append(f"r{q}")
        if c.chance(0.4):
            d.line("fs = [lambda: x + k for x in data[:3]]")
            r.append("[f() for f in fs]")
        d.line(f"return ({', '.join(r)},)")
    d.line("")
    c.call(name, f"{name}(i, {arg(c, 'int')} % 50)")
