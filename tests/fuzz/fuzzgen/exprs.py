"""Random typed expressions over the variables in scope.

Types are tags: 'int' (int or bool: every int operation is valid), 'num'
(int, bool or float), 'bool' and 'str'.  Weighted
toward what a JIT gets wrong: mixed int/float/bool arithmetic, overflow into
bigints (big literals, shifts, powers), chained comparisons.  Divisors are
usually guarded (`(y or 1)`) so that most calls run to the end; sometimes
not, so that ZeroDivisionError is raised from compiled code too.  Sizes stay
bounded: exponents and shift counts are small literals, depth is bounded."""

SMALL_INTS = ["0", "1", "2", "3", "5", "7", "-1", "-3", "10", "100", "255", "256", "1000"]
BIG_INTS = ["2147483647", "2147483648", "4611686018427387903", "4611686018427387904",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "18446744073709551616", "100000000000000000000", "(3 ** 45)", "(-(2 ** 70))"]
FLOATS = ["0.0", "-0.0", "0.5", "1.5", "-2.25", "3.141592653589793", "1e-300", "1e300",
          "1e16", "9007199254740993.0", "2.5", "-7.75", "0.1"]
STRS = ["''", "'a'", "'abc'", "'Hello'", "'x-y-z'", "'\\u00e9t\\u00e9'", "'12'"]
CMP_OPS = ["<", "<=", ">", ">=", "==", "!="]


class Exprs:
    """Expressions over SCOPE, a dict name -> tag, drawing on CTX's rng."""

    def __init__(self, ctx, scope):
        self.ctx = ctx
        self.scope = scope

    def vars(self, *tags):
        return [n for n, t in self.scope.items() if t in tags]

    def leaf_int(self):
        names = self.vars("int")
        c = self.ctx
        if names and c.chance(0.6):
            return c.pick(names)
        if c.chance(0.3):
            return c.pick(BIG_INTS)
        return c.pick(SMALL_INTS + ["True", "False"])

    def leaf_num(self):
        names = self.vars("int", "num")
        c = self.ctx
        if names and c.chance(0.6):
            return c.pick(names)
        return c.pick([c.pick(FLOATS), self.leaf_int()])

    def int_(self, depth=2):
        c = self.ctx
        if depth <= 0 or c.chance(0.25):
            return self.leaf_int()
        a = lambda: self.int_(depth - 1)
        kind = c.weighted([(6, "arith"), (2, "div"), (1, "pow"), (2, "shift"), (2, "bits"),
                           (2, "unary"), (1, "bool"), (1, "call"), (1, "ifexp")])
        if kind == "arith":
            return f"({a()} {c.pick(['+', '-', '*'])} {a()})"
        if kind == "div":
            op = c.pick(["//", "%"])
            div = a() if c.chance(0.1) else f"({a()} or {c.pick(['1', '3', '-7'])})"
            return f"({a()} {op} {div})"
        if kind == "pow":
            return f"({a()} ** {c.pick(['0', '1', '2', '3'])})"
        if kind == "shift":
            if c.chance(0.6):
                return f"({a()} << {c.pick(['1', '3', '31', '32', '62', '63', '64', '65'])})"
            return f"({a()} >> {c.pick(['1', '2', '30', '63', '64', '100'])})"
        if kind == "bits":
            return f"({a()} {c.pick(['&', '|', '^'])} {a()})"
        if kind == "unary":
            return f"({c.pick(['-', '~', '+'])}{a()})"
        if kind == "bool":
            return f"({self.bool_(depth - 1)} + {a()})"
        if kind == "call":
            return c.pick([f"abs({a()})", f"max({a()}, {a()})", f"min({a()}, {a()})",
                           f"divmod({a()}, {a()} or 1)[0]", f"_i({self.num(depth - 1)})",
                           f"len({self.str_(depth - 1)})", f"int({a()})"])
        return f"({a()} if {self.bool_(depth - 1)} else {a()})"

    def num(self, depth=2):
        c = self.ctx
        if depth <= 0 or c.chance(0.25):
            return self.leaf_num()
        a = lambda: self.num(depth - 1)
        kind = c.weighted([(3, "int"), (6, "arith"), (2, "div"), (1, "pow"), (1, "unary"),
                           (1, "call"), (1, "ifexp"), (1, "andor")])
        if kind == "int":
            return self.int_(depth)
        if kind == "arith":
            return f"({a()} {c.pick(['+', '-', '*'])} {a()})"
        if kind == "div":
            op = c.pick(["/", "//", "%"])
            div = a() if c.chance(0.1) else f"({a()} or {c.pick(['1', '0.5', '-3'])})"
            return f"({a()} {op} {div})"
        if kind == "pow":
            return f"({a()} ** {c.pick(['0', '2', '3', '-1', '0.5'])})" if c.chance(0.3) \
                else f"({a()} ** {c.pick(['0', '1', '2'])})"
        if kind == "unary":
            return f"({c.pick(['-', '+'])}{a()})"
        if kind == "call":
            return c.pick([f"abs({a()})", f"max({a()}, {a()})", f"round({a()}, 2)",
                           f"float({self.int_(depth - 1)})", f"_f({a()})"])
        if kind == "andor":
            return f"({a()} {c.pick(['and', 'or'])} {a()})"
        return f"({a()} if {self.bool_(depth - 1)} else {a()})"

    def bool_(self, depth=2):
        c = self.ctx
        names = self.vars("bool")
        if depth <= 0 or c.chance(0.15):
            return c.pick(names) if names and c.chance(0.5) else c.pick(["True", "False"])
        kind = c.weighted([(5, "cmp"), (3, "chain"), (1, "not"), (1, "andor"), (1, "isinst")])
        n = lambda: self.num(depth - 1)
        if kind == "cmp":
            return f"({n()} {c.pick(CMP_OPS)} {n()})"
        if kind == "chain":
            ops = [c.pick(CMP_OPS) for _ in range(c.pick([2, 2, 3]))]
            parts = [n()]
            for op in ops:
                parts += [op, n()]
            return "(" + " ".join(parts) + ")"
        if kind == "not":
            return f"(not {self.bool_(depth - 1)})"
        if kind == "andor":
            return f"({self.bool_(depth - 1)} {c.pick(['and', 'or'])} {self.bool_(depth - 1)})"
        return f"isinstance({n()}, {c.pick(['int', 'float', 'bool', '(int, float)'])})"

    def str_(self, depth=1):
        c = self.ctx
        names = self.vars("str")
        if depth <= 0 or c.chance(0.3):
            return c.pick(names) if names and c.chance(0.5) else c.pick(STRS)
        s = lambda: self.str_(depth - 1)
        return c.pick([f"({s()} + {s()})", f"({s()} * ({self.int_(0)} % 4))",
                       f"{s()}.upper()", f"{s()}[1:]", self.fstring(),
                       f"'-'.join([{s()}, {s()}])", f"str({self.int_(1)})",
                       f"repr({self.num(1)})"])

    def fstring(self):
        """An f-string: in 3.11 its expressions may contain neither its own
        quote nor a backslash."""
        c = self.ctx
        plain = [x for x in STRS if "\\" not in x] + self.vars("str")
        return f'f"{{{self.num(0)}}}:{{{c.pick(plain)}!r}}"'

    def of(self, tag, depth=2):
        return {"int": self.int_, "num": self.num, "bool": self.bool_, "str": self.str_}[tag](depth)
