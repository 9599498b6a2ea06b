"""Calls of plain classes whose __init__ is a Python function, which the
JIT makes itself (the object, then __init__ entered directly): the
result, errors from __init__ and from its binding, the caller's f_lasti as
__init__ sees it, decorators that are such classes (CALL 0 on [NULL,
decorator, function]), C recursion, and an __init__ replaced by a
finalizer while the object is being made (the old __init__ must neither
be called nor used after it is freed)."""
import gc
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)


class ReturnsValue:
    def __init__(self):
        return 5


class Raises:
    def __init__(self, n):
        if n > 2:
            raise ValueError("n too big: %d" % n)
        self.n = n


class CallerLasti:
    def __init__(self):
        self.lasti = sys._getframe(1).f_lasti
        self.line = sys._getframe(1).f_lineno


class Deco:
    """A decorator that is a plain class (as functools.cached_property)."""

    def __init__(self, func):
        self.func = func

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        return self if obj is None else self.func(obj) * 10


class Base:
    @Deco
    def value(self):
        return 4


class Derived(Base):
    @Deco
    def value(self):
        return super().value // 10 + 1   # __class__ cell: __classcell__

    def __init__(self):
        super().__init__()
        self.made = True


@Deco
def module_level():
    return 1


def sums(n):
    total = Point(0, 0)
    for i in range(n):
        total = total + Point(i, 1)
    return total.x, total.y


def errors():
    out = []
    try:
        ReturnsValue()
    except TypeError as e:
        out.append(str(e))
    for n in range(5):
        try:
            out.append(Raises(n).n)
        except ValueError as e:
            out.append("ValueError: %s" % e)
    for args in [(), (1,), (1, 2, 3)]:
        try:
            Point(*args) if args != (1,) else Point(1)
        except TypeError as e:
            out.append(str(e))
    return out


def lasti():
    c = CallerLasti()
    return c.lasti, c.line


def deep(n):
    class Node:
        def __init__(self, k):
            self.child = Node(k - 1) if k else None
    return Node(n)


def recursion():
    try:
        deep(100000)
    except RecursionError:
        return "RecursionError"
    return "no error"


# --- __init__ replaced by a finalizer while an object is being made -------


class Victim:
    def __init__(self, v):
        self.v = ("old", v)


def new_init(self, v):
    self.v = ("new", v)


class Swapper:
    armed = False

    def __del__(self):
        if Swapper.armed:
            Swapper.armed = False
            Victim.__init__ = new_init


def make_victims():
    kept = []                            # (so that collections come often)
    for i in range(300):
        if i == 150:
            a, b = Swapper(), Swapper()
            a.other, b.other = b, a      # a cycle: only a collection frees it
            del a, b
            Swapper.armed = True
        kept.append(Victim(i))
    out = [v.v[0] for v in kept]
    return out.index("new"), out[-1], Swapper.armed


def victims():
    threshold = gc.get_threshold()
    gc.set_threshold(1)
    try:
        return make_victims()
    finally:
        gc.set_threshold(*threshold)


print(sums(300))
print(errors())
print(lasti())
print(Derived().value, Base().value, Derived().made, module_level.func())
print(recursion())
print(victims())


class KwVictim:
    def __init__(self, a, b=0):
        self.v = ("old", a, b)


def kw_new_init(self, a, b=0):
    self.v = ("new", a, b)


class KwSwapper:
    armed = False

    def __del__(self):
        if KwSwapper.armed:
            KwSwapper.armed = False
            KwVictim.__init__ = kw_new_init


def make_kw_victims():
    kept = []
    for i in range(300):
        if i == 150:
            a, b = KwSwapper(), KwSwapper()
            a.other, b.other = b, a
            del a, b
            KwSwapper.armed = True
        kept.append(KwVictim(i, b=-i))
    out = [v.v for v in kept]
    return [v[0] for v in out].index("new"), out[-1]


def kw_victims():
    threshold = gc.get_threshold()
    gc.set_threshold(1)
    try:
        return make_kw_victims()
    finally:
        gc.set_threshold(*threshold)


print(kw_victims())


class Base2:
    def __init__(self, v):
        self.v = ("base", v)


class Child2(Base2):
    pass


def make_children(n):
    return [Child2(i).v[0] for i in range(n)]


def patched_inits():
    out = [make_children(3)]
    Base2.__init__ = lambda self, v: setattr(self, "v", ("patched base", v))
    out.append(make_children(3))
    Child2.__init__ = lambda self, v: setattr(self, "v", ("own", v))
    out.append(make_children(3))
    del Child2.__init__
    out.append(make_children(3))
    Base2.__init__ = lambda self, v: None
    try:
        make_children(1)
    except AttributeError as e:
        out.append("AttributeError: %s" % e)
    return out


print(patched_inits())
