"""Inline caches must notice every change after a site has warmed up:
class attributes, methods, __class__ assignment, globals, builtins,
instance attributes that shadow class ones, slots, properties, modules."""
import builtins
import functools
import math
import os

REAL_LEN = len


class A:
    kind = "A"

    def __init__(self, x):
        self.x = x

    def m(self):
        return "A.m", self.x


class B(A):
    kind = "B"

    def m(self):
        return "B.m", self.x


class Slots:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


class Prop:
    def __init__(self):
        self._v = 10

    @property
    def v(self):
        return self._v * 2


def read(o):
    return o.x, o.kind, o.m()


def read_slots(s):
    try:
        return s.a, s.b
    except AttributeError as e:
        return "AttributeError", str(e)


def warm(fn, *args):
    for _ in range(5):
        result = fn(*args)
    return result


a, b = A(1), B(2)
print(warm(read, a), warm(read, b))
A.kind = "A2"                       # class attribute rebound
print(read(a), read(b))
A.m = lambda self: ("patched", self.x)  # method replaced
print(read(a), read(b))
del A.m
try:
    read(a)
except AttributeError as e:
    print("AttributeError", e)
A.m = lambda self: ("again", self.x)
a.m = lambda: "instance shadows method"  # instance attribute shadows the method
print(read(a))
del a.m
print(read(a))
a.kind = "own"                       # instance attribute shadows the class value
print(read(a))
a.__class__ = B                      # __class__ assignment
print(read(a))
vars(a)["x"] = 99                    # the dict materialised and changed behind the values
print(read(a))
del a.x
try:
    read(a)
except AttributeError as e:
    print("AttributeError", e)

s = Slots()
print(warm(read_slots, s))
s.b = 2
print(read_slots(s))
del s.a
print(read_slots(s))

p = Prop()
def read_v(o):
    return o.v
print(warm(read_v, p))
Prop.v = property(lambda self: "new getter")
print(read_v(p))
Prop.v = 5
print(read_v(p))
p.__dict__["v"] = "instance wins over a plain class value"
print(read_v(p))

# a data descriptor added to the class later wins over the instance value
def read_x(o):
    return o.x
c = A(7)
print(warm(read_x, c))
A.x = property(lambda self: "descriptor wins")
print(read_x(c))
del A.x
print(read_x(c))

# globals and builtins rebound after warm-up
G = 1
def use_globals():
    return G, len("abc"), math.pi > 3
print(warm(use_globals))
G = 2
print(use_globals())
builtins.len = lambda s: "fake len"
print(use_globals())
G_len = len
del builtins.len
try:
    use_globals()
except NameError as e:
    print("NameError", e)
builtins.len = lambda s, _l=str.__len__: _l(s)
math.pi = 0                           # a module attribute
print(use_globals())
len = lambda s: "global shadows builtin"
print(use_globals())
del len
builtins.len = REAL_LEN

# class attributes read from the class
class K:
    C = 1
    def f():
        return "K.f"
def read_class():
    return K.C, K.f()
print(warm(read_class))
K.C = 2
K.f = staticmethod(lambda: "static now")
print(read_class())

# a megamorphic site
classes = [type("T%d" % i, (), {"val": i, "get": lambda self, i=i: i * 10}) for i in range(8)]
def poly(o):
    return o.val, o.get()
for _ in range(40):
    out = [poly(cls()) for cls in classes]
print(out)
classes[3].val = "changed"
classes[5].get = lambda self: "new get"
print([poly(cls()) for cls in classes])

# __getattr__ and __getattribute__ classes
class Dyn:
    def __getattr__(self, name):
        return "dyn:" + name
class Spy(A):
    def __getattribute__(self, name):
        return "spy:" + name
def read_dyn(o):
    return o.anything
print(warm(read_dyn, Dyn()), read_dyn(Spy(1)))
A.__getattribute__ = lambda self, name: "late spy"
print(read_dyn(A(1)))
del A.__getattribute__
print(read(A(3)))

# some instances shadow a method with their own attribute (the name is
# then among the class's shared keys), others do not
class S:
    def m(self):
        return "method"

    def __init__(self, shadow):
        if shadow:
            self.m = lambda: "instance"


objs = [S(False), S(True), S(False)]
def call_all():
    return [o.m() for o in objs]
for _ in range(4):
    print(call_all())
objs[0].m = lambda: "late instance"
del objs[1].m
print(call_all())
objs[2].__dict__  # a real dict now
objs[2].m = lambda: "in a dict"
print(call_all(), [getattr(o, "m")() for o in objs])

# instances whose attributes live in a real dict, __getattr__ classes,
# descriptors with and without __set__, bound methods as values


class D:
    cls_value = "class"

    def __init__(self, n):
        self.n = n

    def meth(self):
        return ("meth", self.n)

    @classmethod
    def cm(cls):
        return ("cm", cls.__name__)

    @staticmethod
    def sm():
        return "sm"

    @functools.cached_property
    def cached(self):
        return ("computed", self.n)


class G:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "G.__getattr__(%s)" % name

    @property
    def broken(self):
        raise AttributeError("from the property")


def read_d(o):
    return (o.n, o.cls_value, o.meth(), o.cm(), o.sm(), o.cached, o.meth.__name__,
            type(o.meth).__name__)


def read_g(o):
    return o.real, o.missing, o.broken


ds = [D(i) for i in range(3)]
ds[1].__dict__  # materialized
ds[2].__dict__ = {"n": "replaced"}
for _ in range(4):
    print([read_d(o) for o in ds], read_g(G()))
ds[0].cls_value = "own"
ds[1].meth = lambda: "shadow"
del ds[2].__dict__["n"]
ds[2].n = "again"
for _ in range(2):
    print([read_d(o) for o in ds])
D.cached = "plain now"
del ds[0].__dict__["cached"]
print([read_d(o) for o in ds])

def named(f):
    return f.__name__, f.__qualname__
print(named(read_d), named(read_g))
read_g.__name__ = "renamed"
print(named(read_d), named(read_g))
st = os.stat(".")
def stat_fields(s):
    return type(s.st_mode), s.n_fields
print(stat_fields(st), stat_fields(st))

# a class attribute whose own class later gains __get__ and __set__ (the
# owner's type version does not change; test_opcache has the same)
class Becomes:
    pass


class Holder:
    attr = Becomes()

    def __init__(self):
        self.attr2 = 5

    attr2 = Becomes()


def read_holder(h):
    a = h.attr
    return type(a).__name__, h.attr2


h = Holder()
for _ in range(4):
    print(read_holder(h))
Becomes.__get__ = lambda self, instance, owner: "from __get__"
print(read_holder(h))
Becomes.__set__ = lambda self, instance, value: None
print(read_holder(h))
