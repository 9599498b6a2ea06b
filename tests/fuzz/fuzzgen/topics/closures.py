"""Nested functions and closures: nonlocal counters, free variables two
levels up, lambdas binding loop variables early (defaults) or late, closures
that outlive their maker and keep state across the driver's iterations,
cells deleted before use."""
from ..exprs import Exprs
from .args import arg


def make(ctx):
    c = ctx
    name = c.fresh("clo")
    d = c.defs
    ta, tb = c.pick(["int", "num"]), "int"
    with d.block(f"def {name}(a, b):"):
        outer = Exprs(c, {"a": ta, "b": tb})
        d.line(f"n = {outer.int_(1)} % 1000003")
        d.line(f"m = {outer.num(1)}")
        with d.block("def inner(x):"):
            d.line("nonlocal n")
            e = Exprs(c, {"x": "int", "n": "int", "b": "int"})
            d.line(f"n = ({e.int_()}) % 1000003")
            d.line(f"return {Exprs(c, {'x': 'int', 'n': 'int', 'm': 'num'}).num()}")
        parts = ["[inner(j) for j in range(3)]", "n"]
        if c.chance(0.6):
            with d.block("def middle(y):"):
                d.line("w = y + 1")
                with d.block("def leaf(z):"):
                    if c.chance(0.5):
                        d.line("nonlocal w")
                        d.line("w += z")
                    d.line(f"return {Exprs(c, {'z': 'int', 'w': 'int', 'n': 'int', 'a': ta}).num()}")
                d.line("return (leaf(y), leaf(w), w)")
            parts.append("middle(b % 5)")
        if c.chance(0.6):
            d.line(f"fs = [lambda k, j=j: {Exprs(c, {'k': 'int', 'j': 'int', 'n': 'int'}).num(1)} for j in range(3)]")
            parts.append("[f(2) for f in fs]")
        if c.chance(0.6):
            d.line("late = [lambda: j * m for j in range(3)]")
            parts.append("[g() for g in late]")
        if c.chance(0.3):
            d.line("g = (x * n for x in range(3))")
            d.line("n += 1")
            parts.append("list(g)")
        if c.chance(0.1):
            d.line("del n")
            parts.append("inner(1)")
        d.line(f"return ({', '.join(parts)})")
    d.line("")
    c.call(name, f"{name}({arg(c, ta)}, {arg(c, tb)})")

    # A closure that outlives its maker and keeps state across iterations.
    maker = c.fresh("counter")
    with d.block(f"def make_{maker}(start):"):
        d.line("total = start")
        d.line("calls = 0")
        with d.block("def step(x):"):
            d.line("nonlocal total, calls")
            d.line("calls += 1")
            d.line(f"total = ({Exprs(c, {'x': 'num', 'total': 'num', 'calls': 'int'}).num()}) % 65521")
            d.line("return (calls, total)")
        d.line("return step")
    d.line("")
    d.line(f"{maker} = make_{maker}({c.pick(['0', '1.5', '7'])})")
    d.line("")
    c.call(maker, f"{maker}({arg(c, 'num')})")
    if c.chance(0.5):
        c.mutate(c.warm_iteration(), [f"{maker} = make_{maker}(i * 0.5)"], globals=[maker])
