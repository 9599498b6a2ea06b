"""Classes: properties with setters, __slots__, __getattr__, inheritance with
super(), class attributes shadowed by subclasses and instances, dunder
operators, class- and static methods; a polymorphic use site; and, once
warm, the class changes under it: attributes and methods rebound or
deleted, __getattr__ added, a property replaced, an object's __class__
reassigned."""
from ..exprs import Exprs


def make(ctx):
    c = ctx
    d = c.defs
    base, sub = c.fresh("Base"), c.fresh("Sub")
    objs, use = c.fresh("OBJS"), c.fresh("use")
    base_slots = c.chance(0.4)
    sub_slots = c.pick([None, "()", "('w',)"]) if base_slots else None
    has_getattr = c.chance(0.4)
    has_setter = c.chance(0.7)
    dunders = [x for x in ("add", "eq", "lt", "len", "bool", "iter", "getitem", "call")
               if c.chance(0.3)]
    attrs = {"self.x": "num", "self.y": "num", "self.k": "int"}

    with d.block(f"class {base}:"):
        if base_slots:
            d.line("__slots__ = ('x', 'y')")
        d.line(f"k = {c.pick(['3', '-2', '2 ** 63', 'True'])}")
        with d.block("def __init__(self, x, y):"):
            d.line("self.x = x")
            d.line("self.y = y")
        d.line("@property")
        with d.block("def p(self):"):
            d.line(f"return {Exprs(c, attrs).num()}")
        if has_setter:
            d.line("@p.setter")
            with d.block("def p(self, v):"):
                d.line("self.x = v % 1000")
        with d.block("def m(self, z):"):
            d.line(f"return {Exprs(c, dict(attrs, z='int')).num()}")
        d.line("@classmethod")
        with d.block("def cm(cls, z):"):
            d.line("return (cls.__name__, cls.k * z)")
        d.line("@staticmethod")
        with d.block("def sm(z):"):
            d.line("return z * 2")
        if has_getattr:
            with d.block("def __getattr__(self, name):"):
                with d.block("if name.startswith('__'):"):
                    d.line("raise AttributeError(name)")
                d.line("return name + '!'")
        write_dunders(d, dunders)
    d.line("")
    with d.block(f"class {sub}({base}):"):
        if sub_slots:
            d.line(f"__slots__ = {sub_slots}")
        d.line(f"k = {c.pick(['5', '-1', '1.5', '2 ** 65'])}")
        with d.block("def m(self, z):"):
            d.line(f"return (super().m(z), {Exprs(c, dict(attrs, z='int')).num(1)})")
        if c.chance(0.4):
            d.line("@property")
            with d.block("def p(self):"):
                d.line(f"return -{base}.p.fget(self)")
            if has_setter:
                d.line("@p.setter")
                with d.block("def p(self, v):"):
                    d.line(f"{base}.p.fset(self, v + 1)")
    d.line("")
    d.line(f"{objs} = [{base}(1, 2), {sub}(3, 4.5), {base}(2 ** 64, -1), {sub}(0.5, True)]")
    d.line("")
    with d.block(f"def {use}(o, i):"):
        d.line("r = [o.m(i), o.p, o.k, o.cm(i), o.sm(i), type(o).__name__]")
        if has_setter:
            with d.block("try:"):
                d.line("o.p = i")
            with d.block("except (AttributeError, TypeError) as e:"):
                d.line("r.append(exc(e))")
            d.line("r.append(o.x)")
        with d.block("try:"):
            d.line("r.append(o.missing)")
        with d.block("except AttributeError as e:"):
            d.line("r.append(exc(e))")
        for x in dunders:
            d.line({"add": "r.append((o + i, i + o))", "eq": "r.append((o == i, o != 3))",
                    "lt": "r.append((o < i, o > i))", "len": "r.append(len(o))",
                    "bool": "r.append(1 if o else 0)", "iter": "r.append(list(o))",
                    "getitem": "r.append(o[i])", "call": "r.append(o(i))"}[x])
        d.line("return r")
    d.line("")
    c.call(use, f"{use}({objs}[i % 4], i)")

    options = [f"{base}.k = {c.pick(['7', '2.5', '-(2 ** 70)'])}",
               f"{sub}.k = {c.pick(['0', '9.5'])}", f"del {sub}.k",
               f"{base}.m = lambda self, z: z * 2 + self.k",
               f"{base}.p = property(lambda self: -1)",
               f"{objs}[1] = {base}(i, 0.5)"]
    if not has_getattr:
        options.append(f"{base}.__getattr__ = lambda self, name: len(name)")
    if not base_slots:
        options.append(f"{objs}[0].k = 99")
    if not base_slots or sub_slots == "()":  # layouts compatible
        options.append(f"{objs}[0].__class__ = {sub}")
    for stmt in c.rng.sample(options, c.rng.randrange(1, 4)):
        c.mutate(c.warm_iteration(), [stmt])


def write_dunders(d, dunders):
    bodies = {
        "add": [("__add__", "other", "return self.x + other"),
                ("__radd__", "other", "return other - self.y")],
        "eq": [("__eq__", "other", "return self.x == other")],
        "lt": [("__lt__", "other", "return self.y < other"),
               ("__gt__", "other", "return self.y > other")],
        "len": [("__len__", "", "return 2")],
        "bool": [("__bool__", "", "return self.x > 0")],
        "iter": [("__iter__", "", "yield self.x\nyield self.y")],
        "getitem": [("__getitem__", "k", "return (self.x, self.y)[k % 2]")],
        "call": [("__call__", "z", "return self.m(z)")],
    }
    for x in dunders:
        for meth, param, body in bodies[x]:
            with d.block(f"def {meth}(self{', ' + param if param else ''}):"):
                for line in body.split("\n"):
                    d.line(line)
        if x == "eq":
            d.line("__hash__ = None")
