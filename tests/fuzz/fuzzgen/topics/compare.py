"""Comparisons and chained comparisons across int, float, bool, bigints,
NaN, strings, tuples and lists; `is`, `in`, `not in`; comparison results
used both as values and as branch conditions (which JITs fuse)."""
from ..exprs import CMP_OPS, Exprs
from .args import arg

OPERANDS = {
    "num": ["a", "b", "c", "(a + b)", "(c * 2)", "nan", "-0.0", "0", "True", "2 ** 64", "1e19"],
    "tuple": ["s", "t", "(1, 2)", "(1, 2.0, 3)", "()", "(a,)"],
    "list": ["l", "[1, 2]", "[a]", "[b, a]", "[]"],
    "str": ["u", "'a'", "'ab'", "''", "'b' * 2", "u[:1]"],
}
TUPLES = ["(1, 2)", "(1, 2.0, 3)", "(0,)", "()", "(1, (2, 3))"]
STRS = ["'a'", "'ab'", "''", "'b'", "'x'", "'A'"]


def comparison(ctx):
    c = ctx
    kind = c.pick(list(OPERANDS))
    if kind == "num" and c.chance(0.1):
        return f"{c.pick(['a', 'b', 'c'])} {c.pick(['is', 'is not'])} None"
    parts = [c.pick(OPERANDS[kind])]
    for _ in range(c.pick([1, 2, 2, 3])):
        if c.chance(0.1) and kind != "num":
            parts += [c.pick(["in", "not in"]), c.pick(["[s, l, u]", "(1, 'a', ())"])]
            break
        else:
            parts += [c.pick(CMP_OPS), c.pick(OPERANDS[kind])]
    return " ".join(parts)


def make(ctx):
    c = ctx
    name = c.fresh("cmp")
    tags = [c.pick(["int", "num"]) for _ in range(3)]
    d = c.defs
    with d.block(f"def {name}(a, b, c, s, u):"):
        d.line("nan = float('nan')")
        d.line("t = (a, b)")
        d.line("l = list(s)")
        d.line("r = []")
        for k in range(c.rng.randrange(2, 7)):
            if c.chance(0.5):
                with d.block(f"if {comparison(c)}:"):
                    d.line(f"r.append({k})")
                with d.block("else:"):
                    d.line(f"r.append(-{k})")
            else:
                d.line(f"r.append({comparison(c)})")
        if c.chance(0.4):
            d.line("r.append(a in [b, c, 1.0])")
            d.line("r.append(u not in 'xaby')")
        if c.chance(0.4):
            e = Exprs(c, {"a": tags[0], "b": tags[1], "c": tags[2]})
            d.line(f"r.append({e.bool_(3)})")
        if c.chance(0.3):
            d.line("w = 0")
            with d.block("while a < b < c and w < 20:"):
                d.line("w += 1")
                d.line("a += 1")
                d.line("r.append(a)")
        d.line("return r")
    d.line("")
    tuples = [c.pick(TUPLES) for _ in range(3)]
    strs = [c.pick(STRS) for _ in range(3)]
    c.call(name, f"{name}({arg(c, tags[0])}, {arg(c, tags[1])}, {arg(c, tags[2])}, "
                 f"({', '.join(tuples)})[i % 3], ({', '.join(strs)})[i % 3])")
