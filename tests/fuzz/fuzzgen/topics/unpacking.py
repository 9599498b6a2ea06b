"""Unpacking: starred targets, nested targets, swaps, `for k, v in`,
starred and double-starred displays and calls, unpacking strings, ranges,
generators and dicts; wrong lengths raise ValueError."""
from ..exprs import Exprs


def make(ctx):
    c = ctx
    name = c.fresh("unpack")
    d = c.defs
    with d.block(f"def {name}(i, seq):"):
        d.line("r = []")
        for _ in range(c.rng.randrange(3, 8)):
            stmt = c.pick([
                "first, *mid, last = seq",
                "*init, tail = seq",
                "a, b = seq[:2]",
                "(a, b), c = (seq[:2], i)",
                "a, (b, *c) = i, seq",
                "a, b = b, a",
                "a, b = b, a + b",
                "x, y, z = 'xyz'",
                "p, *q = range(i % 4 + 1)",
                "m, n = (v * 2 for v in seq[:2])",
                "k1, k2 = {'u': 1, 'v': 2}",
                "t = (*seq, *range(2), i)",
                "l = [*seq[::-1], *'ab']",
                "dd = {**{'a': i}, 'b': 2, **{'a': 3, 'c': i % 4}}",
                "st = sorted({*seq, 5})",
                "a, b = divmod(i, 7)",
                "[h, *_] = seq or [0]",
                f"f, g = {c.pick(['seq', '(i, i)', '[1, 2, 3]'])}",
            ])
            d.line("try:")
            d.line(f"    {stmt}")
            d.line("except (ValueError, NameError, UnboundLocalError, TypeError) as e:")
            d.line("    r.append(exc(e))")
            d.line("else:")
            targets = stmt.split(" = ")[0].replace("*", "").replace("(", "").replace(")", "") \
                .replace("[", "").replace("]", "")
            shown = [t.strip() for t in targets.split(",") if t.strip() not in ("", "_")]
            d.line(f"    r.append(({', '.join(shown)},))")
        if c.chance(0.5):
            with d.block("for k, (u, *w) in enumerate([(*seq, 0), (*seq[1:], 1), (i, i)]):"):
                d.line("r.append((k, u, w))")
        if c.chance(0.4):
            e = Exprs(c, {"u": "int", "v": "int"})
            with d.block("def take2(u, v, *rest, **kw):"):
                d.line(f"return ({e.int_(1)}, rest, sorted(kw.items()))")
            d.line("r.append(take2(*seq, **{'x': i}) if len(seq) >= 2 else take2(i, *seq, y=1))")
        d.line("return r")
    d.line("")
    seqs = c.pick([["(1, 2, 3)", "[4, 5]", "(6,)", "()", "[7, 8, 9, 10]"],
                   ["[i, i + 1]", "(2, 3, 4)", "[5]", "(1, 2)"], ["(9, 8, 7)", "(6, 5)"]])
    c.call(name, f"{name}(i, [{', '.join(seqs)}][i % {len(seqs)}])")
