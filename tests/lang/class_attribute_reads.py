"""Class attributes read through instances (self.LIMIT), which compiled code
loads inline: shadowed later by an instance attribute, rebound or deleted
on the class, a value whose class gains __get__ after the site warmed up,
instances whose dict was materialized, subclasses, slots and __getattr__."""


class Marker:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Marker({self.name})"


class Config:
    LIMIT = 10
    label = "config"
    marker = Marker("m")

    def __init__(self, x):
        self.x = x

    def read(self):
        return self.LIMIT, self.label, self.marker, self.x


class Sub(Config):
    label = "sub"


class Slotted:
    __slots__ = ("a",)
    LIMIT = 3

    def __init__(self):
        self.a = 1

    def read(self):
        return self.LIMIT + self.a


class Fallback:
    LIMIT = 5

    def __getattr__(self, name):
        return f"getattr:{name}"

    def read(self):
        return self.LIMIT, self.missing


def reads(objs, n=3):
    out = []
    for _ in range(n):
        for o in objs:
            out.append(o.read())
    return out


objs = [Config(1), Config(2), Sub(3)]
print(reads(objs))
objs[0].LIMIT = 99                      # an instance shadows the class attribute
print(reads(objs))
del objs[0].LIMIT
print(reads(objs))
Config.LIMIT = 11                       # the class attribute rebound
print(reads(objs))
objs[1].__dict__["label"] = "via dict"  # the instance dict materialized, then shadowing
print(reads(objs))
vars(objs[2])                           # materialized without shadowing
print(reads(objs))
Marker.__get__ = lambda self, obj, cls: f"descriptor for {type(obj).__name__}"
print(reads(objs))                      # the value's class gained __get__
del Marker.__get__
print(reads(objs))
Marker.__set__ = lambda self, obj, value: None  # a data descriptor now
print(reads(objs))
del Marker.__set__
del Config.LIMIT
try:
    print(reads(objs))
except AttributeError as e:
    print("AttributeError", e)
print(reads([Slotted(), Slotted()]), reads([Fallback()]))
Slotted.LIMIT = 30
print(reads([Slotted()]))


class Widget:
    kind = "widget"

    def __init__(self, n):
        self.n = n

    def name(self):
        return f"{self.kind}{self.n}"


class IntLike(int):  # instances keep their dict at an offset of their own
    kind = "intlike"

    def name(self):
        return f"{self.kind}{int(self)}"


def names(objs, n=3):
    return [o.name() for _ in range(n) for o in objs]


ws = [Widget(i) for i in range(4)]
vars(ws[0])                              # a dict, still split
ws[1].extra = 1
vars(ws[1])
ws[2].__dict__["other"] = 2              # combined: a key the class never had
ws[3].__dict__["z"] = 0
del ws[3].n
ws[3].n = 3                              # combined, another order
print(names(ws))
ws[2].kind = "own kind"                  # shadowed in a combined dict
ws[3].name = lambda: "own method"        # a method shadowed by the instance
print(names(ws))
del ws[2].kind, ws[3].name
print(names(ws), names([IntLike(5), IntLike(6)]))
il = IntLike(7)
il.kind = "shadowed"
il.name = lambda: "il own"
print(names([il, IntLike(8)]))
wa, wb = Widget(0), Widget(0)
wa.__dict__ = {"n": 10}                  # a combined dict of its own
wb.__dict__ = {"n": 11, "kind": "mine", "name": lambda: "dict method"}
print(names([wa, wb, Widget(12)]))
print([w.kind for w in (wa, wb, Widget(1))] * 2)


class cached:
    """A non-data descriptor that stores its value in the instance, as
    functools.cached_property and SQLAlchemy's memoized_property do."""

    def __init__(self, func):
        self.func = func

    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = obj.__dict__[self.func.__name__] = self.func(obj)
        return value


class Lazy:
    def __init__(self, n):
        self.n = n

    @cached
    def square(self):
        print("computing", self.n)
        return self.n * self.n

    def method(self):
        return "method"


def squares(objs):
    return [o.square for o in objs] + [o.method() for o in objs] + [o.method for o in objs][:0]


lz = [Lazy(i) for i in range(3)]
print(squares(lz), squares(lz))
del lz[1].square                      # computed again
print(squares(lz))
lz[2].square = "set by hand"
print(squares(lz), [type(o.method).__name__ for o in lz])


import asyncio
import functools


class MyFuture(asyncio.Future):  # its dict sits at the C type's tp_dictoffset
    tag = "future"

    def describe(self):
        return self.tag


def describe_all(objs):
    return [o.describe() for o in objs] + [o.tag for o in objs]


loop = asyncio.new_event_loop()
futs = [MyFuture(loop=loop) for _ in range(3)]
print(describe_all(futs))
futs[1].tag = "own tag"
futs[2].describe = lambda: "own describe"
print(describe_all(futs), describe_all(futs))
loop.close()
part = functools.partial(int, base=2)  # a C type with a dict of its own
part.note = "noted"
print([part.note for _ in range(3)], [part.func for _ in range(3)])


# type's own data descriptors (__name__, __qualname__, __doc__, __module__)
# read from many classes at one site: one cache entry for every class
class Named:
    pass


class NamedSub(Named):
    "doc of NamedSub"


class NameMeta(type):
    @property
    def __name__(cls):
        return "meta-named"


class MetaNamed(metaclass=NameMeta):
    pass


def type_names(objs):
    return [(o.__class__.__name__, type(o).__qualname__, type(o).__doc__ is None,
             type(o).__module__) for o in objs]


for _ in range(300):
    seen = type_names([Named(), NamedSub(), 1, "s", MetaNamed(), [], Named])
print(seen)
Named.__name__ = "Renamed"
NamedSub.__qualname__ = "Outer.NamedSub"
NamedSub.__doc__ = None
print(type_names([Named(), NamedSub()]))


# classmethods, staticmethods and other descriptors read from the class:
# __get__(None, cls) at each hit, the descriptor's type watched
class ClassDesc:
    def __get__(self, obj, cls):
        return ("ClassDesc", obj, cls.__name__)
class Maker:
    @classmethod
    def make(cls, x):
        return (cls.__name__, x)
    @staticmethod
    def st(x):
        return ("st", x)
    @property
    def p(self):
        return "p"
    d = ClassDesc()
    plain = 5
class MakerSub(Maker):
    pass
def use_class(k):
    return (k.make(1), k.st(2), k.d, k.plain, type(k.p).__name__, k.make)
for i in range(300):
    r = [use_class(Maker), use_class(MakerSub)]
print([x[:5] for x in r], r[0][5].__self__.__name__)
ClassDesc.__get__ = lambda self, obj, cls: "patched"
print(use_class(MakerSub)[2])
del ClassDesc.__get__
print(type(use_class(MakerSub)[2]).__name__)
Maker.make = classmethod(lambda cls, x: ("new", cls.__name__, x))
print(use_class(MakerSub)[0])
MakerSub.make = staticmethod(lambda x: ("static now", x))
print(use_class(MakerSub)[0], use_class(Maker)[0])
class MakerMeta(type):
    def make(cls, x): return "meta make"
class MetaMade(metaclass=MakerMeta):
    @classmethod
    def make(cls, x): return "class make"
print(MetaMade.make(1))
class Bad:
    @classmethod
    @property
    def cp(cls): raise ValueError("from cp")
def bad(k):
    try:
        return k.cp
    except ValueError as e:
        return "ValueError " + str(e)
for i in range(3): print(bad(Bad))
