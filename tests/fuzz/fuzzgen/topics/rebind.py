"""Globals and builtins rebound while code that reads them is warm: a module
global changed (or deleted and restored) by the driver, a global rebound by
the function itself in the middle of its loop, a global function swapped,
builtins shadowed in the module's dict and replaced in the builtins module
(always restored before the end)."""
from ..exprs import Exprs

BUILTINS = ["abs", "len", "max", "min", "divmod", "round"]
USES = {"abs": "abs(x - 5)", "len": "len('abc')", "max": "max(x, j)", "min": "min(j, x)",
        "divmod": "divmod(x, 3)[0]", "round": "round(x, 1)"}


def make(ctx):
    c = ctx
    d = c.defs
    g, h, name, loop = c.fresh("G"), c.fresh("H"), c.fresh("rebind"), c.fresh("rbloop")
    d.line(f"{g} = {c.pick(['1', '3', '0.5', '2 ** 62'])}")
    with d.block(f"def {h}a(x):"):
        d.line("return x + 1")
    with d.block(f"def {h}b(x):"):
        d.line(f"return {Exprs(c, {'x': 'num'}).num(1)}")
    d.line(f"{h} = {h}a")
    d.line("")
    used = c.rng.sample(BUILTINS, c.rng.randrange(1, 4))
    with d.block(f"def {name}(x):"):
        d.line("t = 0")
        with d.block(f"for j in range({c.pick(['2', '3', '5'])}):"):
            d.line(f"t = t + {g} * j + {h}(x) + {' + '.join(USES[b] for b in used)}")
        d.line("return t")
    d.line("")
    with d.block(f"def {loop}(n):"):
        d.line(f"global {g}")
        d.line("t = 0")
        with d.block("for j in range(n):"):
            d.line(f"t += {g}")
            with d.block("if j == n // 2:"):
                d.line(f"{g} = {g} {c.pick(['+ 1', '* 1.5', '+ True'])}")
        d.line("return t")
    d.line("")
    c.call(name, f"{name}({c.pick(['i', 'i * 0.5', '(i << 60)'])})")
    c.call(loop, f"{loop}(i % 6)")

    last = c.iters - 1
    at = c.warm_iteration()
    c.mutate(at, [c.pick([f"{g} = 2.5", f"{g} = -(2 ** 64)", f"{g} = True"])], globals=[g])
    c.mutate(c.warm_iteration(), [f"{h} = {h}b"], globals=[h])
    if c.chance(0.3):
        at = c.warm_iteration()
        c.mutate(at, [f"del {g}"], globals=[g])
        c.mutate(c.rng.randrange(at + 1, last + 1), [f"{g} = 3"], globals=[g])
    for b in used:
        at = c.warm_iteration()
        back = c.rng.randrange(at + 1, last + 1)
        if c.chance(0.5):
            c.mutate(at, [f"builtins.{b} = _fake_{b}"])
            c.mutate(back, [f"builtins.{b} = _REAL[{b!r}]"])
        else:
            c.mutate(at, [f"globals()[{b!r}] = _fake_{b}"])
            c.mutate(back, [f"globals().pop({b!r}, None)"])
