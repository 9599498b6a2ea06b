"""Calls: positional-only, keyword-only, defaults (a mutable default that
accumulates), *args and **kwargs, calls with f(*t, **d), keyword and
positional mixes, wrong argument counts (TypeError), bound methods,
lambdas with defaults."""
from ..exprs import Exprs


SIGNATURES = [
    ("a, b=2, /, c=3, *args, d, e=5, **kw", ["a", "b", "c", "d", "e"]),
    ("a, b, *args", ["a", "b"]),
    ("a=1, *, k=2, **kw", ["a", "k"]),
    ("a, /, b, *, c", ["a", "b", "c"]),
    ("*args, **kw", []),
    ("a, b=(1, 2), c=None", ["a", "b", "c"]),
]
CALLS = ["F(i)", "F(i, 1)", "F(i, 2, 3)", "F(i, d=4)", "F(i, 2, c=3, d=4)", "F(*t)", "F(*t, **kw)",
         "F(i, **kw)", "F(a=i)", "F(i, b=2, c=3)", "F(i, k=1, z=2)", "F()", "F(*t, d=i, e=t)",
         "F(i, i, i, i, d=0)", "F(**{'d': 1, 'a': 2})", "F(i, *t, *t)", "F(*range(i % 4))"]


def make(ctx):
    c = ctx
    d = c.defs
    fname, name = c.fresh("callee"), c.fresh("calls")
    sig, params = c.pick(SIGNATURES)
    with d.block(f"def {fname}({sig}):"):
        body = [f"show({p})" for p in params] + (["args"] if "*args" in sig else []) + \
               (["sorted(kw.items())"] if "**kw" in sig else [])
        d.line(f"return ({', '.join(body)},)")
    d.line("")
    acc = c.fresh("acc")
    with d.block(f"def {acc}(x, seen=[]):"):
        d.line("seen.append(x)")
        d.line("return len(seen) % 5, seen[-3:]")
    d.line("")
    with d.block(f"def {name}(i, t, kw):"):
        d.line(f"F = {fname}")
        d.line("r = []")
        for call in c.rng.sample(CALLS, c.rng.randrange(3, 7)):
            with d.block("try:"):
                d.line(f"r.append({call})")
            with d.block("except TypeError as e:"):
                d.line("r.append(exc(e))")
        d.line(f"r.append({acc}(i))")
        e = Exprs(c, {"x": "int", "y": "num"})
        d.line(f"g = lambda x, y=i * 0.5, *z: {e.num(1)}")
        d.line("r.append((g(i), g(1, 2), g(1, 2, 3)))")
        d.line("m = [1, 2].index")
        d.line("r.append(m(2))")
        d.line("return r")
    d.line("")
    c.call(name, f"{name}(i, ((i,), (1, 2), (i, 2, 3, 4), ())[i % 4], "
                 f"({{'d': i}}, {{}}, {{'e': 1, 'd': 2}}, {{'k': i, 'zz': 0}})[i % 4])")
