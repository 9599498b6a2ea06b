"""Attribute sites that see more classes than a site has ways (a method of
a base class that many subclasses run): they share the process's
megamorphic table, which must notice every change a site's own entries
notice."""


class Base:
    tag = "base"

    def __init__(self, n):
        self.n = n
        self.items = [n]

    def describe(self):
        return "%s:%s:%s:%s" % (self.__class__.__name__, self.tag, self.n, self.kind())

    def kind(self):
        return "plain"


classes = []
for i in range(14):
    body = {"tag": "t%d" % i}
    if i % 3 == 0:
        body["kind"] = lambda self, i=i: "k%d" % i
    if i % 4 == 1:
        body["__slots__"] = ()
    classes.append(type("C%d" % i, (Base,), body))


def describe_all(objs):
    return [o.describe() for o in objs]


def read_attrs(objs):
    out = []
    for o in objs:
        out.append((o.n, o.tag, len(o.items), o.kind()))
    return out


def class_reads(clss):
    return [(c.tag, c.__name__, c.kind(c(0)) if isinstance(c, type) else None) for c in clss]


objs = [cls(i) for i, cls in enumerate(classes)]
for round_ in range(40):
    r1 = describe_all(objs)
    r2 = read_attrs(objs)
    r3 = class_reads(classes)
print(r1)
print(r2)
print(r3)

# a class attribute changes
classes[5].tag = "changed"
print(describe_all(objs)[5], read_attrs(objs)[5])
# an instance attribute shadows the class's
objs[6].tag = "own"
print(describe_all(objs)[6], read_attrs(objs)[6])
del objs[6].tag
print(describe_all(objs)[6])
# a method is added, then removed, on one class
classes[7].kind = lambda self: "patched"
print(describe_all(objs)[7])
del classes[7].kind
print(describe_all(objs)[7])
# the base class changes: every subclass sees it
Base.kind = lambda self: "base patched"
print(describe_all(objs))
# __class__ is reassigned
objs[8].__class__ = classes[9]
print(describe_all(objs)[8], read_attrs(objs)[8])
# a data descriptor appears on a class
classes[10].n = property(lambda self: "prop")
print(describe_all(objs)[10], read_attrs(objs)[10])
# __getattr__ on a class: missing attributes come from it
classes[11].__getattr__ = lambda self, name: "getattr:" + name
del objs[11].n
print(describe_all(objs)[11])
# an attribute disappears: AttributeError, as stock
del objs[12].n
try:
    describe_all(objs)
except AttributeError as e:
    print("AttributeError", e)
objs[12].n = 99
print(describe_all(objs)[12])
for round_ in range(20):
    r = describe_all(objs) + [str(x) for x in read_attrs(objs)]
print(r)


# Sites in code that dies: the names of a dead function's sites may come
# back at the same address as other names, on the same classes.
class Many:
    pass


kinds = [type("M%d" % i, (Many,), {}) for i in range(14)]
got = []
for r in range(40):
    objs = [k() for k in kinds]
    for i, o in enumerate(objs):
        setattr(o, "attr_%d" % r, r * 100 + i)
        setattr(o, "other_%d" % r, -r)
    namespace = {}
    exec("def f(objs):\n    return [o.attr_%d for o in objs]\n" % r, namespace)
    f = namespace["f"]
    for _ in range(30):
        values = f(objs)
    got.append(sum(values))
    del f, namespace
print(got)
