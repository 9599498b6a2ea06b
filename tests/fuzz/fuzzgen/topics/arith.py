"""Arithmetic on mixed int, float and bool: straight-line code, a loop with
an accumulator kept bounded by a modulus, branches on comparisons, augmented
assignment.  Parameters change type after warm-up (see args.py)."""
from ..exprs import Exprs
from .args import arg

MODULI = ["1000003", "(2 ** 89 - 1)", "65521", "(10 ** 20 + 39)"]


def make(ctx):
    c = ctx
    name = c.fresh("arith")
    params = [(f"p{k}", c.pick(["int", "int", "num"])) for k in range(c.rng.randrange(1, 4))]
    scope = dict(params)
    e = Exprs(c, scope)
    d = c.defs
    with d.block(f"def {name}({', '.join(p for p, _ in params)}):"):
        for k in range(c.rng.randrange(1, 4)):
            tag = c.pick(["int", "num"])
            d.line(f"v{k} = {e.of(tag)}")
            scope[f"v{k}"] = tag
        if c.chance(0.3):
            d.line(f"b0 = {e.bool_()}")
            scope["b0"] = "bool"
        acc_tag = c.pick(["int", "int", "num"])
        d.line(f"acc = {e.of(acc_tag, 1)}")
        with d.block(f"for j in range({c.rng.randrange(1, 9)}):"):
            scope["j"] = "int"
            mod = c.pick(MODULI) if acc_tag == "int" else c.pick(["1000003", "1e6", "(2 ** 70)"])
            d.line(f"acc = (acc + {e.of(acc_tag)}) % {mod}")
            if c.chance(0.5):
                with d.block(f"if {e.bool_()}:"):
                    d.line(f"acc {c.pick(['+=', '-=', '*='])} {e.of(acc_tag, 1)}")
                if c.chance(0.4):
                    with d.block(f"elif {e.bool_()}:"):
                        d.line(c.pick(["continue", "break", f"acc = {e.of(acc_tag, 1)}"]))
            if c.chance(0.3):
                target = c.pick([v for v, t in scope.items() if t == "int" and v.startswith("v")] or ["acc"])
                op = c.pick(["<<=", ">>=", "^=", "|=", "&=", "+=", "//="]) if scope.get(target) == "int" else "+="
                rhs = c.pick(["1", "3", "63", "64"]) if "<<" in op or ">>" in op else e.int_(1)
                if op == "//=":
                    rhs = f"({rhs} or 1)"
                d.line(f"{target} {op} {rhs}")
                d.line(f"{target} %= {c.pick(MODULI)}")
        if c.chance(0.5):
            d.line(f"return {e.of(c.pick(['int', 'num']))}")
        else:
            d.line("return (" + ", ".join(v for v in scope if v.startswith("v")) + ", acc)")
    d.line("")
    c.call(name, f"{name}({', '.join(arg(c, t) for _, t in params)})")
    # Small leaf functions that return one number (often a bigint): the
    # driver calls them with arguments that change type.
    leaf = c.fresh("leaf")
    lp = c.pick(["int", "num"])
    le = Exprs(c, {"x": lp, "y": "int"})
    with d.block(f"def {leaf}(x, y):"):
        d.line(f"return {le.of(c.pick(['int', 'int', 'num']), 3)}")
    d.line("")
    c.call(leaf, f"{leaf}({arg(c, lp)}, {arg(c, 'int')})")
