"""Control flow: random nests of if/for/while/try/except/else/finally/with,
with return, break, continue, raise (plain, bare, chained) and yield in
every position they are legal.  Each block appends a marker to a log, so
the trace shows the exact path taken; the handled exception, as
sys.exc_info() sees it, is logged too.  Some functions are generators,
driven by take() (which closes them early, raising GeneratorExit inside)
or by drive() (next, send and throw in a random order)."""

RAISE = ["ValueError", "KeyError", "E1", "E2", "E3", "ZeroDivisionError", "TypeError"]
CATCH = ["ValueError", "KeyError", "LookupError", "E1", "E2", "(E2, KeyError)",
         "ArithmeticError", "Exception", "E3", "TypeError", "BaseException"]
ERRORS = ["x = 1 // (a - a)", "x = {}[a]", "x = [][a]", "x = int('z')", "x = None + a"]


class Writer:
    def __init__(self, ctx, d, gen):
        self.c, self.d, self.gen = ctx, d, gen
        self.budget = ctx.rng.randrange(10, 32)
        self.markers = 0

    def mark(self):
        self.markers += 1
        self.d.line(f"log.append({self.markers})")

    def cond(self, names):
        c = self.c
        v = c.pick(names)
        return c.pick([f"{v} % 3 == 0", f"{v} > 1", f"{v} == 2", "a < b", f"{v} % 2",
                       f"not {v}", f"{v} >= b"])

    def block(self, depth, names, loops, handler):
        """A block: a marker, then statements.  NAMES: variables usable in
        conditions; LOOPS: loop nesting in this function; HANDLER: the name
        bound by an enclosing except clause, or None."""
        self.mark()
        for _ in range(self.c.rng.randrange(1, 4)):
            if self.budget <= 0:
                return
            self.budget -= 1
            self.stmt(depth, names, loops, handler)

    def stmt(self, depth, names, loops, handler):
        c, d = self.c, self.d
        kinds = [(3, "mark"), (2, "update"), (2, "raise"), (1, "error"), (1, "return"),
                 (1, "excinfo")]
        if depth < 4:
            kinds += [(3, "if"), (2, "for"), (1, "while"), (4, "try"), (2, "with")]
        if loops:
            kinds += [(2, "break"), (2, "continue")]
        if handler:
            kinds += [(2, "reraise"), (1, "context")]
        if self.gen:
            kinds += [(3, "yield"), (1, "yieldfrom")]
        kind = c.weighted(kinds)
        sub = lambda names=names, loops=loops, handler=handler: \
            self.block(depth + 1, names, loops, handler)
        if kind == "mark":
            self.mark()
        elif kind == "update":
            d.line(c.pick(["a = (a * 3 + 1) % 11", "b += 1", "b = b - a"]))
        elif kind == "raise":
            exc = f"{c.pick(RAISE)}({self.markers})"
            if c.chance(0.6):
                with d.block(f"if {self.cond(names)}:"):
                    d.line(f"raise {exc}")
            else:
                d.line(f"raise {exc}")
        elif kind == "error":
            with d.block(f"if {self.cond(names)}:"):
                d.line(c.pick(ERRORS))
        elif kind == "return":
            value = c.pick([f"{self.markers}", "(a, b)", "log[-1]"])
            with d.block(f"if {self.cond(names)}:"):
                d.line(f"return {value}")
        elif kind == "excinfo":
            d.line("log.append(cur_exc())")
        elif kind == "if":
            with d.block(f"if {self.cond(names)}:"):
                sub()
            if c.chance(0.3):
                with d.block(f"elif {self.cond(names)}:"):
                    sub()
            if c.chance(0.4):
                with d.block("else:"):
                    sub()
        elif kind == "for":
            j = c.fresh("j")
            with d.block(f"for {j} in {c.pick(['range(3)', 'range(a % 4)', '(1, 2)', '[b, a]'])}:"):
                sub(names + [j], loops + 1)
            if c.chance(0.2):
                with d.block("else:"):
                    sub()
        elif kind == "while":
            w = c.fresh("w")
            d.line(f"{w} = 0")
            with d.block(f"while {w} < {c.pick(['2', '3', 'a % 4'])}:"):
                d.line(f"{w} += 1")
                sub(names + [w], loops + 1)
        elif kind == "try":
            self.try_(depth, names, loops, handler, sub)
        elif kind == "with":
            cm = c.fresh("cm")
            suppress = c.pick(["", ", True", ", a % 2 == 0"])
            with d.block(f"with CM(log, {self.markers}{suppress}) as {cm}:"):
                sub(names + [cm])
        elif kind in ("break", "continue"):
            if c.chance(0.7):
                with d.block(f"if {self.cond(names)}:"):
                    d.line(kind)
            else:
                d.line(kind)
        elif kind == "reraise":
            with d.block(f"if {self.cond(names)}:"):
                d.line(c.pick(["raise", f"raise E1({self.markers}) from {handler}",
                               f"raise E2({self.markers}) from None",
                               f"raise KeyError({self.markers})"]))
        elif kind == "context":
            d.line(f"log.append((exc({handler}), show({handler}.__context__), show({handler}.__cause__)))")
        elif kind == "yield":
            d.line(c.pick([f"yield {self.markers}", f"log.append((yield {self.markers}))",
                           "yield (a, b)"]))
        elif kind == "yieldfrom":
            d.line(c.pick([f"log.append((yield from subgen({self.markers})))",
                           "yield from range(a % 3)", f"yield from [{self.markers}, b]"]))

    def try_(self, depth, names, loops, handler, sub):
        c, d = self.c, self.d
        with d.block("try:"):
            sub()
        catches = c.rng.sample(CATCH, c.pick([0, 1, 1, 2, 2, 3]))
        for exc in catches:
            e = c.fresh("e")
            with d.block(f"except {exc} as {e}:"):
                d.line(f"log.append(exc({e}))")
                sub(handler=e)
        if catches and c.chance(0.3):
            with d.block("else:"):
                sub()
        if not catches or c.chance(0.5):
            with d.block("finally:"):
                sub()


def make(ctx):
    c = ctx
    gen = c.chance(0.4)
    name = c.fresh("gen" if gen else "ctl")
    d = c.defs
    w = Writer(c, d, gen)
    with d.block(f"def {name}(a, b, log):"):
        w.block(0, ["a", "b"], 0, None)
        if gen:
            d.line("yield 'end'")
        d.line("return 'end'")
    d.line("")
    a, b = c.pick(["i % 5", "i % 7", "i % 3"]), c.pick(["i % 4", "i // 3 % 5", "2"])
    if gen and c.chance(0.4):
        ops = [c.pick(["(0, None)", "(1, i)", "(1, None)", "(2, E1(i))", "(2, ValueError('v'))",
                       "(2, GeneratorExit())"]) for _ in range(c.rng.randrange(2, 7))]
        c.call(name, f"driven_gen({name}, [(0, None), {', '.join(ops)}], {a}, {b})")
    elif gen:
        c.call(name, f"logged_gen({name}, {c.pick(['3', '6', '50'])}, {a}, {b})")
    else:
        c.call(name, f"logged({name}, {a}, {b})")
