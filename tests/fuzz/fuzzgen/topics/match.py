"""match statements: literal, capture, wildcard, value, sequence (with
star), mapping (with **rest), class (positional via __match_args__ and
keyword), or- and as-patterns, guards; subjects of many types."""

LITERALS = ["0", "1", "-1", "2.5", "'a'", "'ab'", "None", "True", "False", "(2 ** 64)"]
SUBJECTS = ["0", "1", "2.5", "'a'", "'zz'", "None", "True", "(1, 2)", "[1, 'a']", "[3, 4, 5, 6]",
            "{'k': 1, 'j': 2}", "{'k': 'a'}", "(2 ** 64)", "(1, (2, 3))", "[]", "-1"]


class Patterns:
    def __init__(self, ctx, point, consts):
        self.c, self.point, self.consts = ctx, point, consts
        self.bound = []

    def capture(self):
        name = self.c.fresh("v")
        self.bound.append(name)
        return name

    def closed(self, depth):
        """A pattern that binds no name (allowed inside or-patterns)."""
        c = self.c
        kind = c.pick(["lit", "lit", "value", "cls"] if depth > 0 else ["lit", "value"])
        if kind == "lit":
            return c.pick(LITERALS).replace("(2 ** 64)", "18446744073709551616")
        if kind == "value":
            return f"{self.consts}.{c.pick(['A', 'B', 'C'])}"
        return f"{c.pick(['int', 'str', 'tuple', 'list', 'dict', self.point])}()"

    def pattern(self, depth, top=False):
        c = self.c
        kinds = [(3, "closed"), (1, "or")]
        if not top:
            kinds += [(3, "capture"), (1, "wild")]
        if depth > 0:
            kinds += [(3, "seq"), (2, "map"), (2, "cls"), (1, "as")]
        kind = c.weighted(kinds)
        sub = lambda: self.pattern(depth - 1)
        if kind == "closed":
            return self.closed(depth)
        if kind == "or":
            return " | ".join(self.closed(depth - 1) for _ in range(c.pick([2, 3])))
        if kind == "capture":
            return self.capture()
        if kind == "wild":
            return "_"
        if kind == "seq":
            items = [sub() for _ in range(c.rng.randrange(0, 3))]
            if c.chance(0.4):
                star = "*_" if c.chance(0.5) else "*" + self.capture()
                items.insert(c.rng.randrange(0, len(items) + 1), star)
            if c.chance(0.5):
                return "[" + ", ".join(items) + "]"
            return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
        if kind == "map":
            keys = c.rng.sample(["'k'", "'j'", "'z'"], c.pick([1, 1, 2]))
            items = [f"{k}: {sub()}" for k in keys]
            if c.chance(0.3):
                items.append("**" + self.capture())
            return "{" + ", ".join(items) + "}"
        if kind == "cls":
            cls = c.pick([self.point, self.point, "int", "str", "tuple"])
            if cls == self.point:
                args = c.pick([[sub()], [sub(), sub()], [f"y={sub()}"], [sub(), f"y={sub()}"]])
            else:
                args = [sub()]
            return f"{cls}({', '.join(args)})"
        return f"({self.pattern(depth - 1, top=True)}) as {self.capture()}"


def make(ctx):
    c = ctx
    d = c.defs
    point, consts, name = c.fresh("Pt"), c.fresh("K"), c.fresh("match")
    with d.block(f"class {point}:"):
        d.line("__match_args__ = ('x', 'y')")
        with d.block("def __init__(self, x, y):"):
            d.line("self.x = x")
            d.line("self.y = y")
    d.line("")
    with d.block(f"class {consts}:"):
        d.line("A = 1")
        d.line("B = 'a'")
        d.line("C = (1, 2)")
    d.line("")
    with d.block(f"def {name}(s, i):"):
        d.line("r = []")
        with d.block("match s:"):
            for k in range(c.rng.randrange(2, 7)):
                p = Patterns(c, point, consts)
                pat = p.pattern(2, top=True)
                guard = f" if {c.pick(['i % 2', 'i > 5', 'not i % 3'])}" if c.chance(0.3) else ""
                with d.block(f"case {pat}{guard}:"):
                    d.line(f"r.append(({k}, {', '.join(p.bound)}{',' if p.bound else ''}))")
            if c.chance(0.5):
                with d.block("case other:"):
                    d.line("r.append(('other', other))")
            else:
                with d.block("case _:"):
                    d.line("r.append('default')")
        d.line("return r")
    d.line("")
    subjects = c.rng.sample(SUBJECTS, 6) + [f"{point}(1, 'a')", f"{point}(i, 2.5)"]
    c.call(name, f"{name}([{', '.join(subjects)}][i % {len(subjects)}], i)")
